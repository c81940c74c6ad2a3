import type {
  RectificationItemView,
  RectificationUpdateRequest,
} from '@/core/notices-api'
import { apiRequest } from '@/lib/api-client'

export function updateRectification(
  noticeId: string,
  itemId: string,
  body: RectificationUpdateRequest,
): Promise<RectificationItemView> {
  return apiRequest<RectificationItemView>(
    'POST',
    `/notices/${encodeURIComponent(noticeId)}/rectification/${encodeURIComponent(itemId)}/updates`,
    { body },
  )
}
