/**
 * Resident ID numbers (居民身份证号码) as GB 11643-1999 defines them:
 * six digits of region, eight of birth date, three of sequence (odd for
 * men, even for women) and a check digit from ISO 7064 MOD 11-2, where
 * 10 is written X.
 */

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const CHECK_CHARS = '10X98765432'
const SHAPE = /^[1-9]\d{16}[\dX]$/
const EARLIEST_BIRTH_YEAR = 1900

export type ResidentIdProblem =
  'empty' | 'length' | 'format' | 'birth-date' | 'check-digit'

export type ResidentIdCheck =
  | { ok: true; birthDate: string; sex: 'male' | 'female' }
  | { ok: false; problem: ResidentIdProblem }

/** The check digit for the first 17 digits. */
export function residentIdCheckDigit(first17: string): string {
  let sum = 0
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]
  return CHECK_CHARS[sum % 11]
}

/** Upper-cases a trailing x and drops spaces people type between groups. */
export function normaliseResidentId(value: string): string {
  return value.replace(/\s+/g, '').toUpperCase()
}

function isRealDate(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d))
  return (
    date.getUTCFullYear() === y &&
    date.getUTCMonth() === m - 1 &&
    date.getUTCDate() === d
  )
}

/**
 * Checks shape, birth date and check digit. `today` (YYYYMMDD) keeps the
 * function pure: a birth date after it is refused.
 */
export function checkResidentId(raw: string, today: string): ResidentIdCheck {
  const value = normaliseResidentId(raw)
  if (value.length === 0) return { ok: false, problem: 'empty' }
  if (value.length !== 18) return { ok: false, problem: 'length' }
  if (!SHAPE.test(value)) return { ok: false, problem: 'format' }

  const birth = value.slice(6, 14)
  const y = Number(birth.slice(0, 4))
  const m = Number(birth.slice(4, 6))
  const d = Number(birth.slice(6, 8))
  if (y < EARLIEST_BIRTH_YEAR || !isRealDate(y, m, d) || birth > today) {
    return { ok: false, problem: 'birth-date' }
  }

  if (residentIdCheckDigit(value) !== value[17]) {
    return { ok: false, problem: 'check-digit' }
  }

  const sex = Number(value[16]) % 2 === 1 ? 'male' : 'female'
  return {
    ok: true,
    birthDate: `${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6)}`,
    sex,
  }
}

export const RESIDENT_ID_PROBLEM_TEXT: Record<ResidentIdProblem, string> = {
  empty: '请填写身份证号码',
  length: '身份证号码应为 18 位',
  format: '身份证号码只能是数字，最后一位可以是 X',
  'birth-date': '身份证号码中的出生日期不正确',
  'check-digit': '身份证号码校验位不对，请逐位核对',
}

/** 310117********1234: region and last four, the rest hidden. */
export function maskResidentId(value: string): string {
  if (value.length !== 18) return '*'.repeat(value.length)
  return `${value.slice(0, 6)}********${value.slice(14)}`
}
