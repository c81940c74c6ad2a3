import type { BallotDetail } from '@/core/api-types'
import { apiRequest } from '@/lib/api-client'

export function getBallot(ballotId: string): Promise<BallotDetail> {
  return apiRequest<BallotDetail>(
    'GET',
    `/ballots/${encodeURIComponent(ballotId)}`,
  )
}
