import type { VoteProof } from '@/core/record-api'
import { apiRequest } from '@/lib/api-client'

/** The proof that one's own vote is in a sealed block. */
export function getVoteProof(
  ballotId: string,
  seq: number,
): Promise<VoteProof> {
  return apiRequest<VoteProof>(
    'GET',
    `/ballots/${encodeURIComponent(ballotId)}/record/entries/${seq}/proof`,
  )
}
