/**
 * The auditor's tally input and output as JSON: a ballot item's roll with
 * areas as decimal strings ("89.53") and its votes by unit. The command
 * line tool and the app's audit screen read the same format, so a recount
 * anywhere means the same thing.
 */
import { formatArea, parseArea } from './area'
import {
  CHOICES,
  MATTERS,
  tally,
  TallyInputError,
  type Choice,
  type Matter,
  type Measure,
  type RollUnit,
  type TallyProblem,
  type TallyResult,
  type UnitVote,
} from './tally'

export interface TallyInput {
  matter: Matter
  units: RollUnit[]
  votes: UnitVote[]
}

export interface MeasureJson {
  area: string
  headcount: number
}

export interface TallyOutput {
  totals: MeasureJson
  participating: MeasureJson
  agree: MeasureJson
  oppose: MeasureJson
  abstain: MeasureJson
  quorum: boolean
  approved: boolean
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

export function fail(problem: TallyProblem, subject: string): never {
  throw new TallyInputError(problem, subject)
}

export function readUnit(raw: unknown, index: number): RollUnit {
  if (!isObject(raw)) fail('bad-input', `units[${index}] is not an object`)
  const { id, area, owners, developerHeld } = raw
  if (typeof id !== 'string' || id === '') {
    fail('bad-input', `units[${index}].id must be a non-empty string`)
  }
  const centi = typeof area === 'string' ? parseArea(area) : null
  if (centi === null) fail('bad-area', id)
  if (!Array.isArray(owners) || !owners.every((o) => typeof o === 'string')) {
    fail('bad-input', `units[${index}].owners must be a list of strings`)
  }
  if (developerHeld !== undefined && typeof developerHeld !== 'boolean') {
    fail('bad-input', `units[${index}].developerHeld must be true or false`)
  }
  return { id, area: centi, owners, developerHeld: developerHeld === true }
}

function readVote(raw: unknown, index: number): UnitVote {
  if (!isObject(raw)) fail('bad-input', `votes[${index}] is not an object`)
  const { unit, choice } = raw
  if (typeof unit !== 'string') {
    fail('bad-input', `votes[${index}].unit must be a string`)
  }
  if (!CHOICES.includes(choice as Choice)) {
    fail('bad-choice', `${String(choice)} (votes[${index}])`)
  }
  return { unit, choice: choice as Choice }
}

/** Reads parsed JSON into tally arguments, naming the first problem. */
export function readTallyInput(value: unknown): TallyInput {
  if (!isObject(value)) fail('bad-input', 'the input is not a JSON object')
  if (!MATTERS.includes(value.matter as Matter)) {
    fail('unknown-matter', String(value.matter))
  }
  if (!Array.isArray(value.units)) fail('bad-input', 'units must be a list')
  if (!Array.isArray(value.votes)) fail('bad-input', 'votes must be a list')
  return {
    matter: value.matter as Matter,
    units: value.units.map(readUnit),
    votes: value.votes.map(readVote),
  }
}

export function measureJson(measure: Measure): MeasureJson {
  return { area: formatArea(measure.area), headcount: measure.headcount }
}

export function tallyOutput(result: TallyResult): TallyOutput {
  return {
    totals: measureJson(result.totals),
    participating: measureJson(result.participating),
    agree: measureJson(result.agree),
    oppose: measureJson(result.oppose),
    abstain: measureJson(result.abstain),
    quorum: result.quorum,
    approved: result.approved,
  }
}

/** Parsed JSON in, JSON-ready result out; throws TallyInputError. */
export function tallyJson(value: unknown): TallyOutput {
  const input = readTallyInput(value)
  return tallyOutput(tally(input.matter, input.units, input.votes))
}

const PROBLEM_TEXT: Record<TallyProblem, string> = {
  'bad-input': 'malformed input',
  'unknown-matter': 'unknown matter (expected "ordinary" or "special")',
  'duplicate-unit': 'duplicate unit',
  'bad-area': 'area is not a positive decimal with at most two places, unit',
  'no-owners': 'unit has no owners and is not developer-held',
  'unknown-unit': 'vote for an unknown unit',
  'bad-choice': 'unknown choice (expected agree, oppose or abstain)',
  'conflicting-choices': 'two different choices for one person, at unit',
  'unknown-candidate': 'pick of an unknown candidate',
  'duplicate-pick': 'the same candidate picked twice, at unit',
  'too-many-picks': 'more candidates picked than allowed, at unit',
}

/** One line for a person reading a terminal. */
export function describeTallyProblem(error: TallyInputError): string {
  const text = PROBLEM_TEXT[error.problem]
  return `${text}: ${error.subject}`
}
