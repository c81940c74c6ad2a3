import type { BallotList } from '@/core/api-types'
import { apiRequest } from '@/lib/api-client'

/** Ballots of an estate whose voting has closed: those one can audit. */
export function listClosedBallots(estateId: string): Promise<BallotList> {
  return apiRequest<BallotList>(
    'GET',
    `/estates/${encodeURIComponent(estateId)}/ballots?filter=closed`,
  )
}
