/**
 * Cost sharing for works on common parts: a total in fen split first
 * between parties (say the building's owners 60% and the developer 40%),
 * then the owners' part split between their units by registered area
 * (whole 0.01 m², see area.ts).
 *
 * Every amount is a whole number of fen and the parts always add up to
 * the whole exactly. The rule for the fen that do not divide evenly is
 * the largest remainder method:
 *
 *   1. each part first gets floor(total × weight ÷ sum of weights);
 *   2. the fen left over (fewer than the number of parts) go one each to
 *      the parts with the largest remainder of that division;
 *   3. equal remainders go to the part whose id sorts first.
 *
 * No part is ever more than one fen away from its exact share. Products
 * such as 10¹⁰ fen × 1.8·10⁹ area units pass Number.MAX_SAFE_INTEGER, so
 * the arithmetic runs on BigInt.
 */

/** An exact share: 60% is { numerator: 3, denominator: 5 } or 6000/10000. */
export interface Fraction {
  numerator: number
  denominator: number
}

export const BASIS_POINTS = 10_000

export function basisPoints(bp: number): Fraction {
  return { numerator: bp, denominator: BASIS_POINTS }
}

export const REMAINDER_RULE_TEXT =
  '先按比例向下取整到分；余下的几分钱按余数从大到小每户补 1 分，余数相同时按房屋编号先后。'

export interface Weighted {
  id: string
  /** A non-negative whole number: an area, a numerator. */
  weight: number
}

export interface Allocation {
  id: string
  amount: number
  /** True when this part got one of the left-over fen. */
  roundedUp: boolean
}

function byId(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

function checkWhole(value: number, what: string): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${what} must be a whole number ≥ 0: ${value}`)
  }
}

/**
 * Splits `total` fen in proportion to the weights by the largest
 * remainder rule. The answer is in the order of `parts`.
 */
export function splitByWeight(
  total: number,
  parts: readonly Weighted[],
): Allocation[] {
  checkWhole(total, 'total')
  parts.forEach((p) => checkWhole(p.weight, `weight of ${p.id}`))
  if (new Set(parts.map((p) => p.id)).size !== parts.length) {
    throw new RangeError('part ids must be unique')
  }
  const sum = parts.reduce((s, p) => s + BigInt(p.weight), 0n)
  if (sum === 0n) {
    if (total === 0) return parts.map(nothing)
    throw new RangeError('cannot split a cost between parts of no weight')
  }

  return largestRemainder(
    BigInt(total),
    parts.map((p) => ({ id: p.id, weight: BigInt(p.weight) })),
  )
}

function nothing(p: Weighted): Allocation {
  return { id: p.id, amount: 0, roundedUp: false }
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b]
  return a
}

/** Do the fractions add up to exactly one? */
export function sumsToWhole(shares: readonly Fraction[]): boolean {
  let numerator = 0n
  let denominator = 1n
  for (const share of shares) {
    const n = BigInt(share.numerator)
    const d = BigInt(share.denominator)
    numerator = numerator * d + n * denominator
    denominator *= d
    const g = gcd(numerator, denominator)
    if (g > 1n) {
      numerator /= g
      denominator /= g
    }
  }
  return numerator === denominator
}

function isFraction(f: Fraction): boolean {
  return (
    Number.isSafeInteger(f.numerator) &&
    Number.isSafeInteger(f.denominator) &&
    f.numerator >= 0 &&
    f.denominator > 0 &&
    f.numerator <= f.denominator
  )
}

export interface UnitArea {
  unitId: string
  /** Registered area, whole 0.01 m². */
  area: number
}

export interface PartyPlan {
  id: string
  share: Fraction
  /** Present for a party of owners: their part is split by area. */
  units?: readonly UnitArea[]
}

export interface UnitAmount extends UnitArea {
  amount: number
  roundedUp: boolean
}

export interface PartyAmount {
  id: string
  amount: number
  roundedUp: boolean
  units: UnitAmount[] | null
}

export type SharingProblem =
  'no-parties' | 'bad-share' | 'shares-not-whole' | 'no-units' | 'duplicate-id'

export type SharingResult =
  { ok: true; parties: PartyAmount[] } | { ok: false; problem: SharingProblem }

/**
 * Splits `total` fen between the parties by their shares, then each
 * owners' party's amount between its units by area. Shares must be exact
 * fractions adding up to one.
 */
export function shareCost(
  total: number,
  parties: readonly PartyPlan[],
): SharingResult {
  checkWhole(total, 'total')
  if (parties.length === 0) return { ok: false, problem: 'no-parties' }
  if (new Set(parties.map((p) => p.id)).size !== parties.length) {
    return { ok: false, problem: 'duplicate-id' }
  }
  if (!parties.every((p) => isFraction(p.share))) {
    return { ok: false, problem: 'bad-share' }
  }
  if (!sumsToWhole(parties.map((p) => p.share))) {
    return { ok: false, problem: 'shares-not-whole' }
  }
  for (const p of parties) {
    if (!p.units) continue
    if (p.units.length === 0 || p.units.every((u) => u.area === 0)) {
      return { ok: false, problem: 'no-units' }
    }
    if (new Set(p.units.map((u) => u.unitId)).size !== p.units.length) {
      return { ok: false, problem: 'duplicate-id' }
    }
  }

  // One common denominator turns the fractions into whole weights.
  const common = parties.reduce((l, p) => {
    const d = BigInt(p.share.denominator)
    return (l / gcd(l, d)) * d
  }, 1n)
  const weights = parties.map((p) => ({
    id: p.id,
    weight: (BigInt(p.share.numerator) * common) / BigInt(p.share.denominator),
  }))
  const allocations = largestRemainder(BigInt(total), weights)

  return {
    ok: true,
    parties: parties.map((p, index) => {
      const { amount, roundedUp } = allocations[index]
      const units = p.units
        ? splitByWeight(
            amount,
            p.units.map((u) => ({ id: u.unitId, weight: u.area })),
          ).map((a, i) => ({
            unitId: a.id,
            area: p.units?.[i].area ?? 0,
            amount: a.amount,
            roundedUp: a.roundedUp,
          }))
        : null
      return { id: p.id, amount, roundedUp, units }
    }),
  }
}

// Weights are BigInt: the common denominator of several fractions, like
// total × area, can pass the safe integer range. The sum is not zero.
function largestRemainder(
  total: bigint,
  parts: readonly { id: string; weight: bigint }[],
): Allocation[] {
  const sum = parts.reduce((s, p) => s + p.weight, 0n)
  const shares = parts.map((p) => ({
    id: p.id,
    floor: (total * p.weight) / sum,
    remainder: (total * p.weight) % sum,
  }))
  const leftOver = Number(total - shares.reduce((s, p) => s + p.floor, 0n))
  const extra = new Set(
    [...shares]
      .sort((a, b) =>
        a.remainder === b.remainder
          ? byId(a.id, b.id)
          : a.remainder > b.remainder
            ? -1
            : 1,
      )
      .slice(0, leftOver)
      .map((s) => s.id),
  )
  return shares.map((s) => ({
    id: s.id,
    amount: Number(s.floor) + (extra.has(s.id) ? 1 : 0),
    roundedUp: extra.has(s.id),
  }))
}

/** 123456 → "1,234.56" (yuan with two decimals, for display). */
export function formatFen(fen: number): string {
  checkWhole(fen, 'amount')
  const yuan = Math.floor(fen / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',')
  return `${yuan}.${String(fen % 100).padStart(2, '0')}`
}

const YUAN_TEXT = /^(\d{1,10})(?:\.(\d{1,2}))?$/

/** "1234.5" → 123450 fen; null for anything else. */
export function parseYuan(text: string): number | null {
  const match = YUAN_TEXT.exec(text.trim().replace(/,/g, ''))
  if (!match) return null
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'))
}
