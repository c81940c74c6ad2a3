/**
 * Request schemas of running ballots, proxies and results (zod, as in
 * schemas.ts). Shape only: whether buildings exist, the schedule's notice
 * period and the proxy's identity are checked in the services, with
 * their own catalogue codes.
 */
import { z } from 'zod'

import { MAX_CANDIDATE_DOCUMENTS, MAX_CANDIDATES } from '@/core/election-api'

const id = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, '编号格式不正确')
  .describe('编号')

const text = (max: number, what: string) =>
  z.string().trim().max(max, `${what}不能超过 ${max} 个字`)

// Far more buildings or units than a matter of "some of them" needs;
// beyond that, the whole estate is meant.
const MAX_BUILDINGS = 100
const MAX_UNITS = 500

export const electorateSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('estate') }),
  z.object({
    kind: z.literal('buildings'),
    buildings: z
      .array(z.string().regex(/^\d{1,3}$/, '楼号应为数字'))
      .min(1, '请至少选择一栋楼')
      .max(MAX_BUILDINGS),
  }),
  z.object({
    kind: z.literal('units'),
    units: z
      .array(
        z
          .string()
          .regex(/^\d{1,3}-\d{1,5}$/, '房屋应写成“楼号-室号”，如 3-1202'),
      )
      .min(1, '请至少填写一套房屋')
      .max(MAX_UNITS),
  }),
])

export const draftBallotBody = z.object({
  title: text(80, '标题').min(1, '请填写标题'),
  description: text(2000, '说明'),
  electorate: electorateSchema,
  allowChanges: z.boolean(),
  opensAt: z.iso.datetime({ offset: true, message: '请填写开始时间' }),
  closesAt: z.iso.datetime({ offset: true, message: '请填写截止时间' }),
})

const candidateBody = z.object({
  kind: z.enum(['person', 'company'], '请选择候选人类别'),
  name: text(60, '候选人名称').min(1, '请填写候选人名称'),
  statement: text(500, '简介'),
  photoFileId: id.nullable(),
  documentFileIds: z.array(id).max(MAX_CANDIDATE_DOCUMENTS),
  consent: z.object({
    name: z.boolean(),
    photo: z.boolean(),
    statement: z.boolean(),
  }),
})

// The cross-field rules (picks ≤ seats, more candidates than seats, one
// seat for a company) carry ELECTION_INVALID and live in the service.
const electionBody = z.object({
  seats: z.int().min(1, '应选人数至少 1 名').max(MAX_CANDIDATES),
  maxPicks: z.int().min(1, '每人至少可选 1 名').max(MAX_CANDIDATES),
  candidates: z
    .array(candidateBody)
    .min(2, '请至少填写 2 名候选人')
    .max(MAX_CANDIDATES),
})

export const ballotItemBody = z.object({
  title: text(80, '事项名称').min(1, '请填写事项名称'),
  description: text(1000, '事项说明'),
  matter: z.enum(['ordinary', 'special'], '请选择事项类别'),
  election: electionBody.optional(),
})

export const itemParams = z.object({ ballotId: id, itemId: id })

export const proxyParams = z.object({ proxyId: id })

export const proxyGrantBody = z.object({
  voterId: id,
  agentName: z.string().trim().min(1, '请填写代理人姓名').max(30, '姓名过长'),
  agentIdNumber: z.string().min(1, '请填写代理人身份证号码').max(32),
})
