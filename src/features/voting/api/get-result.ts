import type { BallotResult } from '@/core/voting-api'
import { apiRequest } from '@/lib/api-client'

export function getResult(ballotId: string): Promise<BallotResult> {
  return apiRequest<BallotResult>(
    'GET',
    `/ballots/${encodeURIComponent(ballotId)}/result`,
  )
}
