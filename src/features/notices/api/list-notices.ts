import type { NoticeFeed, NoticeFeedQuery } from '@/core/notices-api'
import { apiRequest } from '@/lib/api-client'

export function listNotices(
  estateId: string,
  query: NoticeFeedQuery = {},
): Promise<NoticeFeed> {
  const params = [
    query.category ? `category=${query.category}` : null,
    query.q && query.q.trim()
      ? `q=${encodeURIComponent(query.q.trim())}`
      : null,
  ].filter((p): p is string => p !== null)
  const path = `/estates/${encodeURIComponent(estateId)}/notices`
  return apiRequest<NoticeFeed>(
    'GET',
    params.length > 0 ? `${path}?${params.join('&')}` : path,
  )
}
