/**
 * Request schemas of the repair case, project and file routes (zod,
 * through fastify-type-provider-zod). Shape only: the rules with codes of
 * their own (photo count, places, transitions, shares adding up to one)
 * run in the services with the core's rules. Kept apart from schemas.ts
 * so that features built side by side do not edit one file.
 */
import { z } from 'zod'

import { cleanBody } from '@/core/plain-text'
import { AGE_FILTERS, FUNDINGS } from '@/core/repairs-api'
import {
  HANDLER_ORGS,
  MAX_DESCRIPTION_LENGTH,
  MAX_NOTE_LENGTH,
  MAX_RATING_COMMENT_LENGTH,
  RATING_MAX,
  RATING_MIN,
  REPAIR_ACTIONS,
  REPAIR_CATEGORIES,
  REPAIR_STATES,
  URGENCIES,
} from '@/core/repair-case'

export { bearerAuth, estateParams } from './schemas'

const id = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, '编号格式不正确')
  .describe('编号')

// Generous, so that a long list is refused by the service with
// TOO_MANY_PHOTOS (which says how many) rather than a bare 400.
const photoIds = z.array(id).max(50)

export const fileParams = z.object({ fileId: id })

export const fileUploadQuery = z.object({
  estateId: id.describe('文件所属小区'),
})

export const signedFileQuery = z.object({
  expires: z.coerce.number().int().positive(),
  sig: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/),
})

export const caseParams = z.object({ caseId: id })

export const projectParams = z.object({ projectId: id })

export const idempotencyHeaders = z.looseObject({
  'idempotency-key': z
    .string()
    .regex(
      /^[A-Za-z0-9_-]{8,100}$/,
      '防重复标识应为 8–100 位字母、数字、- 或 _',
    )
    .optional()
    .describe('每次提交生成一次，重试时原样发送'),
})

const place = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('unit'), unitId: id }),
  z.object({
    kind: z.literal('building'),
    building: z.string().regex(/^[0-9A-Za-z]{1,8}$/, '楼栋号格式不正确'),
  }),
  z.object({ kind: z.literal('common-area'), commonAreaId: id }),
])

export const reportBody = z.object({
  category: z.enum(REPAIR_CATEGORIES, '请选择问题类别'),
  place,
  description: z
    .string()
    .trim()
    .min(1, '请描述问题')
    .max(MAX_DESCRIPTION_LENGTH, `问题描述不超过 ${MAX_DESCRIPTION_LENGTH} 字`)
    .transform(cleanBody),
  urgency: z.enum(URGENCIES, '请选择紧急程度'),
  photoIds,
  contactTime: z
    .string()
    .trim()
    .max(50, '方便联系的时间不超过 50 字')
    .optional(),
})

export const caseActionBody = z.object({
  action: z.enum(REPAIR_ACTIONS),
  note: z
    .string()
    .trim()
    .max(MAX_NOTE_LENGTH, `说明不超过 ${MAX_NOTE_LENGTH} 字`)
    .transform(cleanBody)
    .optional(),
  team: z.string().trim().min(1).max(30, '班组名称不超过 30 字').optional(),
  handler: z.enum(HANDLER_ORGS).optional(),
  intoCaseId: id.optional(),
})

export const rateBody = z.object({
  stars: z
    .number()
    .int()
    .min(RATING_MIN, '请选择 1–5 星')
    .max(RATING_MAX, '请选择 1–5 星'),
  comment: z
    .string()
    .trim()
    .max(
      MAX_RATING_COMMENT_LENGTH,
      `评价不超过 ${MAX_RATING_COMMENT_LENGTH} 字`,
    ),
})

export const queueQuery = z.object({
  state: z.enum([...REPAIR_STATES, 'open', 'all']).default('open'),
  category: z.enum(REPAIR_CATEGORIES).optional(),
  urgency: z.enum(URGENCIES).optional(),
  age: z.enum(AGE_FILTERS).default('all'),
})

const fraction = z.object({
  numerator: z.number().int().min(0),
  denominator: z.number().int().min(1),
})

export const createProjectBody = z.object({
  title: z.string().trim().min(1, '请填写工程名称').max(60),
  budgetFen: z
    .number()
    .int()
    .positive('预算须大于 0')
    .max(100_000_000_00, '预算过大'),
  funding: z.enum(FUNDINGS),
  approval: z
    .discriminatedUnion('kind', [
      z.object({ kind: z.literal('ballot'), ballotId: id }),
      z.object({
        kind: z.literal('emergency'),
        approver: z.enum(['owners-committee', 'housing-office']),
        approvedBy: z.string().trim().min(1, '请填写批准人').max(40),
        reason: z.string().trim().min(1, '请写明紧急情况').max(200),
      }),
    ])
    .optional(),
  parties: z
    .array(
      z.object({
        name: z.string().trim().min(1).max(30),
        share: fraction,
        ownersOf: z
          .union([
            z.object({
              buildings: z.array(z.string().max(8)).min(1).max(100),
            }),
            z.object({ estate: z.literal(true) }),
          ])
          .optional(),
      }),
    )
    .min(1)
    .max(10),
  milestones: z
    .array(
      z.object({
        title: z.string().trim().min(1).max(40),
        dueAt: z.iso.datetime(),
      }),
    )
    .max(20),
})

export const progressBody = z.object({
  progress: z.number().int().min(0).max(100),
  milestoneId: id.optional(),
  note: z.string().trim().max(MAX_NOTE_LENGTH).optional(),
})

export const inspectionBody = z.object({
  passed: z.boolean(),
  note: z.string().trim().min(1, '请填写检查情况').max(MAX_NOTE_LENGTH),
  photoIds,
})
