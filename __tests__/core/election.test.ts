import {
  countElection,
  electionSummary,
  type ElectionRules,
} from '@/core/election'
import type { RollUnit } from '@/core/tally'

/** n voters of one unit each, all of the same area. */
function voters(n: number, area = 10000): RollUnit[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `u${i}`,
    area,
    owners: [`p${i}`],
    developerHeld: false,
  }))
}

const FIVE: ElectionRules = {
  candidates: ['a', 'b', 'c', 'd', 'e'].map((id) => ({ id, name: id })),
  seats: 2,
  maxPicks: 2,
}

const COMPANY: ElectionRules = {
  candidates: [
    { id: 'x', name: '甲物业' },
    { id: 'y', name: '乙物业' },
  ],
  seats: 1,
  maxPicks: 1,
}

/** Ballots for units u0, u1, … in order. */
function ballots(...picks: string[][]) {
  return picks.map((p, i) => ({ unit: `u${i}`, picks: p }))
}

function repeat(picks: string[], n: number): string[][] {
  return Array.from({ length: n }, () => picks)
}

describe('an election for one seat', () => {
  it('elects the company more than half of the participants chose', () => {
    const result = countElection(
      COMPANY,
      voters(10),
      ballots(...repeat(['x'], 6), ...repeat(['y'], 4)),
    )
    expect(result.outcome).toBe('elected')
    expect(result.elected).toEqual(['x'])
    expect(result.candidates).toEqual([
      { id: 'x', area: 60000, headcount: 6, qualified: true, elected: true },
      { id: 'y', area: 40000, headcount: 4, qualified: false, elected: false },
    ])
  })

  it('elects nobody at exactly half, and says so', () => {
    const result = countElection(
      COMPANY,
      voters(10),
      ballots(...repeat(['x'], 5), ...repeat(['y'], 5)),
    )
    expect(result.outcome).toBe('nobody-qualified')
    expect(result.elected).toEqual([])
  })

  it('counts abstentions as taking part, so they can keep a candidate below half', () => {
    const result = countElection(
      COMPANY,
      voters(10),
      ballots(...repeat(['x'], 5), ...repeat([], 5)),
    )
    expect(result.abstain).toEqual({ area: 50000, headcount: 5 })
    expect(result.participating.headcount).toBe(10)
    expect(result.outcome).toBe('nobody-qualified')
  })

  it('needs more than half of the area as well as of the headcount', () => {
    // Six small voters choose x; four large ones choose y.
    const units: RollUnit[] = [
      ...voters(6, 5000),
      ...[6, 7, 8, 9].map((i) => ({
        id: `u${i}`,
        area: 20000,
        owners: [`p${i}`],
        developerHeld: false,
      })),
    ]
    const result = countElection(
      COMPANY,
      units,
      ballots(...repeat(['x'], 6), ...repeat(['y'], 4)),
    )
    expect(result.candidates[0]).toMatchObject({ headcount: 6, area: 30000 })
    expect(result.outcome).toBe('nobody-qualified')
  })

  it('elects nobody without a quorum', () => {
    const result = countElection(
      COMPANY,
      voters(10),
      ballots(...repeat(['x'], 6)),
    )
    expect(result.quorum).toBe(false)
    expect(result.outcome).toBe('no-quorum')
    expect(result.candidates[0].qualified).toBe(false)
  })
})

describe('an election for several seats', () => {
  it('gives the seats to the qualified candidates with most headcount, then area', () => {
    // 10 voters; a, b and c all pass half; a and b lead on headcount.
    const result = countElection(
      FIVE,
      voters(10),
      ballots(
        ...repeat(['a', 'b'], 4),
        ['a', 'c'],
        ['b', 'c'],
        ['a', 'c'],
        ['b', 'c'],
        ['c', 'd'],
        ['a', 'b'],
      ),
    )
    expect(result.candidates.map((c) => [c.id, c.headcount])).toEqual([
      ['a', 7],
      ['b', 7],
      ['c', 5],
      ['d', 1],
      ['e', 0],
    ])
    expect(result.elected).toEqual(['a', 'b'])
    expect(result.outcome).toBe('elected')
  })

  it('breaks a headcount tie by area, and a tie inside the seats needs no run-off', () => {
    const units: RollUnit[] = voters(6)
    units[5] = { ...units[5], area: 10001 }
    // b and c both have 4 voters; c's include the larger unit.
    const result = countElection(
      FIVE,
      units,
      ballots(
        ['a', 'b'],
        ['a', 'b'],
        ['a', 'b'],
        ['a', 'b'],
        ['a', 'c'],
        ['c'],
      ),
    )
    expect(result.elected).toEqual(['a', 'b'])
    const withBigUnit = countElection(
      FIVE,
      units,
      ballots(
        ['a', 'b'],
        ['a', 'b'],
        ['a', 'c'],
        ['a', 'c'],
        ['b', 'c'],
        ['b', 'c'],
      ),
    )
    expect(withBigUnit.elected).toEqual(['b', 'c'])
  })

  it('elects neither of two candidates tied at the last seat and asks for a run-off', () => {
    const result = countElection(
      FIVE,
      voters(6),
      ballots(
        ['a', 'b'],
        ['a', 'b'],
        ['a', 'c'],
        ['a', 'c'],
        ['b', 'c'],
        ['b', 'c'],
      ),
    )
    // a: 4, b: 4, c: 4, all qualified; all three tie for two seats.
    expect(result.outcome).toBe('runoff-needed')
    expect(result.runoff).toEqual(['a', 'b', 'c'])
    expect(result.elected).toEqual([])
  })

  it('keeps a clear winner when the tie is only for the last seat', () => {
    // a: 6 of 8; b and c: 5 of 8 each, level for the second seat.
    const result = countElection(
      FIVE,
      voters(8),
      ballots(
        ...repeat(['a', 'b'], 3),
        ...repeat(['a', 'c'], 3),
        ...repeat(['b', 'c'], 2),
      ),
    )
    expect(result.elected).toEqual(['a'])
    expect(result.runoff).toEqual(['b', 'c'])
    expect(result.outcome).toBe('runoff-needed')
  })

  it('fills fewer seats when fewer candidates qualify', () => {
    const result = countElection(
      FIVE,
      voters(4),
      ballots(['a', 'b'], ['a', 'c'], ['a', 'd'], ['a', 'e']),
    )
    expect(result.elected).toEqual(['a'])
    expect(result.outcome).toBe('elected')
  })
})

describe('ballots the count refuses', () => {
  it.each([
    ['too-many-picks', [{ unit: 'u0', picks: ['a', 'b', 'c'] }]],
    ['duplicate-pick', [{ unit: 'u0', picks: ['a', 'a'] }]],
    ['unknown-candidate', [{ unit: 'u0', picks: ['z'] }]],
    ['unknown-unit', [{ unit: 'u9', picks: ['a'] }]],
  ])('names %s', (problem, given) => {
    expect(() => countElection(FIVE, voters(3), given)).toThrow(
      expect.objectContaining({ problem }),
    )
  })

  it('refuses two different ballots from one person with two units', () => {
    const units: RollUnit[] = [
      { id: 'm1', area: 5000, owners: ['p1'], developerHeld: false },
      { id: 'm2', area: 5000, owners: ['p1'], developerHeld: false },
    ]
    expect(() =>
      countElection(COMPANY, units, [
        { unit: 'm1', picks: ['x'] },
        { unit: 'm2', picks: ['y'] },
      ]),
    ).toThrow(expect.objectContaining({ problem: 'conflicting-choices' }))
  })

  it('refuses rules that let a voter pick more than the seats', () => {
    expect(() =>
      countElection({ ...FIVE, maxPicks: 3 }, voters(3), []),
    ).toThrow(expect.objectContaining({ problem: 'bad-input' }))
  })
})

describe('an election in the shape every item shares', () => {
  it('counts as agreeing whoever picked someone, and approves when anyone is elected', () => {
    const result = countElection(
      COMPANY,
      voters(4),
      ballots(['x'], ['x'], ['y'], []),
    )
    expect(electionSummary(result)).toEqual({
      totals: { area: 40000, headcount: 4 },
      participating: { area: 40000, headcount: 4 },
      agree: { area: 30000, headcount: 3 },
      oppose: { area: 0, headcount: 0 },
      abstain: { area: 10000, headcount: 1 },
      quorum: true,
      approved: false,
    })
  })
})
