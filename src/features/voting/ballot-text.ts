import type {
  BallotDetail,
  BallotSummary,
  MyBallotStatus,
  MyVoter,
} from '@/core/api-types'
import { STAFF_ORG_TEXT } from '@/core/api-types'
import type { ErrorCode } from '@/core/errors'
import type { BallotElectorate } from '@/core/voting-api'

export const MY_STATUS_TEXT: Record<MyBallotStatus, string> = {
  'to-vote': '待我投票',
  voted: '我已投票',
  'partly-voted': '部分房屋待投票',
  'not-eligible': '我不参加表决',
}

/**
 * My status as it reads in this phase: "待我投票" on a closed ballot would
 * invite an action that is no longer possible.
 */
export function myStatusText(b: BallotSummary): string {
  if (b.myStatus === 'to-vote' || b.myStatus === 'partly-voted') {
    if (b.phase === 'announced' || b.phase === 'draft') return '开始后可投票'
    if (b.phase === 'closed' || b.phase === 'published') return '我未投票'
  }
  return MY_STATUS_TEXT[b.myStatus]
}

export function electorateText(e: BallotElectorate): string {
  switch (e.kind) {
    case 'estate':
      return '全体业主'
    case 'buildings':
      return `${e.buildings.map((b) => `${b}号楼`).join('、')}业主`
    case 'units':
      return `${e.units.length} 套房屋的业主`
  }
}

export function organizerText(b: BallotDetail): string {
  const org = STAFF_ORG_TEXT[b.organizer.org]
  return `${b.organizer.name}（${org}）`
}

const PHASE_ORDER: Record<BallotSummary['phase'], number> = {
  open: 0,
  announced: 1,
  closed: 2,
  published: 3,
  draft: 4,
}

/**
 * Open ballots first, soonest deadline first; then those announced,
 * soonest opening first; then the finished ones, latest first.
 */
export function sortBallots(ballots: BallotSummary[]): BallotSummary[] {
  return [...ballots].sort((a, b) => {
    const phase = PHASE_ORDER[a.phase] - PHASE_ORDER[b.phase]
    if (phase !== 0) return phase
    if (a.phase === 'open')
      return Date.parse(a.closesAt) - Date.parse(b.closesAt)
    if (a.phase === 'announced')
      return Date.parse(a.opensAt) - Date.parse(b.opensAt)
    return Date.parse(b.closesAt) - Date.parse(a.closesAt)
  })
}

/** Where the viewer stands, as what the vote button should become. */
export type VoteAccess =
  | { kind: 'can-vote'; pending: MyVoter[]; changing: boolean }
  | { kind: 'cannot'; code: ErrorCode }
  | { kind: 'all-voted' }

export function voteAccess(b: BallotDetail): VoteAccess {
  if (b.notEligibleReason === 'resident') {
    return { kind: 'cannot', code: 'NOT_AN_OWNER' }
  }
  if (b.notEligibleReason === 'not-on-roll' || b.myVoters.length === 0) {
    return { kind: 'cannot', code: 'NOT_ON_ROLL' }
  }
  const pending = b.myVoters.filter((v) => v.vote === null)
  // Where the estate's rules allow changes, a cast vote may be replaced
  // until the deadline; the last one counts. Only by whoever cast it, or
  // by the owner over their proxy: a co-owner may not overturn the other.
  const changeable = b.myVoters.filter(
    (v) => v.vote !== null && (v.vote.byMe || v.vote.byProxy === true),
  )
  if (
    pending.length === 0 &&
    changeable.length > 0 &&
    b.allowChanges &&
    b.phase === 'open'
  ) {
    return { kind: 'can-vote', pending: changeable, changing: true }
  }
  if (pending.length === 0) return { kind: 'all-voted' }
  if (b.phase === 'announced' || b.phase === 'draft') {
    return { kind: 'cannot', code: 'BALLOT_NOT_OPEN' }
  }
  if (b.phase !== 'open') return { kind: 'cannot', code: 'BALLOT_CLOSED' }
  return { kind: 'can-vote', pending, changing: false }
}

export function unitsText(units: string[]): string {
  return units.join('、')
}
