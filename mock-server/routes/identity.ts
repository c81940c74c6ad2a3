/** Sign-in, real-name verification and the signed-in person's profile. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'

import { AppError } from '@/core/errors'
import { isMainlandMobile, normalisePhone } from '@/core/person'

import { sessionOf, viewerOfRequest } from '../http/auth'
import { bearerAuth, loginBody, smsBody, verifyBody } from '../http/schemas'
import type { Context } from '../services/context'
import { login, profileOf, verifyIdentity } from '../services/identity'
import { sendSmsCode } from '../services/sms'

export const identityRoutes: FastifyPluginAsyncZod<{ ctx: Context }> = async (
  app,
  { ctx },
) => {
  app.post(
    '/auth/login',
    {
      schema: {
        tags: ['identity'],
        summary: '平台登录（微信 code 或随申办授权码）',
        body: loginBody,
      },
    },
    (request) => login(ctx, request.body.channel, request.body.code),
  )

  app.post(
    '/identity/sms',
    {
      config: { auth: 'account' },
      schema: {
        tags: ['identity'],
        summary: '发送实名认证短信验证码',
        security: bearerAuth,
        body: smsBody,
      },
    },
    (request) => {
      const phone = normalisePhone(request.body.phone)
      if (!isMainlandMobile(phone)) throw new AppError('PHONE_INVALID')
      return sendSmsCode(ctx, {
        accountId: sessionOf(request).accountId,
        purpose: 'identity',
        ballotId: null,
        phone,
      })
    },
  )

  app.post(
    '/identity/verify',
    {
      config: { auth: 'account' },
      schema: {
        tags: ['identity'],
        summary: '实名认证：姓名、身份证号、手机号和短信验证码',
        security: bearerAuth,
        body: verifyBody,
      },
    },
    (request) =>
      verifyIdentity(ctx, sessionOf(request).accountId, request.body),
  )

  app.get(
    '/me',
    {
      config: { auth: 'person' },
      schema: {
        tags: ['identity'],
        summary: '本人资料：房屋、小区和工作身份',
        security: bearerAuth,
      },
    },
    (request) => profileOf(ctx, viewerOfRequest(request).personId),
  )
}
