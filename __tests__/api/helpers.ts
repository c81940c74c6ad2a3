/**
 * Shared helpers for the API tests: a frozen clock, an app seeded in
 * memory, and the sign-in and step-up flows as a client goes through
 * them. Tests assert on error codes, never on message text.
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify'

import type { Profile, Session, SmsSent, StepUpGranted } from '@/core/api-types'
import type { ErrorBody, ErrorCode } from '@/core/errors'

import { buildApp } from '../../mock-server/app'
import type {
  TestAccount,
  TestAccountKey,
} from '../../mock-server/registers/test-accounts'
import { testAccounts } from '../../mock-server/registers/test-accounts'
import { SMS_RESEND_AFTER } from '../../mock-server/services/sms'

/** 2026-12-03 10:00 in Shanghai: a Thursday morning. */
export const SEED_TIME = Date.UTC(2026, 11, 3, 2, 0, 0)

export const MINUTE = 60_000
export const HOUR = 60 * MINUTE
export const DAY = 24 * HOUR

export interface TestClock {
  now: () => number
  advance(ms: number): void
}

export function frozenClock(start = SEED_TIME): TestClock {
  let current = start
  return {
    now: () => current,
    advance: (ms) => {
      current += ms
    },
  }
}

export interface TestApp {
  app: FastifyInstance
  clock: TestClock
}

// Seeding takes most of a second; each test file seeds once and starts
// every further app from a copy of that store.
let seeded: Buffer | null = null

/**
 * A fresh backend on an in-memory store seeded at SEED_TIME. `reseed`
 * runs the seed itself instead of copying an earlier one.
 */
export async function testApp({ reseed = false } = {}): Promise<TestApp> {
  const clock = frozenClock()
  const snapshot = reseed ? undefined : (seeded ?? undefined)
  const app = await buildApp({
    dbPath: ':memory:',
    snapshot,
    now: clock.now,
    logger: false,
  })
  if (!seeded) seeded = app.ctx.db.serialize()
  return { app, clock }
}

export function account(key: TestAccountKey): TestAccount {
  const found = testAccounts().find((a) => a.key === key)
  if (!found) throw new Error(`no test account ${key}`)
  return found
}

export function bearer(token: string): { authorization: string } {
  return { authorization: `Bearer ${token}` }
}

export function errorOf(response: LightMyRequestResponse): ErrorBody['error'] {
  return response.json<ErrorBody>().error
}

export function codeOf(response: LightMyRequestResponse): ErrorCode {
  return errorOf(response).code
}

export async function login(
  app: FastifyInstance,
  device: string,
): Promise<Session> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { channel: 'h5', code: `ssb-mock.${device}` },
  })
  expect(response.statusCode).toBe(200)
  return response.json<Session>()
}

export async function requestSms(
  app: FastifyInstance,
  token: string,
  phone: string,
): Promise<SmsSent> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/identity/sms',
    headers: bearer(token),
    payload: { phone },
  })
  expect(response.statusCode).toBe(200)
  return response.json<SmsSent>()
}

export interface SignedIn {
  token: string
  profile: Profile
  account: TestAccount
}

/**
 * Signs a test account in as the H5 app does: platform login, an SMS code
 * to the registered phone, real-name verification. The clock moves past
 * the resend interval first, so signing in twice in a row is allowed.
 */
export async function signIn(
  { app, clock }: TestApp,
  key: TestAccountKey,
  device = `device-${key}`,
): Promise<SignedIn> {
  const who = account(key)
  const session = await login(app, device)
  clock.advance(SMS_RESEND_AFTER + 1000)
  const sms = await requestSms(app, session.token, who.phone)
  const response = await app.inject({
    method: 'POST',
    url: '/api/identity/verify',
    headers: bearer(session.token),
    payload: {
      name: who.name,
      idNumber: who.idNumber,
      phone: who.phone,
      smsCode: sms.mockCode,
    },
  })
  expect(response.statusCode).toBe(200)
  const verified = response.json<Session>()
  if (!verified.profile) throw new Error('verified session has no profile')
  return { token: verified.token, profile: verified.profile, account: who }
}

/** The step-up check before a vote: SMS to the registered phone, code. */
export async function stepUp(
  { app, clock }: TestApp,
  token: string,
  ballotId: string,
): Promise<string> {
  clock.advance(SMS_RESEND_AFTER + 1000)
  const sms = await app.inject({
    method: 'POST',
    url: `/api/ballots/${ballotId}/step-up/sms`,
    headers: bearer(token),
    payload: {},
  })
  expect(sms.statusCode).toBe(200)
  const granted = await app.inject({
    method: 'POST',
    url: `/api/ballots/${ballotId}/step-up`,
    headers: bearer(token),
    payload: { smsCode: sms.json<SmsSent>().mockCode },
  })
  expect(granted.statusCode).toBe(200)
  return granted.json<StepUpGranted>().stepUpToken
}

let keyCounter = 0

export function newIdempotencyKey(): string {
  keyCounter += 1
  return `test-key-${String(keyCounter).padStart(6, '0')}`
}

export function postVote(
  app: FastifyInstance,
  token: string,
  ballotId: string,
  /** Any shape: tests also send malformed bodies. */
  body: object,
  idempotencyKey: string | null = newIdempotencyKey(),
) {
  return app.inject({
    method: 'POST',
    url: `/api/ballots/${ballotId}/votes`,
    headers: {
      ...bearer(token),
      ...(idempotencyKey === null ? {} : { 'idempotency-key': idempotencyKey }),
    },
    payload: body,
  })
}
