/**
 * The mocked SMS gateway. A code is six digits from the system's secure
 * random source; only a keyed hash of it is stored. It lives five minutes,
 * allows five tries, and a phone gets at most one code a minute for the
 * same purpose. With no real gateway, the code is handed back to the
 * caller (SmsSent.mockCode) for a tester to type.
 */
import {
  createHmac,
  randomBytes,
  randomInt,
  timingSafeEqual,
} from 'node:crypto'

import type { SmsSent } from '@/core/api-types'
import { AppError } from '@/core/errors'
import { maskPhone } from '@/core/person'

import { sql } from '../store/database'
import type { Context } from './context'
import { iso, MINUTE } from './context'

export const SMS_TTL = 5 * MINUTE
export const SMS_RESEND_AFTER = MINUTE
export const SMS_MAX_ATTEMPTS = 5

export type SmsPurpose = 'identity' | 'step-up'

export interface SmsTarget {
  accountId: string
  purpose: SmsPurpose
  /** The ballot a step-up code is for; null for identity codes. */
  ballotId: string | null
  phone: string
}

interface ChallengeRow {
  id: string
  code_hash: string
  created_at: number
  expires_at: number
  attempts: number
}

function hashCode(ctx: Context, challengeId: string, code: string): string {
  return createHmac('sha256', ctx.secret)
    .update(`${challengeId}:${code}`)
    .digest('hex')
}

export function sendSmsCode(ctx: Context, target: SmsTarget): SmsSent {
  const now = ctx.now()
  const recent = sql(
    ctx.db,
    `SELECT created_at FROM sms_challenges
        WHERE phone = ? AND purpose = ? AND ballot_id IS ? AND created_at > ?
        ORDER BY created_at DESC LIMIT 1`,
  ).get(target.phone, target.purpose, target.ballotId, now - SMS_RESEND_AFTER)
  if (recent) throw new AppError('SMS_RATE_LIMITED')

  const id = randomBytes(12).toString('hex')
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0')
  sql(
    ctx.db,
    `INSERT INTO sms_challenges
         (id, account_id, purpose, ballot_id, phone, code_hash, created_at, expires_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    id,
    target.accountId,
    target.purpose,
    target.ballotId,
    target.phone,
    hashCode(ctx, id, code),
    now,
    now + SMS_TTL,
  )
  return {
    sentTo: maskPhone(target.phone),
    expiresAt: iso(now + SMS_TTL),
    resendAfter: iso(now + SMS_RESEND_AFTER),
    mockCode: code,
  }
}

/** A code that matched; the caller decides whether the request succeeds. */
export interface MatchedCode {
  /** Marks the code used, so it can not be used again. */
  consume(): void
  /** Counts a failed use against the five tries (e.g. a wrong name). */
  fail(): void
}

/** Checks the latest code sent to this account for this purpose. */
export function checkSmsCode(
  ctx: Context,
  target: SmsTarget,
  code: string,
): MatchedCode {
  const row = sql(
    ctx.db,
    `SELECT id, code_hash, created_at, expires_at, attempts FROM sms_challenges
        WHERE account_id = ? AND purpose = ? AND ballot_id IS ? AND phone = ?
          AND consumed_at IS NULL
        ORDER BY created_at DESC LIMIT 1`,
  ).get(target.accountId, target.purpose, target.ballotId, target.phone) as
    ChallengeRow | undefined
  if (!row) throw new AppError('SMS_NOT_REQUESTED')
  if (row.attempts >= SMS_MAX_ATTEMPTS) {
    throw new AppError('SMS_TOO_MANY_ATTEMPTS')
  }
  if (ctx.now() >= row.expires_at) throw new AppError('SMS_CODE_EXPIRED')

  const fail = () => {
    sql(
      ctx.db,
      'UPDATE sms_challenges SET attempts = attempts + 1 WHERE id = ?',
    ).run(row.id)
  }
  const expected = Buffer.from(row.code_hash, 'hex')
  const given = Buffer.from(hashCode(ctx, row.id, code), 'hex')
  if (!timingSafeEqual(expected, given)) {
    fail()
    throw new AppError('SMS_CODE_WRONG')
  }
  return {
    consume: () => {
      sql(ctx.db, 'UPDATE sms_challenges SET consumed_at = ? WHERE id = ?').run(
        ctx.now(),
        row.id,
      )
    },
    fail,
  }
}
