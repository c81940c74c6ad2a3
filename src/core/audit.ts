/**
 * The full audit of a closed ballot's record (RecordExport), as the app
 * runs it on a phone, the auditor's command runs it in a terminal and the
 * benchmark times it: one code path, so they can not disagree.
 *
 * Steps, each reported through `onProgress`:
 *   entries  every entry's hash and its link to the one before
 *   blocks   every block's place in the chain of headers, its Merkle root
 *            recomputed from the entries, and its endorsers' signatures
 *            against the keys the caller trusts (never keys in the file)
 *   roll     the published roll against the digest in the first entry,
 *            its totals, and the grouping of units into voters
 *   count    every item recounted with the shared tally and compared
 *            with the published result (the record's `result` entry),
 *            when there is one; the agenda checked against the record's
 *            `announce` entry, when there is one
 *
 * The work runs in chunks; between chunks `pause` lets a phone's UI
 * breathe (a 100,000-vote ballot takes seconds of hashing).
 */
import type { RecordEntryView, RecordExport } from './record-api'
import { merkleRoot } from './merkle'
import {
  misgroupedUnit,
  publishedRollTotals,
  rollDigest,
  rollUnitsOf,
} from './published-roll'
import type { ChainProblemReason } from './record'
import { entryProblem, GENESIS_HASH } from './record'
import type { TrustedKeys } from './seal'
import { checkEndorsements, headerHash } from './seal'
import { formatArea } from './area'
import type { ElectionRules, ElectionVote } from './election'
import { countElection, electionSummary } from './election'
import type { ElectionOutput } from './election-input'
import { electionOutput } from './election-input'
import type { Choice, Measure, RollUnit, TallyProblem, UnitVote } from './tally'
import { CHOICES, tally, TallyInputError } from './tally'
import type { MeasureJson, TallyOutput } from './tally-input'
import { tallyOutput } from './tally-input'

export type AuditStage = 'entries' | 'blocks' | 'roll' | 'count'

export const AUDIT_STAGES: readonly AuditStage[] = [
  'entries',
  'blocks',
  'roll',
  'count',
]

export interface AuditProgress {
  stage: AuditStage
  done: number
  total: number
}

export type AuditProblem =
  | { kind: 'entry'; seq: number; reason: ChainProblemReason }
  /** A block missing, out of order, inserted or not following on. */
  | { kind: 'block-link'; height: number; fromSeq: number }
  | { kind: 'block-root'; height: number; fromSeq: number; toSeq: number }
  | {
      kind: 'block-signatures'
      height: number
      fromSeq: number
      valid: number
    }
  | { kind: 'unsealed'; fromSeq: number; toSeq: number }
  | { kind: 'ballot-mismatch' }
  | { kind: 'roll-missing' }
  | { kind: 'roll-digest' }
  | { kind: 'roll-totals' }
  | { kind: 'roll-grouping'; unit: string }
  | { kind: 'vote-unknown-voter'; seq: number }
  | { kind: 'vote-malformed'; seq: number }
  | { kind: 'vote-after-close'; seq: number }
  | {
      kind: 'result-mismatch'
      itemId: string
      field: keyof TallyOutput
      published: string
      recounted: string
    }
  | { kind: 'result-missing'; itemId: string }
  /** An election's published candidates, elected or run-off differ. */
  | {
      kind: 'election-mismatch'
      itemId: string
      /** The candidate whose support differs; null for the elected list. */
      candidate: string | null
      published: string
      recounted: string
    }
  | { kind: 'count-failed'; problem: TallyProblem; subject: string }

export interface ItemRecount {
  itemId: string
  title: string
  recounted: TallyOutput
  /** Null when no result has been published to compare with. */
  published: TallyOutput | null
  /** On an election item: each candidate's support, recounted. */
  election?: ElectionOutput
}

export interface AuditReport {
  ballotId: string
  entries: number
  /** Voters whose (last) vote the recount counted. */
  votes: number
  blocks: number
  /** Fewest valid endorser signatures on any block; 0 with no blocks. */
  fewestEndorsements: number
  lastSealedAt: number | null
  resultPublished: boolean
  items: ItemRecount[]
  problems: AuditProblem[]
  ok: boolean
}

export interface AuditOptions {
  onProgress?: (progress: AuditProgress) => void
  /** Awaited between chunks; a UI passes a yield to its event loop. */
  pause?: () => Promise<void>
  /** Entries hashed between pauses. */
  chunkSize?: number
  /**
   * Check only the entries and blocks, as `npm run ledger:verify` does
   * for every ballot in a store, whatever its phase.
   */
  recordOnly?: boolean
}

// About 40 ms of hashing on a mid-range phone: short enough that taps
// still answer, long enough that pausing costs little.
export const AUDIT_CHUNK = 2000

// A broken chain breaks everything after it; a list of thousands of
// follow-on problems helps nobody. The first ones name the damage.
const MAX_PROBLEMS = 50

/** A motion's choice, or the candidates picked on an election item. */
type CountedChoice = Choice | readonly string[]

interface CountedVote {
  voterId: string
  choices: Map<string, CountedChoice>
}

function readVote(entry: RecordEntryView): CountedVote | null {
  const { voterId, choices } = entry.body
  if (typeof voterId !== 'string' || !Array.isArray(choices)) return null
  const map = new Map<string, CountedChoice>()
  for (const c of choices) {
    if (typeof c !== 'object' || c === null || Array.isArray(c)) return null
    const { itemId, choice, picks } = c as Record<string, unknown>
    if (typeof itemId !== 'string') return null
    if (Array.isArray(picks) && picks.every((p) => typeof p === 'string')) {
      map.set(itemId, picks as string[])
    } else if (CHOICES.includes(choice as Choice)) {
      map.set(itemId, choice as Choice)
    } else return null
  }
  return { voterId, choices: map }
}

function isCount(value: unknown): value is Measure {
  if (typeof value !== 'object' || value === null) return false
  const m = value as Record<string, unknown>
  return Number.isSafeInteger(m.area) && Number.isSafeInteger(m.headcount)
}

const MEASURES = [
  'totals',
  'participating',
  'agree',
  'oppose',
  'abstain',
] as const

const COUNTED = ['totals', 'agree', 'oppose', 'abstain'] as const

function measureJson(m: Measure): MeasureJson {
  return { area: formatArea(m.area), headcount: m.headcount }
}

/** An election's published detail, from the `result` entry's item. */
interface PublishedElection {
  candidates: Map<string, Measure>
  elected: string[]
  runoff: string[]
}

function isStringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string')
}

function readPublishedElection(raw: unknown): PublishedElection | null {
  if (typeof raw !== 'object' || raw === null) return null
  const e = raw as Record<string, unknown>
  if (!Array.isArray(e.candidates)) return null
  if (!isStringList(e.elected) || !isStringList(e.runoff)) return null
  const candidates = new Map<string, Measure>()
  for (const c of e.candidates) {
    const r = c as Record<string, unknown>
    if (!isCount(c) || typeof r.id !== 'string') return null
    candidates.set(r.id, { area: c.area, headcount: c.headcount })
  }
  return { candidates, elected: e.elected, runoff: e.runoff }
}

/** Each election's published detail, by item; empty with no result. */
function publishedElections(
  entries: readonly RecordEntryView[],
): Map<string, PublishedElection | null> {
  let entry: RecordEntryView | undefined
  for (const e of entries) if (e.kind === 'result') entry = e
  const found = new Map<string, PublishedElection | null>()
  const items = entry && Array.isArray(entry.body.items) ? entry.body.items : []
  for (const raw of items) {
    const r = raw as Record<string, unknown> | null
    if (r && typeof r.itemId === 'string' && r.election !== undefined) {
      found.set(r.itemId, readPublishedElection(r.election))
    }
  }
  return found
}

/** The first way a published election differs from its recount. */
function electionDifference(
  published: PublishedElection | null,
  recounted: ElectionOutput,
): Omit<
  Extract<AuditProblem, { kind: 'election-mismatch' }>,
  'itemId' | 'kind'
> | null {
  if (!published) {
    return { candidate: null, published: 'missing', recounted: 'present' }
  }
  for (const c of recounted.candidates) {
    const a = published.candidates.get(c.id)
    const mine = measureText({ area: c.area, headcount: c.headcount })
    const theirs = a ? measureText(measureJson(a)) : 'missing'
    if (mine !== theirs) {
      return { candidate: c.id, published: theirs, recounted: mine }
    }
  }
  const pair = [
    [published.elected, recounted.elected],
    [published.runoff, recounted.runoff],
  ]
  for (const [a, b] of pair) {
    if (JSON.stringify([...a].sort()) !== JSON.stringify([...b].sort())) {
      return { candidate: null, published: a.join(','), recounted: b.join(',') }
    }
  }
  return null
}

/**
 * The published result of each item, from the last `result` entry of the
 * record (areas in 0.01 m²), in the tally command's output form. Read
 * defensively: an item that does not parse is left out and reported.
 */
export function publishedResults(
  entries: readonly RecordEntryView[],
): Map<string, TallyOutput> | null {
  let entry: RecordEntryView | undefined
  for (const e of entries) if (e.kind === 'result') entry = e
  if (!entry) return null
  const results = new Map<string, TallyOutput>()
  const items = Array.isArray(entry.body.items) ? entry.body.items : []
  for (const raw of items) {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) continue
    const r = raw as Record<string, unknown>
    if (typeof r.itemId !== 'string') continue
    if (!COUNTED.every((k) => isCount(r[k]))) continue
    if (typeof r.quorum !== 'boolean' || typeof r.approved !== 'boolean') {
      continue
    }
    const [totals, agree, oppose, abstain] = COUNTED.map((k) => r[k] as Measure)
    results.set(r.itemId, {
      totals: measureJson(totals),
      // Abstentions take part, as in the tally.
      participating: measureJson({
        area: agree.area + oppose.area + abstain.area,
        headcount: agree.headcount + oppose.headcount + abstain.headcount,
      }),
      agree: measureJson(agree),
      oppose: measureJson(oppose),
      abstain: measureJson(abstain),
      quorum: r.quorum,
      approved: r.approved,
    })
  }
  return results
}

/**
 * Does the agenda in the file match the record's `announce` entry? True
 * when the record has none (ballots seeded before announcements were
 * recorded).
 */
function agendaMatches(exported: RecordExport): boolean {
  const announce = exported.entries.find((e) => e.kind === 'announce')
  if (!announce) return true
  const { closesAt, items } = announce.body
  if (closesAt !== Date.parse(exported.ballot.closesAt)) return false
  if (!Array.isArray(items) || items.length !== exported.ballot.items.length) {
    return false
  }
  return exported.ballot.items.every((item) =>
    items.some((raw) => {
      const r = raw as Record<string, unknown>
      return r.itemId === item.id && r.matter === item.matter
    }),
  )
}

function measureText(m: MeasureJson): string {
  return `${m.area} m² / ${m.headcount}`
}

function firstDifference(
  published: TallyOutput,
  recounted: TallyOutput,
): { field: keyof TallyOutput; published: string; recounted: string } | null {
  for (const k of MEASURES) {
    const a = published[k]
    const b = recounted[k]
    if (a.area !== b.area || a.headcount !== b.headcount) {
      return { field: k, published: measureText(a), recounted: measureText(b) }
    }
  }
  for (const k of ['quorum', 'approved'] as const) {
    if (published[k] !== recounted[k]) {
      return {
        field: k,
        published: String(published[k]),
        recounted: String(recounted[k]),
      }
    }
  }
  return null
}

/**
 * Each voter's vote that counts: the last one, since a later vote (where
 * the ballot allows changes) supersedes an earlier one in the record.
 */
export function countedVotes(
  entries: readonly RecordEntryView[],
): Map<string, CountedVote & { seq: number; at: number }> {
  const latest = new Map<string, CountedVote & { seq: number; at: number }>()
  for (const entry of entries) {
    if (entry.kind !== 'vote') continue
    const vote = readVote(entry)
    if (vote)
      latest.set(vote.voterId, { ...vote, seq: entry.seq, at: entry.at })
  }
  return latest
}

/**
 * One item's recount input from the record: each voter's choice goes to
 * the first unit of that voter, which the tally counts for all of them.
 */
export function itemVotes(exported: RecordExport, itemId: string): UnitVote[] {
  return votesOf(exported, itemId).flatMap(({ unit, choice }) =>
    typeof choice === 'string' ? [{ unit, choice }] : [],
  )
}

/** An election item's recount input from the record, as itemVotes. */
export function electionVotes(
  exported: RecordExport,
  itemId: string,
): ElectionVote[] {
  return votesOf(exported, itemId).flatMap(({ unit, choice }) =>
    typeof choice === 'string' ? [] : [{ unit, picks: [...choice] }],
  )
}

function votesOf(exported: RecordExport, itemId: string) {
  const unitOfVoter = new Map<string, string>()
  for (const u of exported.roll) {
    if (!unitOfVoter.has(u.voter)) unitOfVoter.set(u.voter, u.unit)
  }
  const votes: { unit: string; choice: CountedChoice }[] = []
  for (const vote of countedVotes(exported.entries).values()) {
    const unit = unitOfVoter.get(vote.voterId)
    const choice = vote.choices.get(itemId)
    if (unit !== undefined && choice !== undefined) {
      votes.push({ unit, choice })
    }
  }
  return votes
}

/** One item recounted: a motion with the tally, an election with its count. */
function recountItem(
  exported: RecordExport,
  item: RecordExport['ballot']['items'][number],
  units: RollUnit[],
): { recounted: TallyOutput; election?: ElectionOutput } {
  if (!item.election) {
    return {
      recounted: tallyOutput(
        tally(item.matter, units, itemVotes(exported, item.id)),
      ),
    }
  }
  const rules: ElectionRules = item.election
  const result = countElection(rules, units, electionVotes(exported, item.id))
  return {
    recounted: tallyOutput(electionSummary(result)),
    election: electionOutput(rules, result),
  }
}

function noPause(): Promise<void> {
  return Promise.resolve()
}

export async function auditRecord(
  exported: RecordExport,
  keys: TrustedKeys,
  options: AuditOptions = {},
): Promise<AuditReport> {
  const report = options.onProgress ?? (() => undefined)
  const pause = options.pause ?? noPause
  const chunk = options.chunkSize ?? AUDIT_CHUNK
  const { entries, blocks, roll } = exported
  const problems: AuditProblem[] = []
  const problem = (p: AuditProblem) => {
    if (problems.length < MAX_PROBLEMS) problems.push(p)
  }

  // Entries: stop at the first bad one; everything after it is suspect.
  let prev = GENESIS_HASH
  for (let start = 0; start < entries.length; start += chunk) {
    const end = Math.min(start + chunk, entries.length)
    let broken = false
    for (let i = start; i < end; i++) {
      const reason = entryProblem(entries[i], i + 1, prev)
      if (reason !== null) {
        const seq = reason === 'seq' ? i + 1 : entries[i].seq
        problem({ kind: 'entry', seq, reason })
        broken = true
        break
      }
      prev = entries[i].hash
    }
    report({ stage: 'entries', done: end, total: entries.length })
    await pause()
    if (broken) break
  }

  // Blocks: each must follow the one before, cover the next entries, have
  // the root of those entries and enough endorsers' signatures.
  let prevHeader = GENESIS_HASH
  let nextSeq = 1
  let fewest = blocks.length === 0 ? 0 : Number.MAX_SAFE_INTEGER
  let chunkLeaves = 0
  for (let i = 0; i < blocks.length; i++) {
    const { header, endorsements } = blocks[i]
    const height = i + 1
    if (
      header.ballotId !== exported.ballot.id ||
      header.height !== height ||
      header.prevHash !== prevHeader ||
      header.fromSeq !== nextSeq ||
      header.toSeq < header.fromSeq ||
      header.toSeq > entries.length
    ) {
      problem({ kind: 'block-link', height, fromSeq: nextSeq })
      break
    }
    const hashes = entries
      .slice(header.fromSeq - 1, header.toSeq)
      .map((e) => e.hash)
    if (merkleRoot(hashes) !== header.root) {
      problem({
        kind: 'block-root',
        height,
        fromSeq: header.fromSeq,
        toSeq: header.toSeq,
      })
    }
    const check = checkEndorsements(header, endorsements, keys)
    fewest = Math.min(fewest, check.valid.length)
    if (!check.sealed) {
      problem({
        kind: 'block-signatures',
        height,
        fromSeq: header.fromSeq,
        valid: check.valid.length,
      })
    }
    prevHeader = headerHash(header)
    nextSeq = header.toSeq + 1
    chunkLeaves += hashes.length
    if (chunkLeaves >= chunk || i === blocks.length - 1) {
      chunkLeaves = 0
      report({ stage: 'blocks', done: height, total: blocks.length })
      await pause()
    }
  }
  if (nextSeq <= entries.length) {
    problem({ kind: 'unsealed', fromSeq: nextSeq, toSeq: entries.length })
  }

  if (options.recordOnly) {
    return summary(exported, blocks, fewest, null, [], problems)
  }

  // Roll: the digest sealed in its entry, its totals, the grouping.
  const first = entries.find((e) => e.kind === 'roll')
  if (!first) {
    problem({ kind: 'roll-missing' })
  } else {
    let digest: string | null = null
    try {
      digest = rollDigest(roll)
    } catch {
      digest = null
    }
    if (digest === null || digest !== first.body.rollHash) {
      problem({ kind: 'roll-digest' })
    } else {
      const totals = publishedRollTotals(roll)
      if (
        first.body.units !== roll.length ||
        first.body.area !== totals.area ||
        first.body.headcount !== totals.headcount
      ) {
        problem({ kind: 'roll-totals' })
      }
      const unit = misgroupedUnit(roll)
      if (unit !== null) problem({ kind: 'roll-grouping', unit })
    }
  }
  report({ stage: 'roll', done: 1, total: 1 })
  await pause()

  // Count: the agenda is the announced one; every vote must name a voter
  // on the roll, be well formed and be cast before the deadline; then
  // each item is recounted.
  if (!agendaMatches(exported)) problem({ kind: 'ballot-mismatch' })
  const voters = new Set(roll.map((u) => u.voter))
  const closesAt = Date.parse(exported.ballot.closesAt)
  for (const entry of entries) {
    if (entry.kind !== 'vote') continue
    const vote = readVote(entry)
    if (!vote) problem({ kind: 'vote-malformed', seq: entry.seq })
    else if (!voters.has(vote.voterId)) {
      problem({ kind: 'vote-unknown-voter', seq: entry.seq })
    } else if (entry.at >= closesAt) {
      problem({ kind: 'vote-after-close', seq: entry.seq })
    }
  }

  const items: ItemRecount[] = []
  const published = publishedResults(entries)
  const ordered = [...exported.ballot.items].sort((a, b) => a.seq - b.seq)
  try {
    const units: RollUnit[] = rollUnitsOf(roll)
    const elections = publishedElections(entries)
    for (let i = 0; i < ordered.length; i++) {
      const item = ordered[i]
      const { recounted, election } = recountItem(exported, item, units)
      const publishedItem = published?.get(item.id) ?? null
      if (published && publishedItem === null) {
        problem({ kind: 'result-missing', itemId: item.id })
      }
      const diff = publishedItem && firstDifference(publishedItem, recounted)
      if (diff) problem({ kind: 'result-mismatch', itemId: item.id, ...diff })
      const electionDiff =
        published &&
        election &&
        electionDifference(elections.get(item.id) ?? null, election)
      if (electionDiff) {
        problem({ kind: 'election-mismatch', itemId: item.id, ...electionDiff })
      }
      items.push({
        itemId: item.id,
        title: item.title,
        recounted,
        published: publishedItem,
        ...(election ? { election } : {}),
      })
      report({ stage: 'count', done: i + 1, total: ordered.length })
      await pause()
    }
  } catch (error) {
    // A roll the tally refuses (an area that is no area, a unit with no
    // owners) was already named above when its digest failed; say why
    // the count could not be made.
    if (!(error instanceof TallyInputError)) throw error
    problem({
      kind: 'count-failed',
      problem: error.problem,
      subject: error.subject,
    })
  }

  return summary(exported, blocks, fewest, published, items, problems)
}

function summary(
  exported: RecordExport,
  blocks: RecordExport['blocks'],
  fewest: number,
  published: Map<string, TallyOutput> | null,
  items: ItemRecount[],
  problems: AuditProblem[],
): AuditReport {
  const last = blocks[blocks.length - 1]
  return {
    ballotId: exported.ballot.id,
    entries: exported.entries.length,
    votes: countedVotes(exported.entries).size,
    blocks: blocks.length,
    fewestEndorsements: fewest,
    lastSealedAt: last ? last.header.sealedAt : null,
    resultPublished: published !== null,
    items,
    problems,
    ok: problems.length === 0,
  }
}

/** The first entry a problem puts in doubt, or null for the others. */
export function firstBadSeq(p: AuditProblem): number | null {
  switch (p.kind) {
    case 'entry':
    case 'vote-unknown-voter':
    case 'vote-malformed':
    case 'vote-after-close':
      return p.seq
    case 'block-link':
    case 'block-root':
    case 'block-signatures':
    case 'unsealed':
      return p.fromSeq
    default:
      return null
  }
}
