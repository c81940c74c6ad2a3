import type { Profile } from '@/core/api-types'
import { apiRequest } from '@/lib/api-client'

/** The person, their role and units, fresh from the registers. */
export function getMe(): Promise<Profile> {
  return apiRequest<Profile>('GET', '/me')
}
