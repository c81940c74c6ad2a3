import fc from 'fast-check'

import {
  basisPoints,
  formatFen,
  parseYuan,
  shareCost,
  splitByWeight,
  sumsToWhole,
} from '@/core/cost-sharing'

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0)

describe('splitting by weight with the largest remainder', () => {
  it('splits 100 fen between three equal parts 34, 33, 33, the first id first', () => {
    const parts = splitByWeight(100, [
      { id: 'b', weight: 1 },
      { id: 'a', weight: 1 },
      { id: 'c', weight: 1 },
    ])
    expect(parts.map((p) => [p.id, p.amount, p.roundedUp])).toEqual([
      ['b', 33, false],
      ['a', 34, true],
      ['c', 33, false],
    ])
  })

  it('gives the left-over fen to the largest remainders, not the largest parts', () => {
    // 10 fen over areas of 89.53, 89.52 and 17.95 m²: exactly 4.5447…,
    // 4.5441… and 0.9112… fen. Floors give 8; the two fen left go to
    // .9112 and .5447, so the nearly equal first two parts differ.
    const parts = splitByWeight(10, [
      { id: 'u1', weight: 8953 },
      { id: 'u2', weight: 8952 },
      { id: 'u3', weight: 1795 },
    ])
    expect(parts.map((p) => p.amount)).toEqual([5, 4, 1])
    expect(parts.map((p) => p.roundedUp)).toEqual([true, false, true])
  })

  it('keeps exact shares as they are', () => {
    const parts = splitByWeight(600, [
      { id: 'x', weight: 2 },
      { id: 'y', weight: 1 },
    ])
    expect(parts.map((p) => [p.amount, p.roundedUp])).toEqual([
      [400, false],
      [200, false],
    ])
  })

  it('counts past the safe integer range exactly: ¥1 亿 over 1.8·10⁹ area units', () => {
    const parts = splitByWeight(10_000_000_000, [
      { id: 'a', weight: 1_800_000_001 },
      { id: 'b', weight: 1 },
    ])
    expect(parts.map((p) => p.amount)).toEqual([9_999_999_994, 6])
  })

  it('refuses a cost between parts of no weight', () => {
    expect(() => splitByWeight(1, [{ id: 'a', weight: 0 }])).toThrow(RangeError)
  })

  it('always adds up to the whole, each part within one fen of its exact share', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000_000 }),
        fc.array(fc.integer({ min: 0, max: 2_000_000 }), {
          minLength: 1,
          maxLength: 60,
        }),
        (total, weights) => {
          fc.pre(sum(weights) > 0)
          const parts = splitByWeight(
            total,
            weights.map((weight, i) => ({ id: `u${i}`, weight })),
          )
          expect(sum(parts.map((p) => p.amount))).toBe(total)
          const whole = BigInt(sum(weights))
          parts.forEach((p, i) => {
            const exactTimesWhole = BigInt(total) * BigInt(weights[i])
            const given = BigInt(p.amount) * whole
            const gap = given - exactTimesWhole
            expect(gap < whole && gap > -whole).toBe(true)
          })
        },
      ),
    )
  })

  it('never gives a left-over fen to a smaller remainder before a larger one', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.array(fc.integer({ min: 1, max: 100_000 }), {
          minLength: 2,
          maxLength: 30,
        }),
        (total, weights) => {
          const W = BigInt(sum(weights))
          const parts = splitByWeight(
            total,
            weights.map((weight, i) => ({
              id: `u${String(i).padStart(2, '0')}`,
              weight,
            })),
          )
          const rem = weights.map((w) => (BigInt(total) * BigInt(w)) % W)
          parts.forEach((up, i) => {
            parts.forEach((down, j) => {
              if (!up.roundedUp || down.roundedUp) return
              // The one rounded up has the larger remainder, or the same
              // and an id that sorts first.
              expect(rem[i] > rem[j] || (rem[i] === rem[j] && i < j)).toBe(true)
            })
          })
        },
      ),
    )
  })
})

describe('sharing a cost between parties and units', () => {
  const units = [
    { unitId: '5-101', area: 13_511 },
    { unitId: '5-102', area: 9_683 },
    { unitId: '5-201', area: 13_463 },
  ]

  it('splits 60% to the owners by area and 40% to the developer', () => {
    const result = shareCost(100_001, [
      { id: 'owners', share: basisPoints(6000), units },
      { id: 'developer', share: basisPoints(4000) },
    ])
    if (!result.ok) throw new Error(result.problem)
    expect(result.parties.map((p) => [p.id, p.amount])).toEqual([
      ['owners', 60_001],
      ['developer', 40_000],
    ])
    // Exactly 22,115.108, 15,849.352 and 22,036.540 fen: the one fen
    // left goes to the third unit, the largest remainder.
    expect(result.parties[0].units?.map((u) => u.amount)).toEqual([
      22_115, 15_849, 22_037,
    ])
    expect(result.parties[1].units).toBeNull()
  })

  it('takes exact fractions such as thirds', () => {
    const result = shareCost(100, [
      { id: 'a', share: { numerator: 1, denominator: 3 } },
      { id: 'b', share: { numerator: 1, denominator: 3 } },
      { id: 'c', share: { numerator: 1, denominator: 3 } },
    ])
    expect(result.ok && result.parties.map((p) => p.amount)).toEqual([
      34, 33, 33,
    ])
  })

  it('refuses shares that add up to less or more than the whole', () => {
    expect(
      shareCost(100, [
        { id: 'a', share: basisPoints(5999) },
        { id: 'b', share: basisPoints(4000) },
      ]),
    ).toEqual({ ok: false, problem: 'shares-not-whole' })
    expect(
      shareCost(100, [
        { id: 'a', share: { numerator: 1, denominator: 3 } },
        { id: 'b', share: basisPoints(6667) },
      ]),
    ).toEqual({ ok: false, problem: 'shares-not-whole' })
  })

  it('refuses an owners’ party with no units, and a negative share', () => {
    expect(
      shareCost(100, [{ id: 'a', share: basisPoints(10_000), units: [] }]),
    ).toEqual({ ok: false, problem: 'no-units' })
    expect(
      shareCost(100, [
        { id: 'a', share: { numerator: -1, denominator: 2 } },
        { id: 'b', share: { numerator: 3, denominator: 2 } },
      ]),
    ).toEqual({ ok: false, problem: 'bad-share' })
  })

  it('always adds up: parties to the total, units to their party', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100_000_000_00 }),
        fc.integer({ min: 0, max: 10_000 }),
        fc.array(fc.integer({ min: 1, max: 30_000 }), {
          minLength: 1,
          maxLength: 80,
        }),
        (total, ownersBp, areas) => {
          const result = shareCost(total, [
            {
              id: 'owners',
              share: basisPoints(ownersBp),
              units: areas.map((area, i) => ({ unitId: `u${i}`, area })),
            },
            { id: 'developer', share: basisPoints(10_000 - ownersBp) },
          ])
          if (!result.ok) throw new Error(result.problem)
          expect(sum(result.parties.map((p) => p.amount))).toBe(total)
          const owners = result.parties[0]
          expect(sum(owners.units?.map((u) => u.amount) ?? [])).toBe(
            owners.amount,
          )
        },
      ),
    )
  })
})

describe('fractions and money text', () => {
  it('knows when fractions make exactly one', () => {
    expect(
      sumsToWhole([basisPoints(6000), { numerator: 2, denominator: 5 }]),
    ).toBe(true)
    expect(
      sumsToWhole([
        { numerator: 1, denominator: 3 },
        { numerator: 1, denominator: 6 },
        { numerator: 1, denominator: 2 },
      ]),
    ).toBe(true)
    expect(sumsToWhole([basisPoints(3333), basisPoints(6666)])).toBe(false)
  })

  it('writes fen as yuan with thousands separators and reads them back', () => {
    expect(formatFen(18_650_000)).toBe('186,500.00')
    expect(formatFen(7)).toBe('0.07')
    expect(parseYuan('186,500.5')).toBe(18_650_050)
    expect(parseYuan('12.345')).toBeNull()
  })
})
