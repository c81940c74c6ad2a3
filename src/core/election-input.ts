/**
 * The auditor's input and output for an election item, beside the one for
 * a yes/no item in tally-input.ts:
 *
 *   {"kind": "election", "seats": 2, "maxPicks": 2,
 *    "candidates": [{"id": "c1", "name": "王*明"}],
 *    "units": [...as for a yes/no item...],
 *    "votes": [{"unit": "3-1202", "picks": ["c1"]},
 *              {"unit": "3-1203", "picks": []}]}
 *
 * An empty `picks` list is an abstention. Elections are ordinary matters
 * (Civil Code art. 278), so `matter`, if given, must say so.
 */
import {
  countElection,
  type Candidate,
  type ElectionOutcome,
  type ElectionResult,
  type ElectionRules,
  type ElectionVote,
} from './election'
import type { RollUnit } from './tally'
import {
  fail,
  isObject,
  measureJson,
  readUnit,
  type MeasureJson,
} from './tally-input'

export interface ElectionOutput {
  totals: MeasureJson
  participating: MeasureJson
  abstain: MeasureJson
  candidates: (MeasureJson & {
    id: string
    name: string
    qualified: boolean
    elected: boolean
  })[]
  quorum: boolean
  elected: string[]
  runoff: string[]
  outcome: ElectionOutcome
}

export function isElectionInput(value: unknown): boolean {
  return isObject(value) && value.kind === 'election'
}

function readCandidate(raw: unknown, index: number): Candidate {
  if (!isObject(raw) || typeof raw.id !== 'string' || raw.id === '') {
    fail('bad-input', `candidates[${index}] needs an id`)
  }
  return { id: raw.id, name: typeof raw.name === 'string' ? raw.name : raw.id }
}

function readBallot(raw: unknown, index: number): ElectionVote {
  if (!isObject(raw) || typeof raw.unit !== 'string') {
    fail('bad-input', `votes[${index}].unit must be a string`)
  }
  const { picks } = raw
  if (!Array.isArray(picks) || !picks.every((p) => typeof p === 'string')) {
    fail('bad-input', `votes[${index}].picks must be a list of candidate ids`)
  }
  return { unit: raw.unit, picks }
}

export function readElectionInput(value: unknown): {
  rules: ElectionRules
  units: RollUnit[]
  votes: ElectionVote[]
} {
  if (!isObject(value)) fail('bad-input', 'the input is not a JSON object')
  if (value.matter !== undefined && value.matter !== 'ordinary') {
    fail('unknown-matter', `${String(value.matter)} (an election is ordinary)`)
  }
  const { candidates, units, votes, seats, maxPicks } = value
  if (!Array.isArray(candidates)) fail('bad-input', 'candidates must be a list')
  if (!Array.isArray(units)) fail('bad-input', 'units must be a list')
  if (!Array.isArray(votes)) fail('bad-input', 'votes must be a list')
  if (typeof seats !== 'number') fail('bad-input', 'seats must be a number')
  return {
    rules: {
      candidates: candidates.map(readCandidate),
      seats,
      maxPicks: typeof maxPicks === 'number' ? maxPicks : seats,
    },
    units: units.map(readUnit),
    votes: votes.map(readBallot),
  }
}

/** Parsed JSON in, JSON-ready result out; throws TallyInputError. */
export function electionJson(value: unknown): ElectionOutput {
  const { rules, units, votes } = readElectionInput(value)
  return electionOutput(rules, countElection(rules, units, votes))
}

/** A count in the command's output form, as the app's audit shows it. */
export function electionOutput(
  rules: ElectionRules,
  result: ElectionResult,
): ElectionOutput {
  const names = new Map(rules.candidates.map((c) => [c.id, c.name]))
  return {
    totals: measureJson(result.totals),
    participating: measureJson(result.participating),
    abstain: measureJson(result.abstain),
    candidates: result.candidates.map((c) => ({
      id: c.id,
      name: names.get(c.id) ?? c.id,
      ...measureJson(c),
      qualified: c.qualified,
      elected: c.elected,
    })),
    quorum: result.quorum,
    elected: result.elected,
    runoff: result.runoff,
    outcome: result.outcome,
  }
}
