/**
 * Times as organisers type them: "2026-12-20 09:00", Shanghai time,
 * whatever zone the device is in (see src/lib/time.ts for why a fixed
 * UTC+8 is exact).
 */
import { inShanghai } from '@/lib/time'

const SHANGHAI_OFFSET_HOURS = 8
const INPUT = /^(\d{4})-(\d{1,2})-(\d{1,2})\s+(\d{1,2}):(\d{2})$/

/** "2026-12-20 09:00" → epoch ms, or null when it is not such a time. */
export function parseScheduleInput(text: string): number | null {
  const match = INPUT.exec(text.trim())
  if (!match) return null
  const [year, month, day, hour, minute] = match.slice(1).map(Number)
  if (month < 1 || month > 12 || day < 1 || day > 31) return null
  if (hour > 23 || minute > 59) return null
  const ms = Date.UTC(
    year,
    month - 1,
    day,
    hour - SHANGHAI_OFFSET_HOURS,
    minute,
  )
  // 2月30日 would roll over into March: refuse it instead.
  return inShanghai(ms).date() === day ? ms : null
}

export function formatScheduleInput(at: string | number): string {
  return inShanghai(at).format('YYYY-MM-DD HH:mm')
}

/** 09:00 Shanghai on the first day at or after `from`. */
export function nineOnOrAfter(from: number): number {
  const day = inShanghai(from).startOf('day').add(9, 'hour')
  return (day.valueOf() >= from ? day : day.add(1, 'day')).valueOf()
}
