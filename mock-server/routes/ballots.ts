/** Ballots of an estate, one ballot's detail, and the step-up check. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'

import { viewerOfRequest } from '../http/auth'
import {
  ballotListQuery,
  ballotParams,
  bearerAuth,
  emptyBody,
  estateParams,
  stepUpBody,
} from '../http/schemas'
import { ballotDetail, listBallots } from '../services/ballots'
import type { Context } from '../services/context'
import { grantStepUp, requestStepUp } from '../services/voting'

export const ballotRoutes: FastifyPluginAsyncZod<{ ctx: Context }> = async (
  app,
  { ctx },
) => {
  app.get(
    '/estates/:estateId/ballots',
    {
      config: { auth: 'person' },
      schema: {
        tags: ['ballots'],
        summary: '本小区的表决列表（进行中的按截止时间在前）',
        security: bearerAuth,
        params: estateParams,
        querystring: ballotListQuery,
      },
    },
    (request) => ({
      ballots: listBallots(
        ctx,
        viewerOfRequest(request),
        request.params.estateId,
        request.query.filter,
      ),
    }),
  )

  app.get(
    '/ballots/:ballotId',
    {
      config: { auth: 'person' },
      schema: {
        tags: ['ballots'],
        summary: '表决详情：事项、名册汇总、参与率和本人可投的票',
        security: bearerAuth,
        params: ballotParams,
      },
    },
    (request) =>
      ballotDetail(ctx, viewerOfRequest(request), request.params.ballotId),
  )

  app.post(
    '/ballots/:ballotId/step-up/sms',
    {
      config: { auth: 'person' },
      schema: {
        tags: ['voting'],
        summary: '投票前的身份再验证：向登记手机号发送验证码',
        security: bearerAuth,
        params: ballotParams,
        body: emptyBody,
      },
    },
    (request) =>
      requestStepUp(ctx, viewerOfRequest(request), request.params.ballotId),
  )

  app.post(
    '/ballots/:ballotId/step-up',
    {
      config: { auth: 'person' },
      schema: {
        tags: ['voting'],
        summary: '核对验证码，取得 5 分钟内有效的投票凭证',
        security: bearerAuth,
        params: ballotParams,
        body: stepUpBody,
      },
    },
    (request) =>
      grantStepUp(
        ctx,
        viewerOfRequest(request),
        request.params.ballotId,
        request.body.smsCode,
      ),
  )
}
