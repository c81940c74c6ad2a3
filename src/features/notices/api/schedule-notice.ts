import type { NoticeDetail, ScheduleNoticeRequest } from '@/core/notices-api'
import { apiRequest } from '@/lib/api-client'

/** A new publish time (before publication) or end date, or both. */
export function scheduleNotice(
  noticeId: string,
  body: ScheduleNoticeRequest,
): Promise<NoticeDetail> {
  return apiRequest<NoticeDetail>(
    'POST',
    `/notices/${encodeURIComponent(noticeId)}/schedule`,
    { body },
  )
}
