import type { SmsRequest, SmsSent } from '@/core/api-types'
import { apiRequest } from '@/lib/api-client'

/** Sends the real-name verification code to the phone typed in. */
export function requestSms(phone: string): Promise<SmsSent> {
  const body: SmsRequest = { phone }
  return apiRequest<SmsSent>('POST', '/identity/sms', { body })
}
