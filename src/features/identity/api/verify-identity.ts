import type { Session, VerifyRequest } from '@/core/api-types'
import { apiRequest } from '@/lib/api-client'

/** Binds the account to a person: name, ID number, phone and SMS code. */
export function verifyIdentity(body: VerifyRequest): Promise<Session> {
  return apiRequest<Session>('POST', '/identity/verify', { body })
}
