/**
 * Ballots as a viewer sees them: the list of an estate, one ballot's
 * detail, the turnout gauge and where the viewer stands. Turnout is who
 * took part against the frozen roll, counted with the core tally's rules;
 * nobody sees how the votes go while a ballot is open.
 */
import type {
  BallotDetail,
  BallotFilter,
  BallotSummary,
  MeasureView,
  MyBallotStatus,
  MyVoter,
  StaffOrg,
  Turnout,
} from '@/core/api-types'
import { STAFF_ORG_TEXT } from '@/core/api-types'
import { formatArea } from '@/core/area'
import type { BallotPhase } from '@/core/ballot'
import { ballotPhaseAt } from '@/core/ballot'
import { AppError } from '@/core/errors'
import { maskName } from '@/core/person'
import { receiptCode } from '@/core/record'
import type { Matter, Measure } from '@/core/tally'
import { hasQuorum, rollTotals } from '@/core/tally'
import type { BallotElectorate } from '@/core/voting-api'

import { unitLabel } from '../registers/generate'
import type { Store } from '../store/database'
import { sql } from '../store/database'
import type { Context } from './context'
import { electionView } from './elections'
import { iso } from './context'
import type { Viewer } from './identity'
import type { RollRow } from './roll'
import { frozenRoll, liveRoll, toRollUnit } from './roll'

export interface BallotRow {
  id: string
  estate_id: string
  title: string
  description: string
  organizer_org: StaffOrg
  mandate_id: string | null
  electorate: string
  allow_changes: number
  created_at: number
  announced_at: number | null
  opens_at: number
  closes_at: number
  published_at: number | null
  created_by: string | null
  published_by: string | null
  published_by_deadline: number
}

export interface ItemRow {
  id: string
  seq: number
  title: string
  description: string
  matter: Matter
  /** Set on an election item (elections.ts); null on a yes/no item. */
  seats: number | null
  max_picks: number | null
}

export function phaseOf(ballot: BallotRow, now: number): BallotPhase {
  return ballotPhaseAt(
    {
      announcedAt: ballot.announced_at,
      opensAt: ballot.opens_at,
      closesAt: ballot.closes_at,
      publishedAt: ballot.published_at,
    },
    now,
  )
}

export function electorateOf(ballot: BallotRow): BallotElectorate {
  return JSON.parse(ballot.electorate) as BallotElectorate
}

/**
 * Does the person hold a proxy (not revoked) in this ballot? A proxy from
 * another estate sees that one ballot and nothing else of the estate.
 */
export function holdsProxy(
  ctx: Context,
  personId: string,
  ballotId: string,
): boolean {
  return (
    sql(
      ctx.db,
      'SELECT 1 FROM proxies WHERE ballot_id = ? AND agent_id = ? AND revoked_at IS NULL LIMIT 1',
    ).get(ballotId, personId) !== undefined
  )
}

function heldRevokedProxy(
  ctx: Context,
  personId: string,
  ballotId: string,
): boolean {
  return (
    sql(
      ctx.db,
      'SELECT 1 FROM proxies WHERE ballot_id = ? AND agent_id = ? AND revoked_at IS NOT NULL LIMIT 1',
    ).get(ballotId, personId) !== undefined
  )
}

/**
 * The ballot, if the viewer may see it: 404 when unknown, 403 when it
 * belongs to an estate the viewer has nothing to do with, and 404 for a
 * draft unless the viewer is staff of its estate (a draft is not public).
 */
export function visibleBallot(
  ctx: Context,
  viewer: Viewer,
  ballotId: string,
): BallotRow {
  const ballot = sql(ctx.db, 'SELECT * FROM ballots WHERE id = ?').get(
    ballotId,
  ) as BallotRow | undefined
  if (!ballot) throw new AppError('BALLOT_NOT_FOUND')
  if (
    !viewer.estateIds.includes(ballot.estate_id) &&
    !holdsProxy(ctx, viewer.personId, ballot.id)
  ) {
    // A proxy from outside the estate whose proxy was revoked is told
    // that, not that the ballot belongs to another estate.
    if (heldRevokedProxy(ctx, viewer.personId, ballot.id)) {
      throw new AppError('PROXY_REVOKED')
    }
    throw new AppError('OTHER_ESTATE')
  }
  const draft = ballot.announced_at === null
  if (draft && !viewer.staffEstateIds.has(ballot.estate_id)) {
    throw new AppError('BALLOT_NOT_FOUND')
  }
  return ballot
}

export function itemsOf(db: Store, ballotId: string): ItemRow[] {
  return sql(
    db,
    'SELECT id, seq, title, description, matter, seats, max_picks FROM ballot_items WHERE ballot_id = ? ORDER BY seq',
  ).all(ballotId) as ItemRow[]
}

// A frozen roll never changes, so it is read from the store once.
const frozenRolls = new WeakMap<Store, Map<string, RollRow[]>>()

export function rollOf(ctx: Pick<Context, 'db'>, ballot: BallotRow): RollRow[] {
  if (ballot.announced_at === null) {
    return liveRoll(ctx.db, ballot.estate_id, electorateOf(ballot))
  }
  let cache = frozenRolls.get(ctx.db)
  if (!cache) {
    cache = new Map()
    frozenRolls.set(ctx.db, cache)
  }
  let roll = cache.get(ballot.id)
  if (!roll) {
    roll = frozenRoll(ctx.db, ballot.id)
    cache.set(ballot.id, roll)
  }
  return roll
}

function measureView(measure: Measure): MeasureView {
  return { area: formatArea(measure.area), headcount: measure.headcount }
}

function turnoutOf(ctx: Context, ballot: BallotRow, roll: RollRow[]): Turnout {
  const voted = new Set(
    (
      sql(
        ctx.db,
        'SELECT DISTINCT voter_id FROM votes WHERE ballot_id = ?',
      ).all(ballot.id) as { voter_id: string }[]
    ).map((row) => row.voter_id),
  )
  const totals = rollTotals(roll.map(toRollUnit))
  const participating = rollTotals(
    roll
      .filter((row) => row.voterId !== null && voted.has(row.voterId))
      .map(toRollUnit),
  )
  return {
    totals: measureView(totals),
    participating: measureView(participating),
    quorum: hasQuorum(participating, totals),
  }
}

interface LatestVoteRow {
  at: number
  cast_by: string | null
  cast_by_name: string | null
  entry_hash: string
  proxy_id: string | null
}

// The developer's units vote as one owner with no person behind it here.
const DEVELOPER_NAME = '开发建设单位'

/** The voters (owner sets on the roll) the viewer may vote for. */
export function myVotersOf(
  ctx: Context,
  viewer: Viewer,
  ballot: BallotRow,
  roll: RollRow[],
): MyVoter[] {
  const voterIds = (
    sql(
      ctx.db,
      'SELECT voter_id FROM ballot_roll_owners WHERE ballot_id = ? AND person_id = ? ORDER BY voter_id',
    ).all(ballot.id, viewer.personId) as { voter_id: string }[]
  ).map((row) => row.voter_id)
  const proxied = (
    sql(
      ctx.db,
      `SELECT x.voter_id, g.name AS grantor FROM proxies x
         JOIN persons g ON g.id = x.grantor_id
        WHERE x.ballot_id = ? AND x.agent_id = ? AND x.revoked_at IS NULL
        ORDER BY x.voter_id`,
    ).all(ballot.id, viewer.personId) as { voter_id: string; grantor: string }[]
  ).filter((row) => !voterIds.includes(row.voter_id))
  const grantorOf = new Map(proxied.map((r) => [r.voter_id, r.grantor]))
  voterIds.push(...proxied.map((row) => row.voter_id))
  const latest = sql(
    ctx.db,
    `SELECT v.at, v.cast_by, p.name AS cast_by_name, v.entry_hash, v.proxy_id
       FROM votes v LEFT JOIN persons p ON p.id = v.cast_by
      WHERE v.ballot_id = ? AND v.voter_id = ?
      ORDER BY v.seq DESC LIMIT 1`,
  )
  return voterIds.map((voterId) => {
    const units = roll.filter((row) => row.voterId === voterId)
    const vote = latest.get(ballot.id, voterId) as LatestVoteRow | undefined
    const byMe = vote?.cast_by === viewer.personId
    const grantor = grantorOf.get(voterId)
    return {
      ...(grantor ? { proxyFor: maskName(grantor) } : {}),
      voterId,
      units: units.map((u) => unitLabel(u.building, u.room)),
      area: formatArea(units.reduce((sum, u) => sum + u.area, 0)),
      vote: vote
        ? {
            castAt: iso(vote.at),
            castBy: vote.cast_by_name
              ? maskName(vote.cast_by_name)
              : DEVELOPER_NAME,
            byMe,
            receiptCode: byMe ? receiptCode(vote.entry_hash) : null,
            ...(vote.proxy_id ? { byProxy: true } : {}),
          }
        : null,
    }
  })
}

function statusOf(voters: MyVoter[]): MyBallotStatus {
  const cast = voters.filter((v) => v.vote !== null).length
  if (voters.length === 0) return 'not-eligible'
  if (cast === 0) return 'to-vote'
  return cast === voters.length ? 'voted' : 'partly-voted'
}

function summaryOf(
  ctx: Context,
  viewer: Viewer,
  ballot: BallotRow,
): { summary: BallotSummary; roll: RollRow[]; voters: MyVoter[] } {
  const roll = rollOf(ctx, ballot)
  const voters = myVotersOf(ctx, viewer, ballot, roll)
  const summary: BallotSummary = {
    id: ballot.id,
    estateId: ballot.estate_id,
    title: ballot.title,
    phase: phaseOf(ballot, ctx.now()),
    announcedAt: ballot.announced_at === null ? null : iso(ballot.announced_at),
    opensAt: iso(ballot.opens_at),
    closesAt: iso(ballot.closes_at),
    electorate: electorateOf(ballot),
    itemCount: itemsOf(ctx.db, ballot.id).length,
    turnout: turnoutOf(ctx, ballot, roll),
    myStatus: statusOf(voters),
  }
  return { summary, roll, voters }
}

const PHASE_RANK: Record<BallotPhase, number> = {
  open: 0,
  announced: 1,
  closed: 2,
  published: 3,
  draft: 4,
}

/**
 * Open first by nearest deadline, then announced by nearest opening, then
 * closed and published ones newest first; drafts last.
 */
function listOrder(now: number) {
  const key = (b: BallotRow): number => {
    switch (phaseOf(b, now)) {
      case 'open':
        return b.closes_at
      case 'announced':
        return b.opens_at
      case 'closed':
        return -b.closes_at
      case 'published':
        return -(b.published_at ?? 0)
      case 'draft':
        return -b.created_at
    }
  }
  return (a: BallotRow, b: BallotRow) =>
    PHASE_RANK[phaseOf(a, now)] - PHASE_RANK[phaseOf(b, now)] || key(a) - key(b)
}

function passes(filter: BallotFilter, summary: BallotSummary): boolean {
  switch (filter) {
    case 'all':
      return true
    case 'open':
      return summary.phase === 'open'
    case 'to-vote':
      return (
        summary.phase === 'open' &&
        (summary.myStatus === 'to-vote' || summary.myStatus === 'partly-voted')
      )
    case 'closed':
      return summary.phase === 'closed' || summary.phase === 'published'
  }
}

export function listBallots(
  ctx: Context,
  viewer: Viewer,
  estateId: string,
  filter: BallotFilter,
): BallotSummary[] {
  const exists = sql(ctx.db, 'SELECT 1 FROM estates WHERE id = ?').get(estateId)
  if (!exists) throw new AppError('NOT_FOUND')
  if (!viewer.estateIds.includes(estateId)) throw new AppError('OTHER_ESTATE')

  const seesDrafts = viewer.staffEstateIds.has(estateId)
  const rows = (
    sql(ctx.db, 'SELECT * FROM ballots WHERE estate_id = ?').all(
      estateId,
    ) as BallotRow[]
  ).filter((b) => b.announced_at !== null || seesDrafts)
  return rows
    .sort(listOrder(ctx.now()))
    .map((b) => summaryOf(ctx, viewer, b).summary)
    .filter((summary) => passes(filter, summary))
}

export function ballotDetail(
  ctx: Context,
  viewer: Viewer,
  ballotId: string,
): BallotDetail {
  const ballot = visibleBallot(ctx, viewer, ballotId)
  const { summary, roll, voters } = summaryOf(ctx, viewer, ballot)
  const estate = sql(ctx.db, 'SELECT name FROM estates WHERE id = ?').get(
    ballot.estate_id,
  ) as { name: string }
  const mandate = ballot.mandate_id
    ? (
        sql(ctx.db, 'SELECT text FROM mandates WHERE id = ?').get(
          ballot.mandate_id,
        ) as { text: string }
      ).text
    : null
  const totals = rollTotals(roll.map(toRollUnit))

  // A resident holding a proxy votes for the owner who authorised them.
  let notEligibleReason: BallotDetail['notEligibleReason'] = null
  if (voters.length === 0) {
    notEligibleReason = viewer.ownsAnyUnit ? 'not-on-roll' : 'resident'
  }

  return {
    ...summary,
    description: ballot.description,
    organizer: {
      org: ballot.organizer_org,
      name: `${estate.name}${STAFF_ORG_TEXT[ballot.organizer_org]}`,
      mandate,
    },
    items: itemsOf(ctx.db, ballot.id).map((item) => {
      const election = electionView(ctx, item)
      return {
        id: item.id,
        seq: item.seq,
        title: item.title,
        description: item.description,
        matter: item.matter,
        ...(election ? { election } : {}),
      }
    }),
    roll: {
      units: roll.length,
      area: formatArea(totals.area),
      headcount: totals.headcount,
    },
    allowChanges: ballot.allow_changes === 1,
    myVoters: voters,
    notEligibleReason,
  }
}
