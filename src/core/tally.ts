/**
 * The tally of one ballot item, as PRC Civil Code art. 278 and the Supreme
 * People's Court interpretation on building ownership (art. 8, 9) fix it.
 * The backend, the app's result screens and the auditor's command all call
 * this one function, so a rule exists once.
 *
 * Who counts: each unit's area counts on its own; headcount counts voters,
 * where a voter is the set of people who own a unit. Units with the same
 * set of owners are one voter with their areas added (one buyer of several
 * units is one person), all units the developer still holds are one voter,
 * and a co-owned unit is one voter whoever of its owners casts the vote.
 *
 * All comparisons are on integers (area in 0.01 m²): `以上` includes the
 * bound, `过半数` is strictly more than half.
 */

export type Matter = 'ordinary' | 'special'
export type Choice = 'agree' | 'oppose' | 'abstain'

export const MATTERS: readonly Matter[] = ['ordinary', 'special']
export const CHOICES: readonly Choice[] = ['agree', 'oppose', 'abstain']

export interface RollUnit {
  id: string
  /** Registered area in 0.01 m². */
  area: number
  /** Person ids of the unit's owners; ignored when developer-held. */
  owners: readonly string[]
  developerHeld: boolean
}

export interface UnitVote {
  unit: string
  choice: Choice
}

export interface Measure {
  area: number
  headcount: number
}

export interface TallyResult {
  totals: Measure
  participating: Measure
  agree: Measure
  oppose: Measure
  abstain: Measure
  quorum: boolean
  approved: boolean
}

export type TallyProblem =
  | 'bad-input'
  | 'unknown-matter'
  | 'duplicate-unit'
  | 'bad-area'
  | 'no-owners'
  | 'unknown-unit'
  | 'bad-choice'
  | 'conflicting-choices'
  | 'unknown-candidate'
  | 'duplicate-pick'
  | 'too-many-picks'

export class TallyInputError extends Error {
  readonly problem: TallyProblem
  /** The unit or value the problem is about. */
  readonly subject: string

  constructor(problem: TallyProblem, subject: string) {
    super(`${problem}: ${subject}`)
    this.name = 'TallyInputError'
    this.problem = problem
    this.subject = subject
  }
}

/** A fraction a measure is held against, and whether reaching it is enough. */
export interface Threshold {
  numerator: number
  denominator: number
  /** `以上` (true) includes the bound; `过半数` (false) must exceed it. */
  inclusive: boolean
  label: string
}

export const QUORUM: Threshold = {
  numerator: 2,
  denominator: 3,
  inclusive: true,
  label: '三分之二以上',
}

export const APPROVAL: Record<Matter, Threshold> = {
  ordinary: { numerator: 1, denominator: 2, inclusive: false, label: '过半数' },
  special: {
    numerator: 3,
    denominator: 4,
    inclusive: true,
    label: '四分之三以上',
  },
}

/** Does `part` of `whole` reach the threshold, in integers only? */
export function reaches(part: number, whole: number, t: Threshold): boolean {
  const left = part * t.denominator
  const right = whole * t.numerator
  return t.inclusive ? left >= right : left > right
}

const DEVELOPER_VOTER = 'developer'

/**
 * The voter a unit belongs to. JSON of the sorted owner ids keeps two
 * different owner sets from ever producing the same key.
 */
export function voterKeyOf(unit: RollUnit): string {
  if (unit.developerHeld) return DEVELOPER_VOTER
  const owners = Array.from(new Set(unit.owners)).sort()
  return JSON.stringify(owners)
}

function zero(): Measure {
  return { area: 0, headcount: 0 }
}

/** Validates the roll and gives each unit's voter key, computed once. */
function checkedUnits(units: readonly RollUnit[]): Map<string, string> {
  const keyOf = new Map<string, string>()
  for (const unit of units) {
    if (keyOf.has(unit.id)) throw new TallyInputError('duplicate-unit', unit.id)
    if (!Number.isSafeInteger(unit.area) || unit.area <= 0) {
      throw new TallyInputError('bad-area', unit.id)
    }
    if (!unit.developerHeld && unit.owners.length === 0) {
      throw new TallyInputError('no-owners', unit.id)
    }
    keyOf.set(unit.id, voterKeyOf(unit))
  }
  return keyOf
}

/** Area of every voter, keyed as voterKeyOf. */
export function voterAreas(
  units: readonly RollUnit[],
  keyOf?: ReadonlyMap<string, string>,
): Map<string, number> {
  const areas = new Map<string, number>()
  for (const unit of units) {
    const key = keyOf?.get(unit.id) ?? voterKeyOf(unit)
    areas.set(key, (areas.get(key) ?? 0) + unit.area)
  }
  return areas
}

function totalsOf(areas: ReadonlyMap<string, number>): Measure {
  let area = 0
  for (const value of areas.values()) area += value
  return { area, headcount: areas.size }
}

/** Totals of an electorate: all its area and its number of voters. */
export function rollTotals(units: readonly RollUnit[]): Measure {
  return totalsOf(voterAreas(units))
}

export function tally(
  matter: Matter,
  units: readonly RollUnit[],
  votes: readonly UnitVote[],
): TallyResult {
  if (!MATTERS.includes(matter)) {
    throw new TallyInputError('unknown-matter', String(matter))
  }
  const keyOf = checkedUnits(units)
  const areas = voterAreas(units, keyOf)

  // A vote for any unit of a voter is that voter's vote for all of them.
  const choiceOf = new Map<string, Choice>()
  for (const vote of votes) {
    const key = keyOf.get(vote.unit)
    if (key === undefined) throw new TallyInputError('unknown-unit', vote.unit)
    if (!CHOICES.includes(vote.choice)) {
      throw new TallyInputError('bad-choice', String(vote.choice))
    }
    const earlier = choiceOf.get(key)
    if (earlier !== undefined && earlier !== vote.choice) {
      throw new TallyInputError('conflicting-choices', vote.unit)
    }
    choiceOf.set(key, vote.choice)
  }

  const totals = totalsOf(areas)
  const counted: Record<Choice, Measure> = {
    agree: zero(),
    oppose: zero(),
    abstain: zero(),
  }
  for (const [key, choice] of choiceOf) {
    counted[choice].area += areas.get(key) ?? 0
    counted[choice].headcount += 1
  }

  // Abstentions take part; they do not agree.
  const participating = {
    area: counted.agree.area + counted.oppose.area + counted.abstain.area,
    headcount:
      counted.agree.headcount +
      counted.oppose.headcount +
      counted.abstain.headcount,
  }
  const quorum = hasQuorum(participating, totals)
  const approved =
    quorum &&
    reaches(counted.agree.area, participating.area, APPROVAL[matter]) &&
    reaches(counted.agree.headcount, participating.headcount, APPROVAL[matter])

  return { totals, participating, ...counted, quorum, approved }
}

/** 2/3 of the area and 2/3 of the headcount took part. */
export function hasQuorum(participating: Measure, totals: Measure): boolean {
  // An empty electorate decides nothing, though 0 ≥ 2/3 of 0.
  if (totals.headcount === 0) return false
  return (
    reaches(participating.area, totals.area, QUORUM) &&
    reaches(participating.headcount, totals.headcount, QUORUM)
  )
}
