/**
 * Signed tokens (HS256 JWTs through jose). A session token names the
 * account (`acct`) and, once real-name verification has bound it, the
 * person (`sub`). A step-up token proves a fresh SMS check for one person
 * and one ballot. Issue and expiry times come from the injected clock.
 */
import { errors, jwtVerify, SignJWT } from 'jose'

import { AppError } from '@/core/errors'
import type { ErrorCode } from '@/core/errors'

import type { Context } from './context'
import { HOUR, MINUTE } from './context'

export const SESSION_TTL = 2 * HOUR
export const STEP_UP_TTL = 5 * MINUTE

const ALGORITHM = 'HS256'

export interface SessionClaims {
  accountId: string
  personId: string | null
}

export interface StepUpClaims {
  accountId: string
  personId: string
  ballotId: string
}

async function sign(
  ctx: Context,
  claims: Record<string, string>,
  subject: string | null,
  ttl: number,
): Promise<{ token: string; expiresAt: number }> {
  const issuedAt = Math.floor(ctx.now() / 1000)
  const expiresAt = (issuedAt + ttl / 1000) * 1000
  const jwt = new SignJWT(claims)
    .setProtectedHeader({ alg: ALGORITHM })
    .setIssuedAt(issuedAt)
    .setExpirationTime(expiresAt / 1000)
  if (subject !== null) jwt.setSubject(subject)
  return { token: await jwt.sign(ctx.secret), expiresAt }
}

async function verify(
  ctx: Context,
  token: string,
  use: string,
  expired: ErrorCode,
  invalid: ErrorCode,
): Promise<Record<string, unknown>> {
  try {
    const { payload } = await jwtVerify(token, ctx.secret, {
      algorithms: [ALGORITHM],
      currentDate: new Date(ctx.now()),
    })
    if (payload.use !== use) throw new AppError(invalid)
    return payload
  } catch (error) {
    if (error instanceof AppError) throw error
    if (error instanceof errors.JWTExpired) throw new AppError(expired)
    if (error instanceof errors.JOSEError) throw new AppError(invalid)
    throw error
  }
}

export function signSession(ctx: Context, claims: SessionClaims) {
  return sign(
    ctx,
    { use: 'session', acct: claims.accountId },
    claims.personId,
    SESSION_TTL,
  )
}

export async function verifySession(
  ctx: Context,
  token: string,
): Promise<SessionClaims> {
  const payload = await verify(
    ctx,
    token,
    'session',
    'SESSION_EXPIRED',
    'AUTH_REQUIRED',
  )
  if (typeof payload.acct !== 'string') throw new AppError('AUTH_REQUIRED')
  return {
    accountId: payload.acct,
    personId: typeof payload.sub === 'string' ? payload.sub : null,
  }
}

export function signStepUp(ctx: Context, claims: StepUpClaims) {
  return sign(
    ctx,
    { use: 'step-up', acct: claims.accountId, ballot: claims.ballotId },
    claims.personId,
    STEP_UP_TTL,
  )
}

/** Throws STEP_UP_INVALID unless the token is fresh and for this vote. */
export async function checkStepUp(
  ctx: Context,
  token: string,
  expected: StepUpClaims,
): Promise<void> {
  const payload = await verify(
    ctx,
    token,
    'step-up',
    'STEP_UP_INVALID',
    'STEP_UP_INVALID',
  )
  const matches =
    payload.sub === expected.personId &&
    payload.acct === expected.accountId &&
    payload.ballot === expected.ballotId
  if (!matches) throw new AppError('STEP_UP_INVALID')
}
