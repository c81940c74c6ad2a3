/**
 * Request schemas for every route (zod, through
 * fastify-type-provider-zod, which also feeds the OpenAPI document).
 * They check shape only; the domain checks that carry their own codes
 * (resident ID, phone, choices covering every item) run in the services
 * with the core's rules.
 */
import { z } from 'zod'

import type { ItemChoice } from '@/core/election-api'
import { MAX_CANDIDATES } from '@/core/election-api'
import type { Choice } from '@/core/tally'
import { SMS_CODE_PATTERN } from '@/core/person'

// Validation messages reach people: let zod speak Chinese.
z.config(z.locales.zhCN())

const id = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, '编号格式不正确')
  .describe('编号')

const smsCode = z
  .string()
  .regex(SMS_CODE_PATTERN, '验证码应为 6 位数字')
  .describe('短信验证码')

export const loginBody = z.object({
  channel: z.enum(['weapp', 'h5']),
  code: z.string().min(1).max(200).describe('wx.login 的 code，或随申办授权码'),
})

export const smsBody = z.object({
  phone: z.string().min(1, '请填写手机号码').max(32),
})

export const verifyBody = z.object({
  name: z.string().trim().min(1, '请填写姓名').max(30, '姓名过长'),
  idNumber: z.string().min(1, '请填写身份证号码').max(32),
  phone: z.string().min(1, '请填写手机号码').max(32),
  smsCode,
})

export const estateParams = z.object({ estateId: id })

export const ballotParams = z.object({ ballotId: id })

export const ballotListQuery = z.object({
  filter: z.enum(['all', 'open', 'to-vote', 'closed']).default('all'),
})

export const emptyBody = z.object({}).optional()

export const stepUpBody = z.object({ smsCode })

export const castVoteBody = z.object({
  voterId: id,
  choices: z
    .array(
      // One object rather than a union of two, so that a bad answer is
      // named by its field ("choices.0.choice"), not "no option matched".
      z
        .object({
          itemId: id,
          choice: z
            .enum(['agree', 'oppose', 'abstain'], '请选择同意、反对或弃权')
            .optional(),
          // An election item: the candidates picked; none abstains. How
          // many may be picked is the item's rule, checked in the service
          // with its own code (TOO_MANY_PICKS); this cap only bounds the
          // request.
          picks: z.array(id).max(MAX_CANDIDATES).optional(),
        })
        .superRefine((c, check) => {
          if ((c.choice === undefined) === (c.picks === undefined)) {
            check.addIssue({
              code: 'custom',
              path: ['choice'],
              message: '每个事项请选择同意、反对或弃权，选举事项请选择候选人',
            })
          }
        }),
    )
    .max(50),
  // Optional here so that a missing proof is STEP_UP_REQUIRED, not 400.
  stepUpToken: z.string().max(2000).optional(),
})

/** The checked answers as the services take them: one kind each. */
export function itemChoices(
  choices: readonly { itemId: string; choice?: Choice; picks?: string[] }[],
): ItemChoice[] {
  return choices.flatMap((c): ItemChoice[] => {
    if (c.picks !== undefined) return [{ itemId: c.itemId, picks: c.picks }]
    return c.choice === undefined
      ? []
      : [{ itemId: c.itemId, choice: c.choice }]
  })
}

export const castVoteHeaders = z.looseObject({
  'idempotency-key': z
    .string()
    .regex(
      /^[A-Za-z0-9_-]{8,100}$/,
      '防重复标识应为 8–100 位字母、数字、- 或 _',
    )
    .optional()
    .describe('每次提交生成一次，重试时原样发送'),
})

export const bearerAuth = [{ bearer: [] }]
