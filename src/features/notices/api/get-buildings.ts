import type { NoticeBuildings } from '@/core/notices-api'
import { apiRequest } from '@/lib/api-client'

/** The buildings a staff member may send a notice to. */
export function getBuildings(estateId: string): Promise<NoticeBuildings> {
  return apiRequest<NoticeBuildings>(
    'GET',
    `/estates/${encodeURIComponent(estateId)}/notices/buildings`,
  )
}
