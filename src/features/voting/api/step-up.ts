import type {
  SmsSent,
  StepUpGranted,
  StepUpVerifyRequest,
} from '@/core/api-types'
import { apiRequest } from '@/lib/api-client'

const base = (ballotId: string) =>
  `/ballots/${encodeURIComponent(ballotId)}/step-up`

/** Sends a fresh code to the person's registered phone before voting. */
export function requestStepUpSms(ballotId: string): Promise<SmsSent> {
  return apiRequest<SmsSent>('POST', `${base(ballotId)}/sms`, { body: {} })
}

export function verifyStepUp(
  ballotId: string,
  smsCode: string,
): Promise<StepUpGranted> {
  const body: StepUpVerifyRequest = { smsCode }
  return apiRequest<StepUpGranted>('POST', base(ballotId), { body })
}
