/** Repair cases, the staff queue and projects on common parts. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'

import { viewerOfRequest } from '../http/auth'
import {
  bearerAuth,
  caseActionBody,
  caseParams,
  createProjectBody,
  estateParams,
  idempotencyHeaders,
  inspectionBody,
  progressBody,
  projectParams,
  queueQuery,
  rateBody,
  reportBody,
} from '../http/repair-schemas'
import type { Context } from '../services/context'
import {
  addInspection,
  createProject,
  projectDetail,
  updateProgress,
} from '../services/repair-projects'
import {
  actOnCase,
  caseDetail,
  myCases,
  placeOptions,
  rateCase,
  repairQueue,
  reportCase,
} from '../services/repairs'

export const repairRoutes: FastifyPluginAsyncZod<{ ctx: Context }> = async (
  app,
  { ctx },
) => {
  const person = { auth: 'person' as const }

  app.get(
    '/estates/:estateId/repair-places',
    {
      config: person,
      schema: {
        tags: ['repairs'],
        summary: '报修位置的选项：本小区的楼栋和公共区域',
        security: bearerAuth,
        params: estateParams,
      },
    },
    (request) =>
      placeOptions(ctx, viewerOfRequest(request), request.params.estateId),
  )

  app.post(
    '/estates/:estateId/repair-cases',
    {
      config: person,
      schema: {
        tags: ['repairs'],
        summary: '报事报修；同一防重复标识重试时返回首次创建的报修',
        security: bearerAuth,
        params: estateParams,
        headers: idempotencyHeaders,
        body: reportBody,
      },
    },
    (request, reply) => {
      const result = reportCase(
        ctx,
        viewerOfRequest(request),
        request.params.estateId,
        request.body,
        request.headers['idempotency-key'],
      )
      return reply.code(result.status).send(result.detail)
    },
  )

  app.get(
    '/me/repair-cases',
    {
      config: person,
      schema: {
        tags: ['repairs'],
        summary: '本人提交或关注的报修',
        security: bearerAuth,
      },
    },
    (request) => ({ cases: myCases(ctx, viewerOfRequest(request)) }),
  )

  app.get(
    '/estates/:estateId/repair-queue',
    {
      config: person,
      schema: {
        tags: ['repairs'],
        summary: '工作人员的报修队列（按状态、类别、紧急程度、时长筛选）',
        security: bearerAuth,
        params: estateParams,
        querystring: queueQuery,
      },
    },
    (request) => ({
      cases: repairQueue(
        ctx,
        viewerOfRequest(request),
        request.params.estateId,
        request.query,
      ),
    }),
  )

  app.get(
    '/repair-cases/:caseId',
    {
      config: person,
      schema: {
        tags: ['repairs'],
        summary: '报修详情：照片、完整进度记录和本人可做的操作',
        security: bearerAuth,
        params: caseParams,
      },
    },
    (request) =>
      caseDetail(ctx, viewerOfRequest(request), request.params.caseId),
  )

  app.post(
    '/repair-cases/:caseId/actions',
    {
      config: person,
      schema: {
        tags: ['repairs'],
        summary:
          '受理、派单、开始处理、处理完成、确认、重新打开、不予受理、转办、撤销、合并',
        security: bearerAuth,
        params: caseParams,
        body: caseActionBody,
      },
    },
    (request) =>
      actOnCase(
        ctx,
        viewerOfRequest(request),
        request.params.caseId,
        request.body,
      ),
  )

  app.post(
    '/repair-cases/:caseId/rating',
    {
      config: person,
      schema: {
        tags: ['repairs'],
        summary: '报修人确认解决后评价（1–5 星和评语，仅一次）',
        security: bearerAuth,
        params: caseParams,
        body: rateBody,
      },
    },
    (request) =>
      rateCase(
        ctx,
        viewerOfRequest(request),
        request.params.caseId,
        request.body,
      ),
  )

  app.post(
    '/repair-cases/:caseId/project',
    {
      config: person,
      schema: {
        tags: ['repairs'],
        summary: '把共有部分的报修立项为维修工程（预算、分摊方案、批准依据）',
        security: bearerAuth,
        params: caseParams,
        body: createProjectBody,
      },
    },
    (request, reply) =>
      reply
        .code(201)
        .send(
          createProject(
            ctx,
            viewerOfRequest(request),
            request.params.caseId,
            request.body,
          ),
        ),
  )

  app.get(
    '/repair-projects/:projectId',
    {
      config: person,
      schema: {
        tags: ['repairs'],
        summary: '维修工程：进度、节点、费用分摊表和现场检查',
        security: bearerAuth,
        params: projectParams,
      },
    },
    (request) =>
      projectDetail(ctx, viewerOfRequest(request), request.params.projectId),
  )

  app.post(
    '/repair-projects/:projectId/progress',
    {
      config: person,
      schema: {
        tags: ['repairs'],
        summary: '更新工程进度，或标记一个节点完成',
        security: bearerAuth,
        params: projectParams,
        body: progressBody,
      },
    },
    (request) =>
      updateProgress(
        ctx,
        viewerOfRequest(request),
        request.params.projectId,
        request.body,
      ),
  )

  app.post(
    '/repair-projects/:projectId/inspections',
    {
      config: person,
      schema: {
        tags: ['repairs'],
        summary: '居民监督小组登记现场检查（可附照片）',
        security: bearerAuth,
        params: projectParams,
        body: inspectionBody,
      },
    },
    (request, reply) =>
      reply
        .code(201)
        .send(
          addInspection(
            ctx,
            viewerOfRequest(request),
            request.params.projectId,
            request.body,
          ),
        ),
  )
}
