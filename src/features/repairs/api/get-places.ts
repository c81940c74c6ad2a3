import type { PlaceOptions } from '@/core/repairs-api'
import { apiRequest } from '@/lib/api-client'

export function getPlaces(estateId: string): Promise<PlaceOptions> {
  return apiRequest<PlaceOptions>(
    'GET',
    `/estates/${encodeURIComponent(estateId)}/repair-places`,
  )
}
