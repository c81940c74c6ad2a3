/**
 * Reading a ballot's exported record (RecordExport) from untrusted JSON,
 * and turning one of its items into the tally command's input, so that
 * `npm run tally -- export.json --item ID` recounts exactly what the app's
 * full audit recounts. A file that is not a record export is refused with
 * the tally's own error, naming the first field that is wrong.
 */
import { electionVotes, itemVotes } from './audit'
import type { ElectionVote } from './election'
import { rollUnitsOf } from './published-roll'
import type { RecordExport } from './record-api'
import { RECORD_EXPORT_FORMAT } from './record-api'
import { MATTERS, TallyInputError, type Matter } from './tally'
import type { TallyInput } from './tally-input'

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function fail(subject: string): never {
  throw new TallyInputError('bad-input', subject)
}

function isStringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string')
}

/** Does this JSON say it is a record export (rather than tally input)? */
export function isRecordExport(value: unknown): boolean {
  return isObject(value) && value.format === RECORD_EXPORT_FORMAT
}

/**
 * Checks the shape of every part the audit and the recount read; the
 * hashes and signatures are the audit's to check, not this reader's.
 */
export function readRecordExport(value: unknown): RecordExport {
  if (!isRecordExport(value) || !isObject(value)) {
    fail(`format must be "${RECORD_EXPORT_FORMAT}"`)
  }
  const { ballot, roll, entries, blocks } = value
  if (!isObject(ballot) || typeof ballot.id !== 'string') fail('ballot.id')
  if (typeof ballot.closesAt !== 'string') fail('ballot.closesAt')
  if (!Array.isArray(ballot.items)) fail('ballot.items')
  ballot.items.forEach((item: unknown, i: number) => {
    if (!isObject(item) || typeof item.id !== 'string') {
      fail(`ballot.items[${i}].id`)
    }
    if (!MATTERS.includes(item.matter as Matter)) {
      fail(`ballot.items[${i}].matter`)
    }
    if (typeof item.seq !== 'number') fail(`ballot.items[${i}].seq`)
    const { election } = item
    if (
      election !== undefined &&
      (!isObject(election) ||
        typeof election.seats !== 'number' ||
        typeof election.maxPicks !== 'number' ||
        !Array.isArray(election.candidates) ||
        !election.candidates.every(
          (c: unknown) => isObject(c) && typeof c.id === 'string',
        ))
    ) {
      fail(`ballot.items[${i}].election`)
    }
  })
  if (!Array.isArray(roll)) fail('roll')
  roll.forEach((u: unknown, i: number) => {
    if (
      !isObject(u) ||
      typeof u.unit !== 'string' ||
      typeof u.area !== 'string' ||
      typeof u.voter !== 'string' ||
      !isStringList(u.owners) ||
      typeof u.developerHeld !== 'boolean'
    ) {
      fail(`roll[${i}]`)
    }
  })
  if (!Array.isArray(entries)) fail('entries')
  entries.forEach((e: unknown, i: number) => {
    if (
      !isObject(e) ||
      typeof e.ballotId !== 'string' ||
      typeof e.seq !== 'number' ||
      typeof e.prevHash !== 'string' ||
      typeof e.hash !== 'string' ||
      typeof e.kind !== 'string' ||
      typeof e.at !== 'number' ||
      !isObject(e.body)
    ) {
      fail(`entries[${i}]`)
    }
  })
  if (!Array.isArray(blocks)) fail('blocks')
  blocks.forEach((b: unknown, i: number) => {
    if (
      !isObject(b) ||
      !isObject(b.header) ||
      typeof b.hash !== 'string' ||
      !Array.isArray(b.endorsements)
    ) {
      fail(`blocks[${i}]`)
    }
  })
  return value as unknown as RecordExport
}

/**
 * An election item's recount input, as election-input.ts reads it but
 * with areas already in 0.01 m², as for a yes/no item.
 */
export interface ElectionRecountInput {
  kind: 'election'
  seats: number
  maxPicks: number
  candidates: { id: string; name: string }[]
  units: TallyInput['units']
  votes: ElectionVote[]
}

/**
 * One item's recount input: the published roll and each voter's vote,
 * in the election form for an election item.
 */
export function tallyInputOf(
  exported: RecordExport,
  itemId: string,
): TallyInput | ElectionRecountInput {
  const item = exported.ballot.items.find((i) => i.id === itemId)
  if (!item) {
    const known = exported.ballot.items.map((i) => i.id).join(', ')
    fail(`no item ${itemId} in this ballot (items: ${known})`)
  }
  if (item.election) {
    const { seats, maxPicks, candidates } = item.election
    return {
      kind: 'election',
      seats,
      maxPicks,
      candidates: candidates.map((c) => ({ id: c.id, name: c.name })),
      units: rollUnitsOf(exported.roll),
      votes: electionVotes(exported, itemId),
    }
  }
  return {
    matter: item.matter,
    units: rollUnitsOf(exported.roll),
    votes: itemVotes(exported, itemId),
  }
}
