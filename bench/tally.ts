/**
 * How fast the shared tally counts a large ballot: 100,000 units with the
 * counting rules exercised (multi-unit owners, co-owned and developer-held
 * units), 80% of voters taking part. Prints figures; asserts nothing.
 *
 *   npx tsx bench/tally.ts [UNITS]
 */
import {
  tally,
  type Choice,
  type RollUnit,
  type UnitVote,
} from '../src/core/tally'

const UNITS = Number(process.argv[2] ?? 100_000)
const RUNS = 7
const CHOICE_LIST: Choice[] = ['agree', 'oppose', 'abstain']

// A small fixed-seed generator, so every run counts the same ballot.
function random(seed: number): () => number {
  let s = seed
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0
    return s / 2 ** 32
  }
}

function makeBallot(n: number): { units: RollUnit[]; votes: UnitVote[] } {
  const next = random(42)
  const units: RollUnit[] = []
  for (let i = 0; i < n; i++) {
    const roll = next()
    const owner = roll < 0.05 ? `p${Math.floor(i / 2)}` : `p${i}`
    const owners = roll > 0.92 ? [owner, `q${i}`] : [owner]
    units.push({
      id: `u${i}`,
      area: 4000 + Math.floor(next() * 14000),
      owners,
      developerHeld: roll > 0.97,
    })
  }
  const votes: UnitVote[] = []
  const chosen = new Map<string, Choice>()
  for (const unit of units) {
    if (next() > 0.8) continue
    const key = unit.developerHeld ? 'dev' : unit.owners.join()
    const choice = chosen.get(key) ?? CHOICE_LIST[Math.floor(next() * 3)]
    chosen.set(key, choice)
    votes.push({ unit: unit.id, choice })
  }
  return { units, votes }
}

const { units, votes } = makeBallot(UNITS)
const times: number[] = []
let result = tally('ordinary', units, votes)
for (let run = 0; run < RUNS; run++) {
  const started = process.hrtime.bigint()
  result = tally('ordinary', units, votes)
  times.push(Number(process.hrtime.bigint() - started) / 1e6)
}
times.sort((a, b) => a - b)

console.log(`tally of ${UNITS} units, ${votes.length} votes, ${RUNS} runs`)
console.log(`  voters: ${result.totals.headcount}, quorum: ${result.quorum}`)
console.log(
  `  median ${times[RUNS >> 1].toFixed(1)} ms, best ${times[0].toFixed(1)} ms, worst ${times[RUNS - 1].toFixed(1)} ms`,
)
