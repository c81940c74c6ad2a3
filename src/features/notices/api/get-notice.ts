import type { NoticeDetail } from '@/core/notices-api'
import { apiRequest } from '@/lib/api-client'

/** Opening a notice is what records that the person read it. */
export function getNotice(noticeId: string): Promise<NoticeDetail> {
  return apiRequest<NoticeDetail>(
    'GET',
    `/notices/${encodeURIComponent(noticeId)}`,
  )
}
