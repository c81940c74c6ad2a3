/**
 * Areas are kept as whole numbers of 0.01 m², never as floating point: a
 * tally that compares 3·part with 2·total must not round. The largest
 * estate we expect (100,000 units of 180 m²) is 1.8e9 of these units, and
 * four times that still sits far inside Number.MAX_SAFE_INTEGER.
 */

const AREA_TEXT = /^(\d{1,7})(?:\.(\d{1,2}))?$/

/** "89.53" → 8953. Returns null for anything that is not a positive area. */
export function parseArea(text: string): number | null {
  const match = AREA_TEXT.exec(text.trim())
  if (!match) return null
  const whole = Number(match[1])
  const cents = Number((match[2] ?? '').padEnd(2, '0'))
  const value = whole * 100 + cents
  return value > 0 ? value : null
}

/** 8953 → "89.53" */
export function formatArea(centi: number): string {
  if (!Number.isSafeInteger(centi) || centi < 0) {
    throw new RangeError(`area out of range: ${centi}`)
  }
  const cents = String(centi % 100).padStart(2, '0')
  return `${Math.floor(centi / 100)}.${cents}`
}

/** A share as a percentage with one decimal, for display only. */
export function percent(part: number, whole: number): string {
  if (whole === 0) return '0.0'
  return ((part * 100) / whole).toFixed(1)
}
