/**
 * Proxies (委托投票). An owner authorises one verified person, named by
 * name and ID number, to cast one voter's vote in one ballot, until the
 * ballot closes. The owner may revoke it until the proxy has voted; a
 * vote by an owner of that voter supersedes it, and the proxy's attempt
 * after that fails with PROXY_SUPERSEDED. Grants and revocations are
 * record entries, and a vote a proxy cast says so in its own entry.
 *
 * Entries name the proxy and the voter by their pseudonymous ids only:
 * the public record names no person.
 */
import { randomBytes } from 'node:crypto'

import { AppError } from '@/core/errors'
import { maskName } from '@/core/person'
import {
  checkResidentId,
  maskResidentId,
  normaliseResidentId,
  RESIDENT_ID_PROBLEM_TEXT,
} from '@/core/resident-id'
import type {
  HeldProxy,
  ProxyGrantRequest,
  ProxyStatus,
  ProxyView,
} from '@/core/voting-api'

import { unitLabel } from '../registers/generate'
import { sql } from '../store/database'
import type { BallotRow } from './ballots'
import { phaseOf, visibleBallot } from './ballots'
import type { Context } from './context'
import { iso, shanghaiDate } from './context'
import type { Viewer } from './identity'
import { appendEntry } from './record'

interface ProxyRow {
  id: string
  ballot_id: string
  voter_id: string
  grantor_id: string
  agent_id: string
  granted_at: number
  revoked_at: number | null
}

export type VoteAuthority =
  { kind: 'owner' } | { kind: 'proxy'; proxyId: string }

export function ownsVoter(
  ctx: Context,
  ballotId: string,
  personId: string,
  voterId: string,
): boolean {
  return (
    sql(
      ctx.db,
      'SELECT 1 FROM ballot_roll_owners WHERE ballot_id = ? AND person_id = ? AND voter_id = ?',
    ).get(ballotId, personId, voterId) !== undefined
  )
}

/** Has an owner (not a proxy) voted for this voter? */
function ownerVoted(ctx: Context, ballotId: string, voterId: string): boolean {
  return (
    sql(
      ctx.db,
      'SELECT 1 FROM votes WHERE ballot_id = ? AND voter_id = ? AND proxy_id IS NULL LIMIT 1',
    ).get(ballotId, voterId) !== undefined
  )
}

/**
 * On what footing the viewer casts this voter's vote: as one of its
 * owners, or as the proxy an owner authorised. Throws the reason when
 * neither holds.
 */
export function authorityFor(
  ctx: Context,
  viewer: Viewer,
  ballotId: string,
  voterId: string,
): VoteAuthority {
  if (ownsVoter(ctx, ballotId, viewer.personId, voterId)) {
    return { kind: 'owner' }
  }
  const proxy = sql(
    ctx.db,
    `SELECT * FROM proxies WHERE ballot_id = ? AND voter_id = ? AND agent_id = ?
      ORDER BY granted_at DESC, rowid DESC LIMIT 1`,
  ).get(ballotId, voterId, viewer.personId) as ProxyRow | undefined
  if (!proxy) {
    throw new AppError(viewer.ownsAnyUnit ? 'NOT_ON_ROLL' : 'NOT_AN_OWNER')
  }
  if (proxy.revoked_at !== null) throw new AppError('PROXY_REVOKED')
  if (ownerVoted(ctx, ballotId, voterId)) {
    throw new AppError('PROXY_SUPERSEDED')
  }
  return { kind: 'proxy', proxyId: proxy.id }
}

function statusOf(ctx: Context, proxy: ProxyRow): ProxyStatus {
  if (proxy.revoked_at !== null) return 'revoked'
  if (ownerVoted(ctx, proxy.ballot_id, proxy.voter_id)) return 'superseded'
  const used = sql(
    ctx.db,
    'SELECT 1 FROM votes WHERE proxy_id = ? LIMIT 1',
  ).get(proxy.id)
  return used ? 'used' : 'active'
}

function viewOf(ctx: Context, proxy: ProxyRow): ProxyView {
  const names = sql(
    ctx.db,
    `SELECT g.name AS grantor, a.name AS agent, a.id_number AS agent_id_number
       FROM persons g, persons a WHERE g.id = ? AND a.id = ?`,
  ).get(proxy.grantor_id, proxy.agent_id) as {
    grantor: string
    agent: string
    agent_id_number: string
  }
  const units = sql(
    ctx.db,
    `SELECT b.number AS building, u.room FROM ballot_roll r
       JOIN units u ON u.id = r.unit_id
       JOIN buildings b ON b.id = u.building_id
      WHERE r.ballot_id = ? AND r.voter_id = ? ORDER BY r.unit_id`,
  ).all(proxy.ballot_id, proxy.voter_id) as { building: string; room: string }[]
  const ballot = sql(ctx.db, 'SELECT closes_at FROM ballots WHERE id = ?').get(
    proxy.ballot_id,
  ) as { closes_at: number }
  return {
    id: proxy.id,
    ballotId: proxy.ballot_id,
    voterId: proxy.voter_id,
    units: units.map((u) => unitLabel(u.building, u.room)),
    agentName: maskName(names.agent),
    agentIdNumberMasked: maskResidentId(names.agent_id_number),
    grantorName: maskName(names.grantor),
    grantedAt: iso(proxy.granted_at),
    validUntil: iso(ballot.closes_at),
    status: statusOf(ctx, proxy),
    revokedAt: proxy.revoked_at === null ? null : iso(proxy.revoked_at),
  }
}

/** Proxies may be given and taken back between announcement and close. */
function checkProxyPhase(ctx: Context, ballot: BallotRow): void {
  const phase = phaseOf(ballot, ctx.now())
  if (phase === 'draft') throw new AppError('BALLOT_NOT_FOUND')
  if (phase === 'closed' || phase === 'published') {
    throw new AppError('BALLOT_CLOSED')
  }
}

/** The verified person a name and ID number name, or the reason not. */
function agentOf(ctx: Context, name: string, idNumber: string): string {
  const normalised = normaliseResidentId(idNumber)
  const check = checkResidentId(normalised, shanghaiDate(ctx.now()))
  if (!check.ok) {
    throw new AppError('RESIDENT_ID_INVALID', [
      {
        field: 'agentIdNumber',
        message: RESIDENT_ID_PROBLEM_TEXT[check.problem],
      },
    ])
  }
  // Bound to an account means real-name verified here. Which of name,
  // number or verification failed stays unsaid, so the register can not
  // be probed through this form.
  const person = sql(
    ctx.db,
    `SELECT p.id FROM persons p
      WHERE p.id_number = ? AND p.name = ?
        AND EXISTS (SELECT 1 FROM accounts a WHERE a.person_id = p.id)`,
  ).get(normalised, name.trim()) as { id: string } | undefined
  if (!person) throw new AppError('PROXY_AGENT_NOT_FOUND')
  return person.id
}

export function grantProxy(
  ctx: Context,
  viewer: Viewer,
  ballotId: string,
  request: ProxyGrantRequest,
): ProxyView {
  const ballot = visibleBallot(ctx, viewer, ballotId)
  checkProxyPhase(ctx, ballot)
  if (!ownsVoter(ctx, ballotId, viewer.personId, request.voterId)) {
    throw new AppError('NOT_ON_ROLL')
  }
  const agentId = agentOf(ctx, request.agentName, request.agentIdNumber)
  if (ownsVoter(ctx, ballotId, agentId, request.voterId)) {
    throw new AppError('PROXY_AGENT_IS_OWNER')
  }

  return ctx.db.transaction((): ProxyView => {
    const voted = sql(
      ctx.db,
      'SELECT 1 FROM votes WHERE ballot_id = ? AND voter_id = ? LIMIT 1',
    ).get(ballotId, request.voterId)
    // Authorising someone after voting oneself would only invite a
    // second vote the rules then have to refuse.
    if (voted) throw new AppError('ALREADY_VOTED')
    const live = sql(
      ctx.db,
      'SELECT 1 FROM proxies WHERE ballot_id = ? AND voter_id = ? AND revoked_at IS NULL',
    ).get(ballotId, request.voterId)
    if (live) throw new AppError('PROXY_EXISTS')

    const row: ProxyRow = {
      id: `X${randomBytes(8).toString('hex').toUpperCase()}`,
      ballot_id: ballotId,
      voter_id: request.voterId,
      grantor_id: viewer.personId,
      agent_id: agentId,
      granted_at: ctx.now(),
      revoked_at: null,
    }
    sql(
      ctx.db,
      'INSERT INTO proxies (id, ballot_id, voter_id, grantor_id, agent_id, granted_at) VALUES (?, ?, ?, ?, ?, ?)',
    ).run(
      row.id,
      row.ballot_id,
      row.voter_id,
      row.grantor_id,
      row.agent_id,
      row.granted_at,
    )
    appendEntry(ctx.db, ballotId, 'proxy-grant', row.granted_at, {
      proxyId: row.id,
      voterId: row.voter_id,
      validUntil: ballot.closes_at,
    })
    return viewOf(ctx, row)
  })()
}

export function revokeProxy(
  ctx: Context,
  viewer: Viewer,
  proxyId: string,
): ProxyView {
  const proxy = sql(ctx.db, 'SELECT * FROM proxies WHERE id = ?').get(
    proxyId,
  ) as ProxyRow | undefined
  // Only the owner who gave it may take it back; to anyone else it does
  // not exist.
  if (!proxy || proxy.grantor_id !== viewer.personId) {
    throw new AppError('PROXY_NOT_FOUND')
  }
  const ballot = visibleBallot(ctx, viewer, proxy.ballot_id)
  checkProxyPhase(ctx, ballot)

  return ctx.db.transaction((): ProxyView => {
    const status = statusOf(ctx, proxy)
    if (status === 'revoked') return viewOf(ctx, proxy)
    if (status === 'used') throw new AppError('PROXY_ALREADY_USED')
    const at = ctx.now()
    sql(ctx.db, 'UPDATE proxies SET revoked_at = ? WHERE id = ?').run(
      at,
      proxy.id,
    )
    appendEntry(ctx.db, proxy.ballot_id, 'proxy-revoke', at, {
      proxyId: proxy.id,
      voterId: proxy.voter_id,
    })
    return viewOf(ctx, { ...proxy, revoked_at: at })
  })()
}

/** Every proxy given for the viewer's voters in a ballot, newest first. */
export function proxiesOf(
  ctx: Context,
  viewer: Viewer,
  ballotId: string,
): ProxyView[] {
  visibleBallot(ctx, viewer, ballotId)
  const rows = sql(
    ctx.db,
    `SELECT x.* FROM proxies x
      WHERE x.ballot_id = ? AND x.voter_id IN (
        SELECT voter_id FROM ballot_roll_owners
         WHERE ballot_id = ? AND person_id = ?)
      ORDER BY x.granted_at DESC, x.rowid DESC`,
  ).all(ballotId, ballotId, viewer.personId) as ProxyRow[]
  return rows.map((row) => viewOf(ctx, row))
}

/** Ballots others authorised the viewer to vote in, not revoked. */
export function heldProxies(ctx: Context, viewer: Viewer): HeldProxy[] {
  const rows = sql(
    ctx.db,
    `SELECT x.* FROM proxies x JOIN ballots b ON b.id = x.ballot_id
      WHERE x.agent_id = ? AND x.revoked_at IS NULL
      ORDER BY b.closes_at DESC`,
  ).all(viewer.personId) as ProxyRow[]
  return rows.map((row) => {
    const ballot = sql(ctx.db, 'SELECT * FROM ballots WHERE id = ?').get(
      row.ballot_id,
    ) as BallotRow
    const estate = sql(ctx.db, 'SELECT name FROM estates WHERE id = ?').get(
      ballot.estate_id,
    ) as { name: string }
    return {
      proxy: viewOf(ctx, row),
      ballotTitle: ballot.title,
      estateName: estate.name,
      phase: phaseOf(ballot, ctx.now()),
      closesAt: iso(ballot.closes_at),
    }
  })
}
