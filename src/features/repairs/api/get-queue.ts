import type { QueueQuery, RepairCaseList } from '@/core/repairs-api'
import { apiRequest } from '@/lib/api-client'

export function getQueue(
  estateId: string,
  query: QueueQuery,
): Promise<RepairCaseList> {
  const pairs = Object.entries(query)
    .filter((pair): pair is [string, string] => pair[1] !== undefined)
    .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
  const search = pairs.length > 0 ? `?${pairs.join('&')}` : ''
  return apiRequest<RepairCaseList>(
    'GET',
    `/estates/${encodeURIComponent(estateId)}/repair-queue${search}`,
  )
}
