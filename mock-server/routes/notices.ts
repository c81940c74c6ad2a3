/**
 * Notices (公告): the feed of an estate, one notice (opening it records
 * the read), posting, staff changes, the rectification list's updates
 * and read counts per building. Rules live in services/notices.ts.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'

import { viewerOfRequest } from '../http/auth'
import {
  feedQuery,
  noticeParams,
  pinBody,
  postNoticeBody,
  rectificationParams,
  rectificationUpdateBody,
  scheduleBody,
  withdrawBody,
} from '../http/notice-schemas'
import { bearerAuth, estateParams } from '../http/schemas'
import type { Context } from '../services/context'
import {
  noticeBuildings,
  noticeFeed,
  openNotice,
  pinNotice,
  postNotice,
  readCounts,
  scheduleNotice,
  updateRectification,
  withdrawNotice,
} from '../services/notices'

const tags = ['notices']

export const noticeRoutes: FastifyPluginAsyncZod<{ ctx: Context }> = async (
  app,
  { ctx },
) => {
  app.get(
    '/estates/:estateId/notices',
    {
      config: { auth: 'person' },
      schema: {
        tags,
        summary:
          '本人可见的公告：置顶在前，再按发布时间从新到旧；可按类别筛选、搜索',
        security: bearerAuth,
        params: estateParams,
        querystring: feedQuery,
      },
    },
    (request) =>
      noticeFeed(
        ctx,
        viewerOfRequest(request),
        request.params.estateId,
        request.query,
      ),
  )

  app.get(
    '/estates/:estateId/notices/buildings',
    {
      config: { auth: 'person' },
      schema: {
        tags,
        summary: '发布公告时可选的楼栋（本小区工作人员）',
        security: bearerAuth,
        params: estateParams,
      },
    },
    (request) => ({
      buildings: noticeBuildings(
        ctx,
        viewerOfRequest(request),
        request.params.estateId,
      ),
    }),
  )

  app.post(
    '/estates/:estateId/notices',
    {
      config: { auth: 'person' },
      schema: {
        tags,
        summary: '发布公告（本小区居委会、业委会或物业，以所属组织名义）',
        security: bearerAuth,
        params: estateParams,
        body: postNoticeBody,
      },
    },
    async (request, reply) => {
      const notice = postNotice(
        ctx,
        viewerOfRequest(request),
        request.params.estateId,
        request.body,
      )
      return reply.code(201).send(notice)
    },
  )

  app.get(
    '/notices/:noticeId',
    {
      config: { auth: 'person' },
      schema: {
        tags,
        summary: '公告详情；首次打开时记为已读',
        security: bearerAuth,
        params: noticeParams,
      },
    },
    (request) =>
      openNotice(ctx, viewerOfRequest(request), request.params.noticeId),
  )

  app.post(
    '/notices/:noticeId/pin',
    {
      config: { auth: 'person' },
      schema: {
        tags,
        summary: '置顶或取消置顶（发布组织）',
        security: bearerAuth,
        params: noticeParams,
        body: pinBody,
      },
    },
    (request) =>
      pinNotice(
        ctx,
        viewerOfRequest(request),
        request.params.noticeId,
        request.body.pinned,
      ),
  )

  app.post(
    '/notices/:noticeId/schedule',
    {
      config: { auth: 'person' },
      schema: {
        tags,
        summary: '修改定时发布时间（发布前）或结束时间（发布组织）',
        security: bearerAuth,
        params: noticeParams,
        body: scheduleBody,
      },
    },
    (request) =>
      scheduleNotice(
        ctx,
        viewerOfRequest(request),
        request.params.noticeId,
        request.body,
      ),
  )

  app.post(
    '/notices/:noticeId/withdraw',
    {
      config: { auth: 'person' },
      schema: {
        tags,
        summary: '撤回公告并说明原因；撤回的公告仍然可见（发布组织）',
        security: bearerAuth,
        params: noticeParams,
        body: withdrawBody,
      },
    },
    (request) =>
      withdrawNotice(
        ctx,
        viewerOfRequest(request),
        request.params.noticeId,
        request.body.reason,
      ),
  )

  app.get(
    '/notices/:noticeId/reads',
    {
      config: { auth: 'person' },
      schema: {
        tags,
        summary: '各楼栋的阅读人数（本小区工作人员）',
        security: bearerAuth,
        params: noticeParams,
      },
    },
    (request) =>
      readCounts(ctx, viewerOfRequest(request), request.params.noticeId),
  )

  app.post(
    '/notices/:noticeId/rectification/:itemId/updates',
    {
      config: { auth: 'person' },
      schema: {
        tags,
        summary: '记录整改事项的进展（三方工作人员，追加到历史）',
        security: bearerAuth,
        params: rectificationParams,
        body: rectificationUpdateBody,
      },
    },
    (request) =>
      updateRectification(
        ctx,
        viewerOfRequest(request),
        request.params.noticeId,
        request.params.itemId,
        request.body,
      ),
  )
}
