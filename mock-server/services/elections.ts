/**
 * Election items: their candidates as staff enter them, as owners see
 * them (only what each candidate agreed to publish), the rules the core
 * count and the record use, and the checks on an owner's picks.
 *
 * The published name of a candidate (masked unless they agreed) is also
 * the name the record export and the auditor's command show, so nobody
 * downloading a record learns a name the candidate kept back.
 */
import type { ElectionRules } from '@/core/election'
import type {
  CandidateRequest,
  CandidateView,
  ElectionRequest,
  ElectionView,
  ItemChoice,
} from '@/core/election-api'
import { isPicks, MAX_CANDIDATES } from '@/core/election-api'
import type { FieldIssue } from '@/core/errors'
import { AppError } from '@/core/errors'
import { FILE_TYPES, PHOTO_TYPES } from '@/core/files'
import { maskName } from '@/core/person'
import type { Canonical } from '@/core/record'

import type { Store } from '../store/database'
import { sql } from '../store/database'
import type { ItemRow } from './ballots'
import type { Context } from './context'
import { fileViews, ownFiles } from './files'
import type { Viewer } from './identity'

interface CandidateRow {
  id: string
  seq: number
  kind: 'person' | 'company'
  name: string
  statement: string
  photo_file_id: string | null
  document_file_ids: string
  consent_name: number
  consent_photo: number
  consent_statement: number
}

function candidateRows(db: Store, itemId: string): CandidateRow[] {
  return sql(
    db,
    'SELECT * FROM election_candidates WHERE item_id = ? ORDER BY seq',
  ).all(itemId) as CandidateRow[]
}

/** A company's name is public; a person's only if they agreed. */
function publicName(row: CandidateRow): string {
  return row.kind === 'company' || row.consent_name === 1
    ? row.name
    : maskName(row.name)
}

export function isElection(item: ItemRow): boolean {
  return item.seats !== null
}

/** The rules the core count takes, with names as published. */
export function electionRules(db: Store, item: ItemRow): ElectionRules | null {
  if (item.seats === null) return null
  return {
    seats: item.seats,
    maxPicks: item.max_picks ?? item.seats,
    candidates: candidateRows(db, item.id).map((row) => ({
      id: row.id,
      name: publicName(row),
    })),
  }
}

/** An election's rules as the `announce` entry of the record holds them. */
export function agendaElection(
  db: Store,
  item: ItemRow,
): { [key: string]: Canonical } {
  const rules = electionRules(db, item)
  if (!rules) return {}
  return {
    election: {
      seats: rules.seats,
      maxPicks: rules.maxPicks,
      candidates: rules.candidates.map((c) => ({ id: c.id, name: c.name })),
    },
  }
}

export function candidateKinds(
  db: Store,
  itemId: string,
): Map<string, CandidateRow['kind']> {
  return new Map(candidateRows(db, itemId).map((row) => [row.id, row.kind]))
}

export function electionView(
  ctx: Context,
  item: ItemRow,
): ElectionView | undefined {
  if (item.seats === null) return undefined
  const candidates: CandidateView[] = candidateRows(ctx.db, item.id).map(
    (row) => {
      const photo =
        row.consent_photo === 1 && row.photo_file_id
          ? fileViews(ctx, [row.photo_file_id])[0]
          : undefined
      const documents = fileViews(
        ctx,
        JSON.parse(row.document_file_ids) as string[],
      )
      return {
        id: row.id,
        seq: row.seq,
        kind: row.kind,
        name: publicName(row),
        photoUrl: photo ? photo.url : null,
        statement: row.consent_statement === 1 ? row.statement : null,
        documents: documents.map((d) => ({
          id: d.id,
          type: d.type,
          url: d.url,
        })),
      }
    },
  )
  return {
    seats: item.seats,
    maxPicks: item.max_picks ?? item.seats,
    candidates,
  }
}

/** Everything the organisers entered, to edit a draft. */
export function electionDraft(db: Store, item: ItemRow): ElectionRequest {
  return {
    seats: item.seats ?? 1,
    maxPicks: item.max_picks ?? item.seats ?? 1,
    candidates: candidateRows(db, item.id).map((row) => ({
      kind: row.kind,
      name: row.name,
      statement: row.statement,
      photoFileId: row.photo_file_id,
      documentFileIds: JSON.parse(row.document_file_ids) as string[],
      consent: {
        name: row.consent_name === 1,
        photo: row.consent_photo === 1,
        statement: row.consent_statement === 1,
      },
    })),
  }
}

function electionIssues(election: ElectionRequest): FieldIssue[] {
  const issues: FieldIssue[] = []
  const { seats, maxPicks, candidates } = election
  if (maxPicks > seats) {
    issues.push({
      field: 'election.maxPicks',
      message: '每人可选人数不能多于应选人数',
    })
  }
  if (candidates.length <= seats) {
    // With no more candidates than seats the owners have nothing to
    // choose; a confirmation vote is a yes/no item.
    issues.push({
      field: 'election.candidates',
      message: '候选人应多于应选人数',
    })
  }
  if (candidates.length > MAX_CANDIDATES) {
    issues.push({
      field: 'election.candidates',
      message: `候选人最多 ${MAX_CANDIDATES} 名`,
    })
  }
  const kinds = new Set(candidates.map((c) => c.kind))
  if (kinds.size > 1) {
    issues.push({
      field: 'election.candidates',
      message: '同一事项的候选人应都是个人，或都是投标企业',
    })
  }
  if (kinds.has('company') && seats !== 1) {
    issues.push({
      field: 'election.seats',
      message: '选聘物业服务企业只能选出 1 家',
    })
  }
  return issues
}

/**
 * Makes the item an election with these candidates, or a yes/no item
 * again when `election` is missing. Drafts only: the caller checked.
 */
export function saveElection(
  ctx: Context,
  viewer: Viewer,
  estateId: string,
  itemId: string,
  election: ElectionRequest | undefined,
): void {
  if (election) {
    const issues = electionIssues(election)
    if (issues.length > 0) throw new AppError('ELECTION_INVALID', issues)
    checkFiles(ctx, viewer, estateId, election.candidates)
  }
  ctx.db.transaction(() => {
    sql(ctx.db, 'DELETE FROM election_candidates WHERE item_id = ?').run(itemId)
    sql(
      ctx.db,
      'UPDATE ballot_items SET seats = ?, max_picks = ? WHERE id = ?',
    ).run(election?.seats ?? null, election?.maxPicks ?? null, itemId)
    if (!election) return
    const insert = sql(
      ctx.db,
      `INSERT INTO election_candidates
         (id, item_id, seq, kind, name, statement, photo_file_id,
          document_file_ids, consent_name, consent_photo, consent_statement)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    election.candidates.forEach((c, index) => {
      insert.run(
        `${itemId}-c${index + 1}`,
        itemId,
        index + 1,
        c.kind,
        c.name.trim(),
        c.statement.trim(),
        c.photoFileId,
        JSON.stringify(c.documentFileIds),
        c.consent.name ? 1 : 0,
        c.consent.photo ? 1 : 0,
        c.consent.statement ? 1 : 0,
      )
    })
  })()
}

function checkFiles(
  ctx: Context,
  viewer: Viewer,
  estateId: string,
  candidates: readonly CandidateRequest[],
): void {
  const photos = candidates.flatMap((c) =>
    c.photoFileId ? [c.photoFileId] : [],
  )
  ownFiles(ctx, viewer.personId, estateId, photos, PHOTO_TYPES)
  const documents = candidates.flatMap((c) => c.documentFileIds)
  ownFiles(ctx, viewer.personId, estateId, documents, FILE_TYPES)
}

export function removeElection(db: Store, itemId: string): void {
  sql(db, 'DELETE FROM election_candidates WHERE item_id = ?').run(itemId)
}

/**
 * Each answer fits its item: picks on an election, no more than allowed,
 * each a candidate of it, none twice; 同意/反对/弃权 on any other item.
 */
export function checkPicks(
  db: Store,
  items: readonly ItemRow[],
  choices: readonly ItemChoice[],
): void {
  const byId = new Map(items.map((item) => [item.id, item]))
  for (const choice of choices) {
    const item = byId.get(choice.itemId)
    if (!item) continue
    if (isElection(item) !== isPicks(choice)) {
      throw new AppError('ELECTION_MISMATCH', [
        { field: 'choices', message: `第 ${item.seq} 项的选择方式不对` },
      ])
    }
    if (!isPicks(choice)) continue
    const maxPicks = item.max_picks ?? item.seats ?? 1
    if (choice.picks.length > maxPicks) {
      throw new AppError('TOO_MANY_PICKS', [
        {
          field: 'choices',
          message: `第 ${item.seq} 项最多选 ${maxPicks} 名，您选了 ${choice.picks.length} 名`,
        },
      ])
    }
    const known = new Set(candidateRows(db, item.id).map((row) => row.id))
    if (
      new Set(choice.picks).size !== choice.picks.length ||
      !choice.picks.every((id) => known.has(id))
    ) {
      throw new AppError('PICK_INVALID')
    }
  }
}

/** The published names of some picks, in the order of the list. */
export function pickNames(
  db: Store,
  itemId: string,
  picks: readonly string[],
): string[] {
  const rows = candidateRows(db, itemId)
  return rows.filter((row) => picks.includes(row.id)).map(publicName)
}
