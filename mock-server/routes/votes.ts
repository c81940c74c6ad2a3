/** Casting a vote, and the person's receipts. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'

import { viewerOfRequest } from '../http/auth'
import {
  ballotParams,
  bearerAuth,
  castVoteBody,
  castVoteHeaders,
  itemChoices,
} from '../http/schemas'
import type { Context } from '../services/context'
import { signReceipt } from '../services/ledger'
import { castVote, receiptsOf } from '../services/voting'

export const voteRoutes: FastifyPluginAsyncZod<{ ctx: Context }> = async (
  app,
  { ctx },
) => {
  app.post(
    '/ballots/:ballotId/votes',
    {
      config: { auth: 'person' },
      schema: {
        tags: ['voting'],
        summary: '投票（一经提交不可撤回）；同一防重复标识重试时返回首次回执',
        security: bearerAuth,
        params: ballotParams,
        headers: castVoteHeaders,
        body: castVoteBody,
      },
    },
    async (request, reply) => {
      const result = await castVote(
        ctx,
        viewerOfRequest(request),
        request.params.ballotId,
        { ...request.body, choices: itemChoices(request.body.choices) },
        request.headers['idempotency-key'],
      )
      return reply.code(result.status).send(signReceipt(ctx, result.receipt))
    },
  )

  app.get(
    '/me/receipts',
    {
      config: { auth: 'person' },
      schema: {
        tags: ['voting'],
        summary: '本人的投票回执',
        security: bearerAuth,
      },
    },
    (request) => ({
      receipts: receiptsOf(ctx, viewerOfRequest(request).personId).map((r) =>
        signReceipt(ctx, r),
      ),
    }),
  )
}
