/**
 * Request schemas of the notices routes. Staff text is plain text with
 * length limits counted after cleaning (cleanTitle / cleanBody), so that
 * a title of blanks is refused as empty. Whether the figures of a
 * statement add up is a domain rule with its own code
 * (PUBLIC_INCOME_UNBALANCED), checked in the service, not here.
 */
import { z } from 'zod'

import { ATTACHMENT_NAME_MAX, NOTICE_ATTACHMENTS_MAX } from '@/core/notices-api'
import {
  cleanBody,
  cleanTitle,
  NOTICE_BODY_MAX,
  NOTICE_BUILDINGS_MAX,
  NOTICE_CATEGORIES,
  NOTICE_SEARCH_MAX,
  NOTICE_TITLE_MAX,
  WITHDRAW_REASON_MAX,
} from '@/core/notices'
import { LINE_LABEL_MAX, STATEMENT_LINES_MAX } from '@/core/public-income'
import {
  DEADLINE_PATTERN,
  RECTIFICATION_ITEMS_MAX,
  RECTIFICATION_NOTE_MAX,
  RECTIFICATION_PARTIES,
  RECTIFICATION_STATUSES,
  RECTIFICATION_TEXT_MAX,
} from '@/core/rectification'

const id = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, '编号格式不正确')
  .describe('编号')

const staffOrg = z.enum(
  ['residents-committee', 'owners-committee', 'property-company'],
  '请选择发布组织',
)

/** Plain text that, cleaned, is between 1 and `max` characters. */
function text(clean: (s: string) => string, max: number, emptyMessage: string) {
  return z
    .string()
    .max(max * 2, `不能超过 ${max} 字`)
    .refine((s) => clean(s).length > 0, emptyMessage)
    .refine((s) => clean(s).length <= max, `不能超过 ${max} 字`)
}

const time = z.iso.datetime({ offset: true, error: '时间格式不正确' })

const audience = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('estate') }),
  z.object({
    kind: z.literal('buildings'),
    buildings: z
      .array(z.string().regex(/^[0-9A-Za-z-]{1,8}$/, '楼号格式不正确'))
      .min(1, '请至少选择一栋楼')
      .max(NOTICE_BUILDINGS_MAX),
  }),
])

const fen = z.number().int('金额须精确到分')

const moneyLine = z.object({
  label: text(cleanTitle, LINE_LABEL_MAX, '请填写项目名称'),
  amountFen: fen,
})

const statement = z.object({
  period: z.object({
    year: z.number().int().min(2000).max(2100),
    quarter: z.number().int().min(1).max(4),
  }),
  openingFen: fen,
  income: z.array(moneyLine).max(STATEMENT_LINES_MAX),
  expense: z.array(moneyLine).max(STATEMENT_LINES_MAX),
  incomeTotalFen: fen,
  expenseTotalFen: fen,
  closingFen: fen,
})

const rectificationItem = z.object({
  title: text(cleanTitle, RECTIFICATION_TEXT_MAX, '请填写整改事项'),
  responsible: z.enum(RECTIFICATION_PARTIES, '请选择责任方'),
  deadline: z.string().regex(DEADLINE_PATTERN, '期限应为 YYYY-MM-DD'),
  status: z.enum(RECTIFICATION_STATUSES).optional(),
})

export const noticeParams = z.object({ noticeId: id })

export const rectificationParams = z.object({ noticeId: id, itemId: id })

export const feedQuery = z.object({
  category: z.enum(NOTICE_CATEGORIES).optional(),
  q: z.string().max(NOTICE_SEARCH_MAX, '搜索词过长').optional(),
})

export const postNoticeBody = z.object({
  category: z.enum(NOTICE_CATEGORIES, '请选择公告类别'),
  title: text(cleanTitle, NOTICE_TITLE_MAX, '请填写标题'),
  body: text(cleanBody, NOTICE_BODY_MAX, '请填写正文'),
  authorOrg: staffOrg,
  audience,
  pinned: z.boolean().optional(),
  publishAt: time.optional(),
  endsAt: time.nullable().optional(),
  attachments: z
    .array(
      z.object({
        fileId: id,
        name: z.string().max(ATTACHMENT_NAME_MAX * 2),
      }),
    )
    .max(NOTICE_ATTACHMENTS_MAX, `最多 ${NOTICE_ATTACHMENTS_MAX} 个附件`)
    .optional(),
  rectification: z
    .array(rectificationItem)
    .max(RECTIFICATION_ITEMS_MAX)
    .optional(),
  publicIncome: statement.optional(),
})

export const pinBody = z.object({ pinned: z.boolean() })

export const scheduleBody = z.object({
  publishAt: time.optional(),
  endsAt: time.nullable().optional(),
})

export const withdrawBody = z.object({
  reason: text(cleanTitle, WITHDRAW_REASON_MAX, '请说明撤回原因'),
})

export const rectificationUpdateBody = z.object({
  status: z.enum(RECTIFICATION_STATUSES, '请选择整改状态'),
  note: z
    .string()
    .max(RECTIFICATION_NOTE_MAX, `不能超过 ${RECTIFICATION_NOTE_MAX} 字`),
  byOrg: staffOrg,
})
