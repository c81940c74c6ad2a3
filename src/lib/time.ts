/**
 * Times as people in Shanghai read them, whatever zone the device is set
 * to. Shanghai has kept a fixed UTC+8 offset with no daylight saving since
 * 1991, so a fixed `utcOffset(480)` is exact for every time this app shows,
 * and it avoids the Intl time-zone data that mini-program runtimes lack
 * (dayjs's timezone plugin needs it).
 */
import dayjs from 'dayjs'
import utc from 'dayjs/plugin/utc'
import 'dayjs/locale/zh-cn'

dayjs.extend(utc)
dayjs.locale('zh-cn')

const SHANGHAI_OFFSET_MINUTES = 480
const MINUTE = 60 * 1000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

export function inShanghai(at: string | number | Date): dayjs.Dayjs {
  return dayjs(at).utcOffset(SHANGHAI_OFFSET_MINUTES)
}

/** 2026年12月3日 09:30 */
export function formatDateTime(at: string | number | Date): string {
  return inShanghai(at).format('YYYY年M月D日 HH:mm')
}

/** 12月3日 周四 09:30, for lists where the year is obvious. */
export function formatShortDateTime(at: string | number | Date): string {
  return inShanghai(at).format('M月D日 dddd HH:mm')
}

/** YYYYMMDD in Shanghai, as the resident ID check wants "today". */
export function shanghaiDateKey(now: number = Date.now()): string {
  return inShanghai(now).format('YYYYMMDD')
}

/**
 * 剩 3 天 5 小时 / 剩 5 小时 20 分 / 剩 12 分钟, rounded down so that
 * the text never promises more time than there is.
 */
export function timeLeftText(until: string, now: number = Date.now()): string {
  const left = dayjs(until).valueOf() - now
  if (left <= 0) return '已截止'
  if (left < MINUTE) return '不到 1 分钟'

  const days = Math.floor(left / DAY)
  const hours = Math.floor((left % DAY) / HOUR)
  const minutes = Math.floor((left % HOUR) / MINUTE)
  if (days > 0)
    return hours > 0 ? `剩 ${days} 天 ${hours} 小时` : `剩 ${days} 天`
  if (hours > 0)
    return minutes > 0 ? `剩 ${hours} 小时 ${minutes} 分` : `剩 ${hours} 小时`
  return `剩 ${minutes} 分钟`
}
