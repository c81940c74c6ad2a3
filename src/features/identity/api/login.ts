import type { LoginRequest, Session } from '@/core/api-types'
import { apiRequest } from '@/lib/api-client'
import { platformLogin } from '@/platform'

/** Platform sign-in: WeChat code or 随申办 authorisation → a session. */
export async function login(): Promise<Session> {
  const body: LoginRequest = await platformLogin()
  return apiRequest<Session>('POST', '/auth/login', { body })
}
