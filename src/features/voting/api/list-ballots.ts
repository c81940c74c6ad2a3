import type { BallotFilter, BallotList } from '@/core/api-types'
import { apiRequest } from '@/lib/api-client'

export function listBallots(
  estateId: string,
  filter: BallotFilter,
): Promise<BallotList> {
  const path = `/estates/${encodeURIComponent(estateId)}/ballots?filter=${filter}`
  return apiRequest<BallotList>('GET', path)
}
