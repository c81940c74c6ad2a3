/**
 * The voting record, for owners to check: the proof that their own vote
 * is in a sealed block, and a closed ballot's whole record for a full
 * audit (the same file `npm run ledger:export` writes).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'

import { viewerOfRequest } from '../http/auth'
import { entryParams } from '../http/record-schemas'
import { ballotParams, bearerAuth } from '../http/schemas'
import type { Context } from '../services/context'
import { recordForViewer, voteProof } from '../services/ledger'

export const recordRoutes: FastifyPluginAsyncZod<{ ctx: Context }> = async (
  app,
  { ctx },
) => {
  app.get(
    '/ballots/:ballotId/record/entries/:seq/proof',
    {
      config: { auth: 'person' },
      schema: {
        tags: ['record'],
        summary:
          '本人投票的收录证明：所在区块的签名区块头和默克尔路径（封存后才有）',
        security: bearerAuth,
        params: entryParams,
      },
    },
    (request) =>
      voteProof(
        ctx,
        viewerOfRequest(request),
        request.params.ballotId,
        request.params.seq,
      ),
  )

  app.get(
    '/ballots/:ballotId/record',
    {
      config: { auth: 'person' },
      schema: {
        tags: ['record'],
        summary: '已截止表决的完整记录：名册、全部条目和区块，供全量核验',
        security: bearerAuth,
        params: ballotParams,
      },
    },
    (request) =>
      recordForViewer(ctx, viewerOfRequest(request), request.params.ballotId),
  )
}
