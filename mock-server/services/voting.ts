/**
 * Casting a vote. Every accepted vote is one transaction: the vote row,
 * its record entry (hash-linked to the one before) and the idempotency
 * row that lets a retried request get the same receipt. Nothing is
 * answered before that transaction commits.
 *
 * Checks run cheapest and most telling first, so nobody is asked for an
 * SMS code for a vote that would be refused anyway: idempotent replay,
 * the ballot, its phase, owner or not, the voter on the roll, the
 * choices, already voted, and only then the step-up proof.
 */
import { createHash } from 'node:crypto'

import type {
  CastVoteRequest,
  Receipt,
  SmsSent,
  StepUpGranted,
} from '@/core/api-types'
import type { FieldIssue } from '@/core/errors'
import { AppError } from '@/core/errors'
import { canonicalJson, receiptCode } from '@/core/record'
import type { ItemChoice } from '@/core/election-api'
import { isPicks } from '@/core/election-api'

import { unitLabel } from '../registers/generate'
import type { Store } from '../store/database'
import { sql } from '../store/database'
import type { BallotRow } from './ballots'
import { holdsProxy, itemsOf, phaseOf, visibleBallot } from './ballots'
import type { Context } from './context'
import { iso } from './context'
import type { Viewer } from './identity'
import { registeredPhone } from './identity'
import { checkPicks, pickNames } from './elections'
import { authorityFor } from './proxies'
import { appendEntry } from './record'
import { checkSmsCode, sendSmsCode } from './sms'
import { checkStepUp, signStepUp } from './tokens'

/** A motion's 同意/反对/弃权, or an election's picks (empty: abstain). */
export type ChoiceInput = ItemChoice

export interface VoteInput {
  ballotId: string
  voterId: string
  /** The person who cast it; null only for the developer's units. */
  castBy: string | null
  choices: readonly ChoiceInput[]
  at: number
  idempotencyKey: string
  requestHash: string
  /** The proxy that cast it, when a proxy did. */
  proxyId?: string | null
}

interface VoteRow {
  ballot_id: string
  voter_id: string
  choices: string
  at: number
  seq: number
  entry_hash: string
}

/** What makes two requests "the same vote" for idempotency. */
export function voteRequestHash(
  ballotId: string,
  voterId: string,
  choices: readonly ChoiceInput[],
): string {
  const sorted = [...choices]
    .sort((a, b) => (a.itemId < b.itemId ? -1 : a.itemId > b.itemId ? 1 : 0))
    .map(recordedChoice)
  // Backend-only, so Node's hash (several times faster than the pure-JS
  // one the shared record code uses) is fine here.
  return createHash('sha256')
    .update(canonicalJson({ ballotId, voterId, choices: sorted }))
    .digest('hex')
}

export function receiptOf(db: Store, vote: VoteRow): Receipt {
  const ballot = sql(db, 'SELECT title FROM ballots WHERE id = ?').get(
    vote.ballot_id,
  ) as { title: string }
  const units = sql(
    db,
    `SELECT b.number AS building, u.room FROM ballot_roll r
         JOIN units u ON u.id = r.unit_id
         JOIN buildings b ON b.id = u.building_id
        WHERE r.ballot_id = ? AND r.voter_id = ? ORDER BY r.unit_id`,
  ).all(vote.ballot_id, vote.voter_id) as { building: string; room: string }[]
  const titles = new Map(
    itemsOf(db, vote.ballot_id).map((item) => [item.id, item.title]),
  )
  const choices = JSON.parse(vote.choices) as ChoiceInput[]
  return {
    receiptCode: receiptCode(vote.entry_hash),
    ballotId: vote.ballot_id,
    ballotTitle: ballot.title,
    units: units.map((u) => unitLabel(u.building, u.room)),
    castAt: iso(vote.at),
    seq: vote.seq,
    entryHash: vote.entry_hash,
    choices: choices.map((c) =>
      isPicks(c)
        ? {
            itemId: c.itemId,
            itemTitle: titles.get(c.itemId) ?? '',
            picks: c.picks,
            pickNames: pickNames(db, c.itemId, c.picks),
          }
        : {
            itemId: c.itemId,
            itemTitle: titles.get(c.itemId) ?? '',
            choice: c.choice,
          },
    ),
  }
}

/**
 * Only the answer goes into the record and the hash: whatever else a
 * client sends along is dropped, so equal votes hash equally.
 */
function recordedChoice(c: ChoiceInput): ChoiceInput {
  return isPicks(c)
    ? { itemId: c.itemId, picks: [...c.picks] }
    : { itemId: c.itemId, choice: c.choice }
}

interface EarlierVote {
  seq: number
  cast_by: string | null
  proxy_id: string | null
}

function latestVote(
  db: Store,
  ballotId: string,
  voterId: string,
): EarlierVote | undefined {
  return sql(
    db,
    'SELECT seq, cast_by, proxy_id FROM votes WHERE ballot_id = ? AND voter_id = ? ORDER BY seq DESC LIMIT 1',
  ).get(ballotId, voterId) as EarlierVote | undefined
}

/**
 * Where changes are allowed, who may replace a unit's vote. A co-owned
 * unit is one voter whose owners agree who casts it (Supreme People's
 * Court interpretation on building ownership, art. 9): the co-owner who
 * cast it may change it, and an owner may replace their proxy's vote, but
 * one co-owner may not silently overturn the other's.
 */
function checkMayReplace(
  earlier: EarlierVote,
  castBy: string | null,
  proxyId: string | null,
): void {
  const sameCaster = earlier.cast_by === castBy
  const ownerOverProxy = earlier.proxy_id !== null && proxyId === null
  if (!sameCaster && !ownerOverProxy) {
    throw new AppError('CO_OWNER_ALREADY_VOTED')
  }
}

/**
 * The one path by which a vote enters the store, for real votes and for
 * the seed alike. Refuses a second vote for a voter unless the ballot
 * allows changes; then the new vote supersedes, and the earlier one stays
 * in the record.
 */
export function appendVote(db: Store, input: VoteInput): Receipt {
  return db.transaction(() => {
    const ballot = sql(
      db,
      'SELECT allow_changes FROM ballots WHERE id = ?',
    ).get(input.ballotId) as { allow_changes: number }
    const earlier = latestVote(db, input.ballotId, input.voterId)
    if (earlier && ballot.allow_changes !== 1) {
      throw new AppError('ALREADY_VOTED')
    }
    if (earlier) checkMayReplace(earlier, input.castBy, input.proxyId ?? null)

    const order = new Map(itemsOf(db, input.ballotId).map((i) => [i.id, i.seq]))
    const choices = [...input.choices]
      .sort((a, b) => (order.get(a.itemId) ?? 0) - (order.get(b.itemId) ?? 0))
      .map(recordedChoice)
    const entry = appendEntry(db, input.ballotId, 'vote', input.at, {
      voterId: input.voterId,
      choices,
      ...(earlier ? { supersedes: earlier.seq } : {}),
      // The record shows that a proxy voted, by the proxy's id only.
      ...(input.proxyId ? { proxyId: input.proxyId } : {}),
    })
    const vote: VoteRow = {
      ballot_id: input.ballotId,
      voter_id: input.voterId,
      choices: JSON.stringify(choices),
      at: input.at,
      seq: entry.seq,
      entry_hash: entry.hash,
    }
    sql(
      db,
      `INSERT INTO votes
         (ballot_id, voter_id, cast_by, choices, at, seq, entry_hash,
          idempotency_key, proxy_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      vote.ballot_id,
      vote.voter_id,
      input.castBy,
      vote.choices,
      vote.at,
      vote.seq,
      vote.entry_hash,
      input.idempotencyKey,
      input.proxyId ?? null,
    )

    const receipt = receiptOf(db, vote)
    if (input.castBy !== null) {
      sql(
        db,
        'INSERT INTO idempotency (person_id, key, request_hash, response, created_at) VALUES (?, ?, ?, ?, ?)',
      ).run(
        input.castBy,
        input.idempotencyKey,
        input.requestHash,
        JSON.stringify(receipt),
        input.at,
      )
    }
    return receipt
  })()
}

/** The receipt of an earlier identical request, or 422 if it differed. */
function replay(
  db: Store,
  personId: string,
  key: string,
  requestHash: string,
): Receipt | null {
  const row = sql(
    db,
    'SELECT request_hash, response FROM idempotency WHERE person_id = ? AND key = ?',
  ).get(personId, key) as { request_hash: string; response: string } | undefined
  if (!row) return null
  if (row.request_hash !== requestHash) {
    throw new AppError('IDEMPOTENCY_KEY_REUSED')
  }
  return JSON.parse(row.response) as Receipt
}

/**
 * Phase and role: may this viewer vote in this ballot at all, now? A
 * person with no unit may still hold an owner's proxy.
 */
function checkCanVote(ctx: Context, viewer: Viewer, ballot: BallotRow): void {
  const phase = phaseOf(ballot, ctx.now())
  if (phase === 'draft' || phase === 'announced') {
    throw new AppError('BALLOT_NOT_OPEN')
  }
  if (phase !== 'open') throw new AppError('BALLOT_CLOSED')
  if (!viewer.ownsAnyUnit && !holdsProxy(ctx, viewer.personId, ballot.id)) {
    throw new AppError('NOT_AN_OWNER')
  }
}

/** On the roll as an owner, or holding a proxy in this ballot. */
function onRoll(ctx: Context, ballotId: string, personId: string): boolean {
  const row = sql(
    ctx.db,
    'SELECT 1 FROM ballot_roll_owners WHERE ballot_id = ? AND person_id = ? LIMIT 1',
  ).get(ballotId, personId)
  return row !== undefined || holdsProxy(ctx, personId, ballotId)
}

/** Every item answered exactly once, and nothing else. */
function checkChoices(
  db: Store,
  ballotId: string,
  choices: readonly ChoiceInput[],
): void {
  const items = itemsOf(db, ballotId)
  const known = new Set(items.map((item) => item.id))
  const seen = new Set<string>()
  const issues: FieldIssue[] = []
  choices.forEach((c, index) => {
    const field = `choices.${index}.itemId`
    if (!known.has(c.itemId)) {
      issues.push({ field, message: '本次表决没有这个事项' })
    } else if (seen.has(c.itemId)) {
      issues.push({ field, message: '同一事项只能选择一次' })
    }
    seen.add(c.itemId)
  })
  if (issues.length > 0) throw new AppError('VALIDATION_FAILED', issues)

  checkPicks(db, items, choices)

  const missing = items.filter((item) => !seen.has(item.id))
  if (missing.length > 0) {
    throw new AppError(
      'CHOICES_INCOMPLETE',
      missing.map((item) => ({
        field: 'choices',
        message: `第 ${item.seq} 项“${item.title}”尚未选择`,
      })),
    )
  }
}

export interface CastResult {
  /** 201 for a new vote, 200 when a retry replays the first answer. */
  status: 200 | 201
  receipt: Receipt
}

export async function castVote(
  ctx: Context,
  viewer: Viewer,
  ballotId: string,
  request: Partial<Pick<CastVoteRequest, 'stepUpToken'>> &
    Omit<CastVoteRequest, 'stepUpToken'>,
  idempotencyKey: string | undefined,
): Promise<CastResult> {
  if (!idempotencyKey) throw new AppError('IDEMPOTENCY_KEY_MISSING')
  const requestHash = voteRequestHash(
    ballotId,
    request.voterId,
    request.choices,
  )
  const first = replay(ctx.db, viewer.personId, idempotencyKey, requestHash)
  if (first) return { status: 200, receipt: first }

  const ballot = visibleBallot(ctx, viewer, ballotId)
  checkCanVote(ctx, viewer, ballot)
  const asked = authorityFor(ctx, viewer, ballotId, request.voterId)
  checkChoices(ctx.db, ballotId, request.choices)
  const earlier = latestVote(ctx.db, ballotId, request.voterId)
  if (earlier && ballot.allow_changes !== 1) {
    throw new AppError('ALREADY_VOTED')
  }
  // Refused before the step-up, so nobody waits for an SMS in vain.
  if (earlier) {
    checkMayReplace(
      earlier,
      viewer.personId,
      asked.kind === 'proxy' ? asked.proxyId : null,
    )
  }
  if (!request.stepUpToken) throw new AppError('STEP_UP_REQUIRED')
  await checkStepUp(ctx, request.stepUpToken, {
    accountId: viewer.accountId,
    personId: viewer.personId,
    ballotId,
  })

  // The step-up check awaited: the deadline and an identical request
  // racing this one are checked again inside the transaction.
  return ctx.db.transaction((): CastResult => {
    const raced = replay(ctx.db, viewer.personId, idempotencyKey, requestHash)
    if (raced) return { status: 200, receipt: raced }
    checkCanVote(ctx, viewer, ballot)
    // A revocation or the owner's own vote may have landed meanwhile.
    const authority = authorityFor(ctx, viewer, ballotId, request.voterId)
    const receipt = appendVote(ctx.db, {
      ballotId,
      voterId: request.voterId,
      castBy: viewer.personId,
      choices: request.choices,
      at: ctx.now(),
      idempotencyKey,
      requestHash,
      proxyId: authority.kind === 'proxy' ? authority.proxyId : null,
    })
    return { status: 201, receipt }
  })()
}

/** The checks a step-up SMS is worth sending for. */
function stepUpBallot(ctx: Context, viewer: Viewer, ballotId: string): void {
  const ballot = visibleBallot(ctx, viewer, ballotId)
  checkCanVote(ctx, viewer, ballot)
  if (!onRoll(ctx, ballotId, viewer.personId)) {
    throw new AppError('NOT_ON_ROLL')
  }
}

export function requestStepUp(
  ctx: Context,
  viewer: Viewer,
  ballotId: string,
): SmsSent {
  stepUpBallot(ctx, viewer, ballotId)
  return sendSmsCode(ctx, {
    accountId: viewer.accountId,
    purpose: 'step-up',
    ballotId,
    phone: registeredPhone(ctx, viewer.personId),
  })
}

export async function grantStepUp(
  ctx: Context,
  viewer: Viewer,
  ballotId: string,
  smsCode: string,
): Promise<StepUpGranted> {
  stepUpBallot(ctx, viewer, ballotId)
  const code = checkSmsCode(
    ctx,
    {
      accountId: viewer.accountId,
      purpose: 'step-up',
      ballotId,
      phone: registeredPhone(ctx, viewer.personId),
    },
    smsCode,
  )
  code.consume()
  const { token, expiresAt } = await signStepUp(ctx, {
    accountId: viewer.accountId,
    personId: viewer.personId,
    ballotId,
  })
  return { stepUpToken: token, expiresAt: iso(expiresAt) }
}

export function receiptsOf(ctx: Context, personId: string): Receipt[] {
  const votes = sql(
    ctx.db,
    `SELECT ballot_id, voter_id, choices, at, seq, entry_hash FROM votes
        WHERE cast_by = ? ORDER BY at DESC, seq DESC`,
  ).all(personId) as VoteRow[]
  return votes.map((vote) => receiptOf(ctx.db, vote))
}
