import type { NoticeDetail, PostNoticeRequest } from '@/core/notices-api'
import { apiRequest } from '@/lib/api-client'

export function postNotice(
  estateId: string,
  body: PostNoticeRequest,
): Promise<NoticeDetail> {
  return apiRequest<NoticeDetail>(
    'POST',
    `/estates/${encodeURIComponent(estateId)}/notices`,
    { body },
  )
}
