/**
 * Staff running ballots: drafts, items, the roll preview, announcement,
 * the organisers' view, and publishing the result. Mutations are POSTs
 * (removal included) because the app's platform layer speaks GET and
 * POST only, as mini-program requests through some gateways must.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'

import { viewerOfRequest } from '../http/auth'
import {
  ballotParams,
  bearerAuth,
  emptyBody,
  estateParams,
} from '../http/schemas'
import {
  ballotItemBody,
  draftBallotBody,
  itemParams,
} from '../http/voting-schemas'
import {
  addItem,
  announceBallot,
  createDraft,
  managedBallot,
  removeItem,
  rollPreview,
  staffBallots,
  updateDraft,
  updateItem,
} from '../services/ballot-admin'
import type { Context } from '../services/context'
import { ballotResult, publishResult } from '../services/results'

const staff = (summary: string) => ({
  tags: ['ballot-admin'],
  summary,
  security: bearerAuth,
})

export const ballotAdminRoutes: FastifyPluginAsyncZod<{
  ctx: Context
}> = async (app, { ctx }) => {
  app.get(
    '/estates/:estateId/ballot-admin',
    {
      config: { auth: 'person' },
      schema: {
        ...staff('组织方：本小区的全部表决（含草稿）与组织身份'),
        params: estateParams,
      },
    },
    (request) =>
      staffBallots(ctx, viewerOfRequest(request), request.params.estateId),
  )

  app.post(
    '/estates/:estateId/ballots',
    {
      config: { auth: 'person' },
      schema: {
        ...staff('组织方：新建表决草稿'),
        params: estateParams,
        body: draftBallotBody,
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          createDraft(
            ctx,
            viewerOfRequest(request),
            request.params.estateId,
            request.body,
          ),
        ),
  )

  app.get(
    '/ballots/:ballotId/manage',
    {
      config: { auth: 'person' },
      schema: {
        ...staff('组织方：表决详情、可进行的操作和投票数'),
        params: ballotParams,
      },
    },
    (request) =>
      managedBallot(ctx, viewerOfRequest(request), request.params.ballotId),
  )

  app.post(
    '/ballots/:ballotId/draft',
    {
      config: { auth: 'person' },
      schema: {
        ...staff('组织方：修改草稿（公告后不可修改）'),
        params: ballotParams,
        body: draftBallotBody,
      },
    },
    (request) =>
      updateDraft(
        ctx,
        viewerOfRequest(request),
        request.params.ballotId,
        request.body,
      ),
  )

  app.post(
    '/ballots/:ballotId/items',
    {
      config: { auth: 'person' },
      schema: {
        ...staff('组织方：添加表决事项'),
        params: ballotParams,
        body: ballotItemBody,
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          addItem(
            ctx,
            viewerOfRequest(request),
            request.params.ballotId,
            request.body,
          ),
        ),
  )

  app.post(
    '/ballots/:ballotId/items/:itemId',
    {
      config: { auth: 'person' },
      schema: {
        ...staff('组织方：修改表决事项'),
        params: itemParams,
        body: ballotItemBody,
      },
    },
    (request) =>
      updateItem(
        ctx,
        viewerOfRequest(request),
        request.params.ballotId,
        request.params.itemId,
        request.body,
      ),
  )

  app.post(
    '/ballots/:ballotId/items/:itemId/remove',
    {
      config: { auth: 'person' },
      schema: {
        ...staff('组织方：删除表决事项'),
        params: itemParams,
        body: emptyBody,
      },
    },
    (request) =>
      removeItem(
        ctx,
        viewerOfRequest(request),
        request.params.ballotId,
        request.params.itemId,
      ),
  )

  app.get(
    '/ballots/:ballotId/roll-preview',
    {
      config: { auth: 'person' },
      schema: {
        ...staff('组织方：表决名册预览（房屋、面积、人数）'),
        params: ballotParams,
      },
    },
    (request) =>
      rollPreview(ctx, viewerOfRequest(request), request.params.ballotId),
  )

  app.post(
    '/ballots/:ballotId/announce',
    {
      config: { auth: 'person' },
      schema: {
        ...staff('组织方：公告表决，冻结名册'),
        params: ballotParams,
        body: emptyBody,
      },
    },
    (request) =>
      announceBallot(ctx, viewerOfRequest(request), request.params.ballotId),
  )

  app.get(
    '/ballots/:ballotId/result',
    {
      config: { auth: 'person' },
      schema: {
        tags: ['ballots'],
        summary: '表决结果（截止后组织方可见，公布后业主可见）',
        security: bearerAuth,
        params: ballotParams,
      },
    },
    (request) =>
      ballotResult(ctx, viewerOfRequest(request), request.params.ballotId),
  )

  app.post(
    '/ballots/:ballotId/publish',
    {
      config: { auth: 'person' },
      schema: {
        ...staff('组织方：公布结果并生成决定公告'),
        params: ballotParams,
        body: emptyBody,
      },
    },
    (request) =>
      publishResult(ctx, viewerOfRequest(request), request.params.ballotId),
  )
}
