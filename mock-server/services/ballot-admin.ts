/**
 * Running a ballot: who may organise one, drafting it, its items, the
 * roll preview and the announcement that freezes the roll.
 *
 * Who organises (Civil Code art. 277, 280; PRODUCT.md "居代业"): the
 * owners' committee of the estate; where the estate has none, the
 * residents' committee, and only under a mandate of the owners' assembly
 * recorded in `mandates`. The property company never does: it is a party
 * the owners decide about, not for.
 *
 * Opening and closing need nobody: the phase follows the clock
 * (src/core/ballot.ts). Publication is in results.ts.
 */
import { randomBytes } from 'node:crypto'

import type { StaffOrg } from '@/core/api-types'
import { formatArea } from '@/core/area'
import { publishDeadline, scheduleProblem } from '@/core/ballot-rules'
import { NOTICE_PERIOD, SCHEDULE_PROBLEM_TEXT } from '@/core/ballot-rules'
import { MATTER_TEXT } from '@/core/ballot'
import type { FieldIssue } from '@/core/errors'
import { AppError } from '@/core/errors'
import type { Matter } from '@/core/tally'
import { rollTotals, voterKeyOf } from '@/core/tally'
import type {
  BallotElectorate,
  BallotItemRequest,
  DraftBallotRequest,
  ManagedBallot,
  OrganizerView,
  RollPreview,
  StaffBallotList,
} from '@/core/voting-api'

import { sql } from '../store/database'
import type { BallotRow } from './ballots'
import {
  ballotDetail,
  electorateOf,
  itemsOf,
  phaseOf,
  rollOf,
  visibleBallot,
} from './ballots'
import type { Context } from './context'
import { iso } from './context'
import {
  agendaElection,
  electionDraft,
  isElection,
  removeElection,
  saveElection,
} from './elections'
import type { Viewer } from './identity'
import { insertNotice } from './notices-store'
import { appendEntry } from './record'
import { freezeRoll, liveRoll, toRollUnit } from './roll'

export const MAX_ITEMS = 20

// Shanghai keeps UTC+8 all year.
const SHANGHAI_OFFSET = 8 * 60 * 60 * 1000

export interface Organizer extends OrganizerView {
  mandateId: string | null
}

/** The capacity in which the viewer may run ballots of an estate. */
export function organizerFor(
  ctx: Context,
  viewer: Viewer,
  estateId: string,
): Organizer {
  const estate = sql(
    ctx.db,
    'SELECT has_owners_committee FROM estates WHERE id = ?',
  ).get(estateId) as { has_owners_committee: number } | undefined
  if (!estate) throw new AppError('NOT_FOUND')
  if (!viewer.estateIds.includes(estateId)) throw new AppError('OTHER_ESTATE')
  const orgs = new Set(
    (
      sql(
        ctx.db,
        'SELECT org FROM staff_roles WHERE person_id = ? AND estate_id = ?',
      ).all(viewer.personId, estateId) as { org: StaffOrg }[]
    ).map((row) => row.org),
  )

  if (estate.has_owners_committee === 1) {
    if (!orgs.has('owners-committee')) {
      throw new AppError('NOT_BALLOT_ORGANIZER')
    }
    return { estateId, org: 'owners-committee', mandate: null, mandateId: null }
  }
  if (!orgs.has('residents-committee')) {
    throw new AppError('NOT_BALLOT_ORGANIZER')
  }
  const mandate = sql(
    ctx.db,
    'SELECT id, text FROM mandates WHERE estate_id = ? ORDER BY granted_at DESC LIMIT 1',
  ).get(estateId) as { id: string; text: string } | undefined
  if (!mandate) throw new AppError('MANDATE_REQUIRED')
  return {
    estateId,
    org: 'residents-committee',
    mandate: mandate.text,
    mandateId: mandate.id,
  }
}

/** The ballot, if the viewer organises ballots of its estate. */
function managedRow(ctx: Context, viewer: Viewer, ballotId: string) {
  const ballot = visibleBallot(ctx, viewer, ballotId)
  const organizer = organizerFor(ctx, viewer, ballot.estate_id)
  return { ballot, organizer }
}

function draftRow(ctx: Context, viewer: Viewer, ballotId: string) {
  const managed = managedRow(ctx, viewer, ballotId)
  if (managed.ballot.announced_at !== null) {
    throw new AppError('BALLOT_NOT_DRAFT')
  }
  return managed
}

/** Buildings and units named in an electorate must exist in the estate. */
function checkElectorate(
  ctx: Context,
  estateId: string,
  electorate: BallotElectorate,
): void {
  const issues: FieldIssue[] = []
  if (electorate.kind === 'buildings') {
    const known = sql(
      ctx.db,
      'SELECT 1 FROM buildings WHERE estate_id = ? AND number = ?',
    )
    for (const b of electorate.buildings) {
      if (!known.get(estateId, b)) {
        issues.push({ field: 'electorate', message: `本小区没有 ${b} 号楼` })
      }
    }
  }
  if (electorate.kind === 'units') {
    const known = sql(
      ctx.db,
      `SELECT 1 FROM units u JOIN buildings b ON b.id = u.building_id
        WHERE u.estate_id = ? AND b.number || '-' || u.room = ?`,
    )
    for (const unit of electorate.units) {
      if (!known.get(estateId, unit)) {
        issues.push({ field: 'electorate', message: `本小区没有房屋 ${unit}` })
      }
    }
  }
  if (issues.length > 0) throw new AppError('VALIDATION_FAILED', issues)
}

function checkSchedule(
  opensAt: number,
  closesAt: number,
  announceAt: number | null,
): void {
  const problem = scheduleProblem(opensAt, closesAt, announceAt)
  if (problem) {
    throw new AppError('SCHEDULE_INVALID', [
      { field: 'opensAt', message: SCHEDULE_PROBLEM_TEXT[problem] },
    ])
  }
}

/** What organisers see of a ballot, and what they may do next. */
export function managedBallot(
  ctx: Context,
  viewer: Viewer,
  ballotId: string,
): ManagedBallot {
  const { ballot } = managedRow(ctx, viewer, ballotId)
  const now = ctx.now()
  const phase = phaseOf(ballot, now)
  const counts = sql(
    ctx.db,
    `SELECT count(*) AS votes, count(proxy_id) AS proxy_votes FROM votes v
      WHERE ballot_id = ? AND seq = (SELECT max(seq) FROM votes w
        WHERE w.ballot_id = v.ballot_id AND w.voter_id = v.voter_id)`,
  ).get(ballot.id) as { votes: number; proxy_votes: number }
  return {
    ballot: ballotDetail(ctx, viewer, ballot.id),
    canEdit: phase === 'draft',
    canAnnounce: phase === 'draft' && itemsOf(ctx.db, ballot.id).length > 0,
    canPublish: phase === 'closed',
    earliestOpening: iso(now + NOTICE_PERIOD),
    publishBy:
      phase === 'closed' || phase === 'published'
        ? iso(publishDeadline(ballot.closes_at))
        : null,
    votes: counts.votes,
    proxyVotes: counts.proxy_votes,
    elections: itemsOf(ctx.db, ballot.id)
      .filter(isElection)
      .map((item) => ({
        itemId: item.id,
        election: electionDraft(ctx.db, item),
      })),
  }
}

/** The estate's ballots for its organisers, drafts included. */
export function staffBallots(
  ctx: Context,
  viewer: Viewer,
  estateId: string,
): StaffBallotList {
  const { mandateId: _mandateId, ...organizer } = organizerFor(
    ctx,
    viewer,
    estateId,
  )
  const rows = sql(
    ctx.db,
    'SELECT * FROM ballots WHERE estate_id = ? ORDER BY created_at DESC',
  ).all(estateId) as BallotRow[]
  return {
    organizer,
    ballots: rows.map((b) => ({
      id: b.id,
      title: b.title,
      phase: phaseOf(b, ctx.now()),
    })),
  }
}

export function createDraft(
  ctx: Context,
  viewer: Viewer,
  estateId: string,
  request: DraftBallotRequest,
): ManagedBallot {
  const organizer = organizerFor(ctx, viewer, estateId)
  checkElectorate(ctx, estateId, request.electorate)
  const opensAt = Date.parse(request.opensAt)
  const closesAt = Date.parse(request.closesAt)
  checkSchedule(opensAt, closesAt, null)

  const id = `${estateId}-${randomBytes(5).toString('hex')}`
  sql(
    ctx.db,
    `INSERT INTO ballots
       (id, estate_id, title, description, organizer_org, mandate_id,
        electorate, allow_changes, created_at, opens_at, closes_at,
        created_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    id,
    estateId,
    request.title.trim(),
    request.description.trim(),
    organizer.org,
    organizer.mandateId,
    JSON.stringify(request.electorate),
    request.allowChanges ? 1 : 0,
    ctx.now(),
    opensAt,
    closesAt,
    viewer.personId,
  )
  return managedBallot(ctx, viewer, id)
}

export function updateDraft(
  ctx: Context,
  viewer: Viewer,
  ballotId: string,
  request: DraftBallotRequest,
): ManagedBallot {
  const { ballot } = draftRow(ctx, viewer, ballotId)
  checkElectorate(ctx, ballot.estate_id, request.electorate)
  const opensAt = Date.parse(request.opensAt)
  const closesAt = Date.parse(request.closesAt)
  checkSchedule(opensAt, closesAt, null)
  sql(
    ctx.db,
    `UPDATE ballots SET title = ?, description = ?, electorate = ?,
            allow_changes = ?, opens_at = ?, closes_at = ?
      WHERE id = ?`,
  ).run(
    request.title.trim(),
    request.description.trim(),
    JSON.stringify(request.electorate),
    request.allowChanges ? 1 : 0,
    opensAt,
    closesAt,
    ballot.id,
  )
  return managedBallot(ctx, viewer, ballot.id)
}

/**
 * Electing the committee and hiring the property company are ordinary
 * matters (Civil Code art. 278 (4), (5)): an election item is one,
 * whatever the request says.
 */
function itemMatter(request: BallotItemRequest): Matter {
  return request.election ? 'ordinary' : request.matter
}

export function addItem(
  ctx: Context,
  viewer: Viewer,
  ballotId: string,
  request: BallotItemRequest,
): ManagedBallot {
  const { ballot } = draftRow(ctx, viewer, ballotId)
  const count = itemsOf(ctx.db, ballot.id).length
  if (count >= MAX_ITEMS) {
    throw new AppError('VALIDATION_FAILED', [
      { field: 'items', message: `一次表决最多 ${MAX_ITEMS} 个事项` },
    ])
  }
  const itemId = `${ballot.id}-i${randomBytes(4).toString('hex')}`
  ctx.db.transaction(() => {
    sql(
      ctx.db,
      'INSERT INTO ballot_items (id, ballot_id, seq, title, description, matter) VALUES (?, ?, ?, ?, ?, ?)',
    ).run(
      itemId,
      ballot.id,
      count + 1,
      request.title.trim(),
      request.description.trim(),
      itemMatter(request),
    )
    saveElection(ctx, viewer, ballot.estate_id, itemId, request.election)
  })()
  return managedBallot(ctx, viewer, ballot.id)
}

function itemOf(ctx: Context, ballotId: string, itemId: string) {
  const item = itemsOf(ctx.db, ballotId).find((i) => i.id === itemId)
  if (!item) throw new AppError('NOT_FOUND')
  return item
}

export function updateItem(
  ctx: Context,
  viewer: Viewer,
  ballotId: string,
  itemId: string,
  request: BallotItemRequest,
): ManagedBallot {
  const { ballot } = draftRow(ctx, viewer, ballotId)
  const item = itemOf(ctx, ballot.id, itemId)
  ctx.db.transaction(() => {
    sql(
      ctx.db,
      'UPDATE ballot_items SET title = ?, description = ?, matter = ? WHERE id = ?',
    ).run(
      request.title.trim(),
      request.description.trim(),
      itemMatter(request),
      item.id,
    )
    saveElection(ctx, viewer, ballot.estate_id, item.id, request.election)
  })()
  return managedBallot(ctx, viewer, ballot.id)
}

export function removeItem(
  ctx: Context,
  viewer: Viewer,
  ballotId: string,
  itemId: string,
): ManagedBallot {
  const { ballot } = draftRow(ctx, viewer, ballotId)
  const item = itemOf(ctx, ballot.id, itemId)
  ctx.db.transaction(() => {
    removeElection(ctx.db, item.id)
    sql(ctx.db, 'DELETE FROM ballot_items WHERE id = ?').run(item.id)
    // Keep the numbering 1, 2, 3…: owners read "第 2 项". One row at a
    // time, upwards, so the (ballot, seq) key is never held twice.
    const later = itemsOf(ctx.db, ballot.id).filter((i) => i.seq > item.seq)
    const renumber = sql(ctx.db, 'UPDATE ballot_items SET seq = ? WHERE id = ?')
    for (const i of later) renumber.run(i.seq - 1, i.id)
  })()
  return managedBallot(ctx, viewer, ballot.id)
}

/** The roll as it would be frozen now (a draft), or as it was frozen. */
export function rollPreview(
  ctx: Context,
  viewer: Viewer,
  ballotId: string,
): RollPreview {
  const { ballot } = managedRow(ctx, viewer, ballotId)
  const roll = rollOf(ctx, ballot)
  const units = roll.map(toRollUnit)
  const totals = rollTotals(units)

  const unitsOfVoter = new Map<string, number>()
  for (const unit of units) {
    if (unit.developerHeld) continue
    const key = voterKeyOf(unit)
    unitsOfVoter.set(key, (unitsOfVoter.get(key) ?? 0) + 1)
  }
  const byBuilding = new Map<string, { units: number; area: number }>()
  for (const row of roll) {
    const entry = byBuilding.get(row.building) ?? { units: 0, area: 0 }
    entry.units += 1
    entry.area += row.area
    byBuilding.set(row.building, entry)
  }
  return {
    frozen: ballot.announced_at !== null,
    units: roll.length,
    area: formatArea(totals.area),
    headcount: totals.headcount,
    developerHeldUnits: units.filter((u) => u.developerHeld).length,
    multiUnitOwners: [...unitsOfVoter.values()].filter((n) => n > 1).length,
    coOwnedUnits: units.filter((u) => !u.developerHeld && u.owners.length > 1)
      .length,
    buildings: [...byBuilding.entries()]
      .sort((a, b) => Number(a[0]) - Number(b[0]))
      .map(([building, e]) => ({
        building,
        units: e.units,
        area: formatArea(e.area),
      })),
  }
}

/**
 * Announces a draft: the agenda and the roll become public and fixed.
 * The roll is frozen (its digest the ballot's first record entry), the
 * agenda follows as the `announce` entry, and a meeting notice goes to
 * the owners, as the notice period requires them to be told.
 */
export function announceBallot(
  ctx: Context,
  viewer: Viewer,
  ballotId: string,
): ManagedBallot {
  const { ballot, organizer } = draftRow(ctx, viewer, ballotId)
  const items = itemsOf(ctx.db, ballot.id)
  if (items.length === 0) throw new AppError('BALLOT_NO_ITEMS')
  const at = ctx.now()
  checkSchedule(ballot.opens_at, ballot.closes_at, at)
  const electorate = electorateOf(ballot)
  if (liveRoll(ctx.db, ballot.estate_id, electorate).length === 0) {
    throw new AppError('ROLL_EMPTY')
  }

  ctx.db.transaction(() => {
    freezeRoll(
      ctx.db,
      ballot.id,
      ballot.estate_id,
      electorate,
      at,
      () => `V${randomBytes(6).toString('hex').toUpperCase()}`,
    )
    sql(ctx.db, 'UPDATE ballots SET announced_at = ? WHERE id = ?').run(
      at,
      ballot.id,
    )
    appendEntry(ctx.db, ballot.id, 'announce', at, {
      title: ballot.title,
      organizer: organizer.org,
      mandateId: organizer.mandateId,
      electorate: ballot.electorate,
      allowChanges: ballot.allow_changes === 1,
      opensAt: ballot.opens_at,
      closesAt: ballot.closes_at,
      items: items.map((i) => ({
        itemId: i.id,
        seq: i.seq,
        title: i.title,
        matter: i.matter,
        // The candidates are part of the agenda: fixed in the record.
        ...agendaElection(ctx.db, i),
      })),
    })
    insertNotice(ctx.db, {
      estateId: ballot.estate_id,
      category: 'meeting',
      title: `表决公告：${ballot.title}`,
      body: announcementText(ballot, items),
      authorOrg: organizer.org,
      authorPersonId: viewer.personId,
      audience: electorate.kind === 'units' ? { kind: 'estate' } : electorate,
      publishAt: at,
      endsAt: ballot.closes_at,
      sourceBallotId: ballot.id,
      createdAt: at,
    })
  })()
  return managedBallot(ctx, viewer, ballot.id)
}

/** "2026-12-20 10:00" in Shanghai, for the text of notices. */
export function shanghaiTime(ms: number): string {
  const text = new Date(ms + SHANGHAI_OFFSET).toISOString()
  return `${text.slice(0, 10)} ${text.slice(11, 16)}`
}

function announcementText(
  ballot: BallotRow,
  items: ReturnType<typeof itemsOf>,
): string {
  const lines = [
    ballot.description,
    '',
    `投票时间：${shanghaiTime(ballot.opens_at)} 至 ${shanghaiTime(ballot.closes_at)}（北京时间）`,
    '表决事项：',
    ...items.map(
      (i) => `第 ${i.seq} 项 ${i.title}（${MATTER_TEXT[i.matter]}）`,
    ),
    '',
    '表决名册已同时公布，可在“议事”中查看。',
  ]
  return lines.join('\n')
}
