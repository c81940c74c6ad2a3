import type { Profile } from '@/core/api-types'

export const ROLE_TEXT = { owner: '业主', resident: '住户' } as const

/** One sentence saying what the person may do, for after verification. */
export function roleSummary(profile: Profile): string {
  if (profile.role === 'owner') {
    return `您已登记为业主，名下 ${profile.units.length} 套房屋，可以参加本小区的业主表决。`
  }
  return '您登记为住户（不动产登记中没有您名下的房屋），可以查看表决、报修和阅读公告，但不能参加表决。'
}
