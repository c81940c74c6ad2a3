import { IDEMPOTENCY_HEADER, type CastVoteRequest } from '@/core/api-types'
import type { SignedReceipt } from '@/core/record-api'
import { apiRequest } from '@/lib/api-client'

/**
 * Sends a vote. The idempotency key names this attempt: sending it again
 * after a lost answer makes the backend replay the first receipt instead
 * of counting a second vote or refusing with ALREADY_VOTED.
 */
export function castVote(
  ballotId: string,
  body: CastVoteRequest,
  idempotencyKey: string,
): Promise<SignedReceipt> {
  return apiRequest<SignedReceipt>(
    'POST',
    `/ballots/${encodeURIComponent(ballotId)}/votes`,
    { body, headers: { [IDEMPOTENCY_HEADER]: idempotencyKey } },
  )
}
