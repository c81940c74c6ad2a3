/** Proxies: an owner authorises and revokes; the proxy finds its ballots. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'

import { viewerOfRequest } from '../http/auth'
import { ballotParams, bearerAuth, emptyBody } from '../http/schemas'
import { proxyGrantBody, proxyParams } from '../http/voting-schemas'
import type { Context } from '../services/context'
import {
  grantProxy,
  heldProxies,
  proxiesOf,
  revokeProxy,
} from '../services/proxies'

export const proxyRoutes: FastifyPluginAsyncZod<{ ctx: Context }> = async (
  app,
  { ctx },
) => {
  app.get(
    '/ballots/:ballotId/proxies',
    {
      config: { auth: 'person' },
      schema: {
        tags: ['proxies'],
        summary: '本人房屋在本次表决中的委托',
        security: bearerAuth,
        params: ballotParams,
      },
    },
    (request) => ({
      proxies: proxiesOf(
        ctx,
        viewerOfRequest(request),
        request.params.ballotId,
      ),
    }),
  )

  app.post(
    '/ballots/:ballotId/proxies',
    {
      config: { auth: 'person' },
      schema: {
        tags: ['proxies'],
        summary: '委托一名已实名认证的人代为投票（仅限本次表决）',
        security: bearerAuth,
        params: ballotParams,
        body: proxyGrantBody,
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          grantProxy(
            ctx,
            viewerOfRequest(request),
            request.params.ballotId,
            request.body,
          ),
        ),
  )

  app.post(
    '/proxies/:proxyId/revoke',
    {
      config: { auth: 'person' },
      schema: {
        tags: ['proxies'],
        summary: '撤销委托（代理人投票前）',
        security: bearerAuth,
        params: proxyParams,
        body: emptyBody,
      },
    },
    (request) =>
      revokeProxy(ctx, viewerOfRequest(request), request.params.proxyId),
  )

  app.get(
    '/me/proxies-held',
    {
      config: { auth: 'person' },
      schema: {
        tags: ['proxies'],
        summary: '别人委托我代为投票的表决',
        security: bearerAuth,
      },
    },
    (request) => ({ held: heldProxies(ctx, viewerOfRequest(request)) }),
  )
}
