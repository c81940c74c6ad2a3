/** The author's changes to a notice: pin, withdraw (with a reason). */
import type { NoticeDetail } from '@/core/notices-api'
import { apiRequest } from '@/lib/api-client'

export function pinNotice(
  noticeId: string,
  pinned: boolean,
): Promise<NoticeDetail> {
  return apiRequest<NoticeDetail>(
    'POST',
    `/notices/${encodeURIComponent(noticeId)}/pin`,
    { body: { pinned } },
  )
}

export function withdrawNotice(
  noticeId: string,
  reason: string,
): Promise<NoticeDetail> {
  return apiRequest<NoticeDetail>(
    'POST',
    `/notices/${encodeURIComponent(noticeId)}/withdraw`,
    { body: { reason } },
  )
}
