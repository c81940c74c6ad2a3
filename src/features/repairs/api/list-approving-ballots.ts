import type { BallotList, BallotSummary } from '@/core/api-types'
import { apiRequest } from '@/lib/api-client'

/**
 * Ballots of the estate whose result is published: only those may
 * approve spending the maintenance fund (the backend refuses others).
 */
export async function listApprovingBallots(
  estateId: string,
): Promise<BallotSummary[]> {
  const list = await apiRequest<BallotList>(
    'GET',
    `/estates/${encodeURIComponent(estateId)}/ballots?filter=all`,
  )
  return list.ballots.filter((b) => b.phase === 'published')
}
