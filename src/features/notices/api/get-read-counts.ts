import type { ReadCounts } from '@/core/notices-api'
import { apiRequest } from '@/lib/api-client'

export function getReadCounts(noticeId: string): Promise<ReadCounts> {
  return apiRequest<ReadCounts>(
    'GET',
    `/notices/${encodeURIComponent(noticeId)}/reads`,
  )
}
