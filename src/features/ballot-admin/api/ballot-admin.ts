/**
 * The organisers' calls: one resource, a ballot being run. Removal is a
 * POST because the platform layer speaks GET and POST only.
 */
import type {
  BallotItemRequest,
  BallotResult,
  DraftBallotRequest,
  ManagedBallot,
  RollPreview,
  StaffBallotList,
} from '@/core/voting-api'
import { apiRequest } from '@/lib/api-client'

const ballot = (id: string) => `/ballots/${encodeURIComponent(id)}`

export function listStaffBallots(estateId: string): Promise<StaffBallotList> {
  return apiRequest<StaffBallotList>(
    'GET',
    `/estates/${encodeURIComponent(estateId)}/ballot-admin`,
  )
}

export function createDraft(
  estateId: string,
  body: DraftBallotRequest,
): Promise<ManagedBallot> {
  return apiRequest<ManagedBallot>(
    'POST',
    `/estates/${encodeURIComponent(estateId)}/ballots`,
    { body },
  )
}

export function getManaged(ballotId: string): Promise<ManagedBallot> {
  return apiRequest<ManagedBallot>('GET', `${ballot(ballotId)}/manage`)
}

export function updateDraft(
  ballotId: string,
  body: DraftBallotRequest,
): Promise<ManagedBallot> {
  return apiRequest<ManagedBallot>('POST', `${ballot(ballotId)}/draft`, {
    body,
  })
}

export function addItem(
  ballotId: string,
  body: BallotItemRequest,
): Promise<ManagedBallot> {
  return apiRequest<ManagedBallot>('POST', `${ballot(ballotId)}/items`, {
    body,
  })
}

export function updateItem(
  ballotId: string,
  itemId: string,
  body: BallotItemRequest,
): Promise<ManagedBallot> {
  return apiRequest<ManagedBallot>(
    'POST',
    `${ballot(ballotId)}/items/${encodeURIComponent(itemId)}`,
    { body },
  )
}

export function removeItem(
  ballotId: string,
  itemId: string,
): Promise<ManagedBallot> {
  return apiRequest<ManagedBallot>(
    'POST',
    `${ballot(ballotId)}/items/${encodeURIComponent(itemId)}/remove`,
    { body: {} },
  )
}

export function getRollPreview(ballotId: string): Promise<RollPreview> {
  return apiRequest<RollPreview>('GET', `${ballot(ballotId)}/roll-preview`)
}

export function announce(ballotId: string): Promise<ManagedBallot> {
  return apiRequest<ManagedBallot>('POST', `${ballot(ballotId)}/announce`, {
    body: {},
  })
}

export function publishResult(ballotId: string): Promise<BallotResult> {
  return apiRequest<BallotResult>('POST', `${ballot(ballotId)}/publish`, {
    body: {},
  })
}
