/**
 * Phones and names as the product shows them. Full values are shown only
 * where a person must check their own; everywhere else they are masked.
 */

const MAINLAND_MOBILE = /^1[3-9]\d{9}$/

export function normalisePhone(value: string): string {
  return value.replace(/[\s-]+/g, '').replace(/^\+?86/, '')
}

export function isMainlandMobile(value: string): boolean {
  return MAINLAND_MOBILE.test(normalisePhone(value))
}

/** 139****1234 */
export function maskPhone(value: string): string {
  const phone = normalisePhone(value)
  if (phone.length !== 11) return '*'.repeat(phone.length)
  return `${phone.slice(0, 3)}****${phone.slice(7)}`
}

/** 张*明 for three characters, 张* for two, 欧阳** for compound names. */
export function maskName(name: string): string {
  const chars = Array.from(name)
  if (chars.length <= 1) return name
  if (chars.length === 2) return `${chars[0]}*`
  if (chars.length === 3) return `${chars[0]}*${chars[2]}`
  return `${chars.slice(0, 2).join('')}${'*'.repeat(chars.length - 2)}`
}

export const SMS_CODE_PATTERN = /^\d{6}$/
