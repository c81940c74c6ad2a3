import fc from 'fast-check'

import {
  APPROVAL,
  QUORUM,
  reaches,
  rollTotals,
  tally,
  TallyInputError,
  type Choice,
  type RollUnit,
  type UnitVote,
} from '@/core/tally'

/** n units of one owner each, all of the same area. */
function plainUnits(n: number, area = 10000): RollUnit[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `u${i}`,
    area,
    owners: [`p${i}`],
    developerHeld: false,
  }))
}

function votes(choices: Choice[]): UnitVote[] {
  return choices.map((choice, i) => ({ unit: `u${i}`, choice }))
}

function repeat(choice: Choice, n: number): Choice[] {
  return Array.from({ length: n }, () => choice)
}

describe('counting who is a voter', () => {
  it('counts several units of one buyer as one person with their areas added', () => {
    const units: RollUnit[] = [
      { id: 'a', area: 8953, owners: ['p1'], developerHeld: false },
      { id: 'b', area: 4000, owners: ['p1'], developerHeld: false },
      { id: 'c', area: 10000, owners: ['p2'], developerHeld: false },
    ]
    expect(rollTotals(units)).toEqual({ area: 22953, headcount: 2 })
  })

  it('counts every unit the developer still holds as one person', () => {
    const units: RollUnit[] = [
      { id: 'a', area: 5000, owners: [], developerHeld: true },
      { id: 'b', area: 6000, owners: ['dev-co'], developerHeld: true },
      { id: 'c', area: 7000, owners: ['p1'], developerHeld: false },
    ]
    expect(rollTotals(units)).toEqual({ area: 18000, headcount: 2 })
  })

  it('counts a co-owned unit as one person whichever order the owners are listed in', () => {
    const units: RollUnit[] = [
      { id: 'a', area: 5000, owners: ['p1', 'p2'], developerHeld: false },
      { id: 'b', area: 5000, owners: ['p2', 'p1'], developerHeld: false },
      { id: 'c', area: 5000, owners: ['p1'], developerHeld: false },
    ]
    expect(rollTotals(units).headcount).toBe(2)
  })

  it('applies a vote for one unit of a person to all of their units', () => {
    const units: RollUnit[] = [
      { id: 'a', area: 8953, owners: ['p1'], developerHeld: false },
      { id: 'b', area: 4000, owners: ['p1'], developerHeld: false },
      { id: 'c', area: 10000, owners: ['p2'], developerHeld: false },
    ]
    const result = tally('ordinary', units, [{ unit: 'b', choice: 'agree' }])
    expect(result.agree).toEqual({ area: 12953, headcount: 1 })
  })

  it('refuses two different choices for one person', () => {
    const units: RollUnit[] = [
      { id: 'a', area: 100, owners: ['p1'], developerHeld: false },
      { id: 'b', area: 100, owners: ['p1'], developerHeld: false },
    ]
    expect(() =>
      tally('ordinary', units, [
        { unit: 'a', choice: 'agree' },
        { unit: 'b', choice: 'oppose' },
      ]),
    ).toThrow(new TallyInputError('conflicting-choices', 'b'))
  })

  it.each([
    ['duplicate-unit', [...plainUnits(1), ...plainUnits(1)], []],
    ['unknown-unit', plainUnits(1), [{ unit: 'zz', choice: 'agree' }]],
    [
      'bad-area',
      [{ id: 'a', area: 0, owners: ['p'], developerHeld: false }],
      [],
    ],
    [
      'bad-area',
      [{ id: 'a', area: 12.5, owners: ['p'], developerHeld: false }],
      [],
    ],
    ['no-owners', [{ id: 'a', area: 1, owners: [], developerHeld: false }], []],
  ] as const)('names the problem %s', (problem, units, given) => {
    expect(() => tally('ordinary', units, given)).toThrow(
      expect.objectContaining({ problem }),
    )
  })
})

describe('the quorum: 2/3 of the area and 2/3 of the headcount, inclusive', () => {
  // 30 equal units: 20 is exactly 2/3.
  it('is reached at exactly 2/3 of both', () => {
    const result = tally(
      'ordinary',
      plainUnits(30),
      votes(repeat('abstain', 20)),
    )
    expect(result.participating).toEqual({ area: 200000, headcount: 20 })
    expect(result.quorum).toBe(true)
  })

  it('is missed one voter below 2/3', () => {
    const result = tally('ordinary', plainUnits(30), votes(repeat('agree', 19)))
    expect(result.quorum).toBe(false)
    expect(result.approved).toBe(false)
  })

  it('is missed when the headcount reaches 2/3 but the area falls 0.01 m² short', () => {
    // 3 voters: two small take part (headcount 2/3), one large stays away.
    const units: RollUnit[] = [
      { id: 'a', area: 5000, owners: ['p1'], developerHeld: false },
      { id: 'b', area: 4999, owners: ['p2'], developerHeld: false },
      { id: 'c', area: 5000, owners: ['p3'], developerHeld: false },
    ]
    // total 14999; 2/3 of it is 9999.33, participating 9999 falls short.
    const result = tally('ordinary', units, [
      { unit: 'a', choice: 'agree' },
      { unit: 'b', choice: 'agree' },
    ])
    expect(result.participating).toEqual({ area: 9999, headcount: 2 })
    expect(result.quorum).toBe(false)
  })

  it('is missed when the area reaches 2/3 but the headcount does not', () => {
    const units: RollUnit[] = [
      { id: 'big', area: 90000, owners: ['p1'], developerHeld: false },
      ...plainUnits(3, 100),
    ]
    const result = tally('ordinary', units, [{ unit: 'big', choice: 'agree' }])
    expect(result.participating.area * 3).toBeGreaterThan(
      result.totals.area * 2,
    )
    expect(result.quorum).toBe(false)
  })

  it('decides nothing for an empty electorate', () => {
    expect(tally('ordinary', [], []).quorum).toBe(false)
  })
})

describe('ordinary matters: more than half of the participating area and headcount', () => {
  // 30 voters all take part; 15 is exactly half.
  it('is rejected at exactly half', () => {
    const choices = [...repeat('agree', 15), ...repeat('oppose', 15)]
    const result = tally('ordinary', plainUnits(30), votes(choices))
    expect(result.quorum).toBe(true)
    expect(result.approved).toBe(false)
  })

  it('is approved one voter above half', () => {
    const choices = [...repeat('agree', 16), ...repeat('oppose', 14)]
    expect(tally('ordinary', plainUnits(30), votes(choices)).approved).toBe(
      true,
    )
  })

  it('is rejected one voter below half', () => {
    const choices = [...repeat('agree', 14), ...repeat('oppose', 16)]
    expect(tally('ordinary', plainUnits(30), votes(choices)).approved).toBe(
      false,
    )
  })

  it('counts abstentions as taking part but not agreeing', () => {
    const choices = [...repeat('agree', 15), ...repeat('abstain', 15)]
    const result = tally('ordinary', plainUnits(30), votes(choices))
    expect(result.abstain).toEqual({ area: 150000, headcount: 15 })
    expect(result.participating.headcount).toBe(30)
    expect(result.approved).toBe(false)
  })

  it('is rejected when the headcount passes but the area is exactly half', () => {
    // 3 agree with 100 each, 2 oppose with 150 each: area 300 of 600.
    const units: RollUnit[] = [
      ...plainUnits(3, 10000),
      { id: 'x', area: 15000, owners: ['q1'], developerHeld: false },
      { id: 'y', area: 15000, owners: ['q2'], developerHeld: false },
    ]
    const result = tally('ordinary', units, [
      ...votes(repeat('agree', 3)),
      { unit: 'x', choice: 'oppose' },
      { unit: 'y', choice: 'oppose' },
    ])
    expect(result.agree).toEqual({ area: 30000, headcount: 3 })
    expect(result.approved).toBe(false)
  })

  it('is approved when the area is 0.01 m² above half', () => {
    const units: RollUnit[] = [
      ...plainUnits(3, 10000),
      { id: 'x', area: 15000, owners: ['q1'], developerHeld: false },
      { id: 'y', area: 14999, owners: ['q2'], developerHeld: false },
    ]
    const result = tally('ordinary', units, [
      ...votes(repeat('agree', 3)),
      { unit: 'x', choice: 'oppose' },
      { unit: 'y', choice: 'oppose' },
    ])
    expect(result.approved).toBe(true)
  })
})

describe('special matters: 3/4 of the participating area and headcount, inclusive', () => {
  // 40 voters take part; 30 is exactly 3/4.
  it('is approved at exactly 3/4', () => {
    const choices = [...repeat('agree', 30), ...repeat('oppose', 10)]
    expect(tally('special', plainUnits(40), votes(choices)).approved).toBe(true)
  })

  it('is rejected one voter below 3/4', () => {
    const choices = [...repeat('agree', 29), ...repeat('oppose', 11)]
    expect(tally('special', plainUnits(40), votes(choices)).approved).toBe(
      false,
    )
  })

  it('is approved one voter above 3/4', () => {
    const choices = [...repeat('agree', 31), ...repeat('oppose', 9)]
    expect(tally('special', plainUnits(40), votes(choices)).approved).toBe(true)
  })

  it('is rejected when the headcount reaches 3/4 but the area falls 0.01 m² short', () => {
    // 3 agree with 100 m² each, 1 opposes with 100.01 m².
    const units: RollUnit[] = [
      ...plainUnits(3, 10000),
      { id: 'x', area: 10001, owners: ['q1'], developerHeld: false },
    ]
    const result = tally('special', units, [
      ...votes(repeat('agree', 3)),
      { unit: 'x', choice: 'oppose' },
    ])
    expect(result.agree.headcount * 4).toBe(result.participating.headcount * 3)
    expect(result.approved).toBe(false)
  })

  it('rejects what an ordinary matter with the same votes would approve', () => {
    const choices = [...repeat('agree', 25), ...repeat('oppose', 15)]
    expect(tally('ordinary', plainUnits(40), votes(choices)).approved).toBe(
      true,
    )
    expect(tally('special', plainUnits(40), votes(choices)).approved).toBe(
      false,
    )
  })
})

describe('threshold arithmetic', () => {
  it('treats 以上 as inclusive and 过半数 as strict', () => {
    expect(reaches(2, 3, QUORUM)).toBe(true)
    expect(reaches(1, 2, APPROVAL.ordinary)).toBe(false)
    expect(reaches(3, 4, APPROVAL.special)).toBe(true)
  })

  it('stays exact at the size of the largest estates', () => {
    // 100,000 units of 180 m²: no rounding at the 2/3 boundary.
    const total = 100_000 * 18000
    expect(reaches((total / 3) * 2, total, QUORUM)).toBe(true)
    expect(reaches((total / 3) * 2 - 1, total, QUORUM)).toBe(false)
  })
})

describe('properties', () => {
  const arbitraryBallot = fc
    .array(
      fc.record({
        area: fc.integer({ min: 1, max: 20000 }),
        owner: fc.integer({ min: 0, max: 12 }),
        developerHeld: fc.boolean(),
        choice: fc.option(
          fc.constantFrom<Choice>('agree', 'oppose', 'abstain'),
        ),
      }),
      { minLength: 1, maxLength: 40 },
    )
    .map((rows) => {
      const units: RollUnit[] = rows.map((row, i) => ({
        id: `u${i}`,
        area: row.area,
        owners: [`p${row.owner}`],
        developerHeld: row.developerHeld,
      }))
      // One choice per voter, so the input is always consistent.
      const chosen = new Map<string, Choice>()
      const given: UnitVote[] = []
      rows.forEach((row, i) => {
        const key = row.developerHeld ? 'dev' : `p${row.owner}`
        if (row.choice === null) return
        const choice = chosen.get(key) ?? row.choice
        chosen.set(key, choice)
        given.push({ unit: `u${i}`, choice })
      })
      return { units, given }
    })

  it('does not depend on the order of units or votes', () => {
    fc.assert(
      fc.property(
        arbitraryBallot,
        fc.constantFrom<'ordinary' | 'special'>('ordinary', 'special'),
        fc.integer(),
        ({ units, given }, matter, seed) => {
          const shuffle = <T>(list: T[]): T[] => {
            const copy = [...list]
            let s = seed
            for (let i = copy.length - 1; i > 0; i--) {
              s = (s * 1103515245 + 12345) & 0x7fffffff
              const j = s % (i + 1)
              ;[copy[i], copy[j]] = [copy[j], copy[i]]
            }
            return copy
          }
          expect(tally(matter, shuffle(units), shuffle(given))).toEqual(
            tally(matter, units, given),
          )
        },
      ),
    )
  })

  it('never turns an approval into a rejection when one more voter agrees', () => {
    fc.assert(
      fc.property(
        arbitraryBallot,
        fc.constantFrom<'ordinary' | 'special'>('ordinary', 'special'),
        ({ units, given }, matter) => {
          const before = tally(matter, units, given)
          const voted = new Set(given.map((v) => v.unit))
          // A unit whose voter has cast nothing yet.
          const silent = units.find((unit) => {
            const sameVoter = units.filter(
              (u) =>
                u.developerHeld === unit.developerHeld &&
                (unit.developerHeld || u.owners[0] === unit.owners[0]),
            )
            return sameVoter.every((u) => !voted.has(u.id))
          })
          fc.pre(silent !== undefined)
          const after = tally(matter, units, [
            ...given,
            { unit: silent!.id, choice: 'agree' },
          ])
          if (before.approved) expect(after.approved).toBe(true)
        },
      ),
    )
  })
})
