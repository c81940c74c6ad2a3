/**
 * The count of an election item: the owners' committee, or the property
 * company chosen from a tender. Both are ordinary matters of Civil Code
 * art. 278, so the item needs the same quorum as any other (2/3 of the
 * area and of the headcount take part), and a candidate is elected by
 * more than half of the participating area AND more than half of the
 * participating headcount of that item.
 *
 * Each voter (see tally.ts for who counts as one) picks up to `maxPicks`
 * candidates or abstains. Abstentions take part and support nobody.
 * When more candidates qualify than there are seats, seats go by
 * headcount, then area; a tie at the last seat elects neither of the
 * tied, and the result says a run-off is needed.
 */
import {
  APPROVAL,
  hasQuorum,
  reaches,
  TallyInputError,
  voterAreas,
  voterKeyOf,
  type Measure,
  type RollUnit,
  type TallyResult,
} from './tally'

export interface Candidate {
  id: string
  name: string
}

export interface ElectionRules {
  candidates: readonly Candidate[]
  seats: number
  /** How many candidates one voter may pick, at most `seats`. */
  maxPicks: number
}

/** One unit's ballot on the item: the candidates picked, or none. */
export interface ElectionVote {
  unit: string
  /** An empty list is an abstention. */
  picks: readonly string[]
}

export interface CandidateCount extends Measure {
  id: string
  qualified: boolean
  elected: boolean
}

export type ElectionOutcome =
  'no-quorum' | 'nobody-qualified' | 'elected' | 'runoff-needed'

export interface ElectionResult {
  totals: Measure
  participating: Measure
  abstain: Measure
  /** In the order of the rules' candidate list. */
  candidates: CandidateCount[]
  quorum: boolean
  elected: string[]
  /** Candidates tied for the last seat, who need a run-off. */
  runoff: string[]
  outcome: ElectionOutcome
}

export type ElectionProblem =
  'bad-rules' | 'unknown-candidate' | 'duplicate-pick' | 'too-many-picks'

function checkRules(rules: ElectionRules): void {
  const ids = new Set(rules.candidates.map((c) => c.id))
  if (ids.size !== rules.candidates.length || ids.size === 0) {
    throw new TallyInputError(
      'bad-input',
      'candidates must be distinct and not empty',
    )
  }
  if (!Number.isInteger(rules.seats) || rules.seats < 1) {
    throw new TallyInputError('bad-input', 'seats must be a whole number ≥ 1')
  }
  if (
    !Number.isInteger(rules.maxPicks) ||
    rules.maxPicks < 1 ||
    rules.maxPicks > rules.seats
  ) {
    throw new TallyInputError('bad-input', 'maxPicks must be from 1 to seats')
  }
}

/** The same picks in a canonical order, to compare two ballots of one voter. */
function pickKey(picks: readonly string[]): string {
  return JSON.stringify([...picks].sort())
}

export function countElection(
  rules: ElectionRules,
  units: readonly RollUnit[],
  votes: readonly ElectionVote[],
): ElectionResult {
  checkRules(rules)
  const known = new Set(rules.candidates.map((c) => c.id))
  const areas = voterAreas(units)
  const unitById = new Map(units.map((unit) => [unit.id, unit]))
  if (unitById.size !== units.length) {
    const seen = new Set<string>()
    const twice = units.find((u) => seen.size === seen.add(u.id).size)
    throw new TallyInputError('duplicate-unit', twice?.id ?? '')
  }

  // One ballot per voter: a vote for any of their units counts for all.
  const picksOf = new Map<string, readonly string[]>()
  for (const vote of votes) {
    const unit = unitById.get(vote.unit)
    if (!unit) throw new TallyInputError('unknown-unit', vote.unit)
    for (const pick of vote.picks) {
      if (!known.has(pick)) {
        throw new TallyInputError('unknown-candidate', `${pick} (${vote.unit})`)
      }
    }
    if (new Set(vote.picks).size !== vote.picks.length) {
      throw new TallyInputError('duplicate-pick', vote.unit)
    }
    if (vote.picks.length > rules.maxPicks) {
      throw new TallyInputError('too-many-picks', vote.unit)
    }
    const key = voterKeyOf(unit)
    const earlier = picksOf.get(key)
    if (earlier && pickKey(earlier) !== pickKey(vote.picks)) {
      throw new TallyInputError('conflicting-choices', vote.unit)
    }
    picksOf.set(key, vote.picks)
  }

  let totalArea = 0
  for (const area of areas.values()) totalArea += area
  const totals = { area: totalArea, headcount: areas.size }
  const participating = { area: 0, headcount: 0 }
  const abstain = { area: 0, headcount: 0 }
  const support = new Map(
    rules.candidates.map((c) => [c.id, { area: 0, headcount: 0 }]),
  )
  for (const [key, picks] of picksOf) {
    const area = areas.get(key) ?? 0
    participating.area += area
    participating.headcount += 1
    if (picks.length === 0) {
      abstain.area += area
      abstain.headcount += 1
    }
    for (const pick of picks) {
      const measure = support.get(pick)
      if (measure) {
        measure.area += area
        measure.headcount += 1
      }
    }
  }

  const quorum = hasQuorum(participating, totals)
  const qualifies = (m: Measure) =>
    quorum &&
    reaches(m.area, participating.area, APPROVAL.ordinary) &&
    reaches(m.headcount, participating.headcount, APPROVAL.ordinary)

  const ranked = rules.candidates
    .map((c) => ({ id: c.id, ...(support.get(c.id) as Measure) }))
    .filter(qualifies)
    .sort((a, b) => b.headcount - a.headcount || b.area - a.area)

  let elected = ranked.slice(0, rules.seats).map((c) => c.id)
  let runoff: string[] = []
  // A tie matters only where it straddles the last seat: the first
  // candidate left out is level with the last one seated.
  const last = ranked[rules.seats - 1]
  const next = ranked[rules.seats]
  if (
    last &&
    next &&
    last.headcount === next.headcount &&
    last.area === next.area
  ) {
    runoff = ranked
      .filter((c) => c.headcount === last.headcount && c.area === last.area)
      .map((c) => c.id)
    elected = elected.filter((id) => !runoff.includes(id))
  }

  const candidates = rules.candidates.map((c) => {
    const measure = support.get(c.id) as Measure
    return {
      id: c.id,
      ...measure,
      qualified: qualifies(measure),
      elected: elected.includes(c.id),
    }
  })

  let outcome: ElectionOutcome = 'elected'
  if (!quorum) outcome = 'no-quorum'
  else if (ranked.length === 0) outcome = 'nobody-qualified'
  else if (runoff.length > 0) outcome = 'runoff-needed'

  return {
    totals,
    participating,
    abstain,
    candidates,
    quorum,
    elected,
    runoff,
    outcome,
  }
}

/**
 * An election in the yes/no shape that a ballot's result, its record
 * and its audit share with every other item: `agree` is who picked at
 * least one candidate, `oppose` is nobody, and `approved` says whether
 * anyone was elected. The candidates' own support is in the full result.
 */
export function electionSummary(result: ElectionResult): TallyResult {
  const { participating: part, abstain } = result
  return {
    totals: result.totals,
    participating: part,
    agree: {
      area: part.area - abstain.area,
      headcount: part.headcount - abstain.headcount,
    },
    oppose: { area: 0, headcount: 0 },
    abstain,
    quorum: result.quorum,
    approved: result.elected.length > 0,
  }
}
