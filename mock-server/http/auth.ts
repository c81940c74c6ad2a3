/**
 * Who is asking. Each route says what it needs in `config.auth`:
 * 'account' (any signed-in account, verified or not) or 'person' (an
 * account bound to a person by real-name verification). The check runs
 * before the body is read, so an anonymous request learns nothing about
 * what a valid body would be.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify'

import { AppError } from '@/core/errors'

import type { Context } from '../services/context'
import type { Viewer } from '../services/identity'
import { checkAccount, viewerOf } from '../services/identity'
import type { SessionClaims } from '../services/tokens'
import { verifySession } from '../services/tokens'

export type AuthLevel = 'none' | 'account' | 'person'

declare module 'fastify' {
  interface FastifyContextConfig {
    auth?: AuthLevel
  }
  interface FastifyRequest {
    session: SessionClaims | null
    viewer: Viewer | null
  }
}

const BEARER = /^Bearer\s+(\S+)$/i

export function registerAuth(app: FastifyInstance, ctx: Context): void {
  app.decorateRequest('session', null)
  app.decorateRequest('viewer', null)
  app.addHook('onRequest', async (request) => {
    const level = request.routeOptions.config.auth ?? 'none'
    if (level === 'none') return

    const match = BEARER.exec(request.headers.authorization ?? '')
    if (!match) throw new AppError('AUTH_REQUIRED')
    const claims = await verifySession(ctx, match[1])
    checkAccount(ctx, claims)
    request.session = claims
    if (level === 'person') request.viewer = viewerOf(ctx, claims)
  })
}

export function sessionOf(request: FastifyRequest): SessionClaims {
  if (!request.session) throw new AppError('AUTH_REQUIRED')
  return request.session
}

export function viewerOfRequest(request: FastifyRequest): Viewer {
  if (!request.viewer) throw new AppError('NOT_VERIFIED')
  return request.viewer
}
