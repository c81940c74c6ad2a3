import { Textarea, View } from '@tarojs/components'
import { useState } from 'react'

import type { EstateView, Profile, StaffOrg } from '@/core/api-types'
import { STAFF_ORG_TEXT } from '@/core/api-types'
import type { AppError } from '@/core/errors'
import type { NoticeDetail } from '@/core/notices-api'
import type { NoticeCategory } from '@/core/notices'
import { PARTY_TEXT, RECTIFICATION_STATUS_TEXT } from '@/core/rectification'
import {
  categoriesFor,
  cleanBody,
  cleanTitle,
  NOTICE_BODY_MAX,
  NOTICE_CATEGORY_TEXT,
  NOTICE_TITLE_MAX,
} from '@/core/notices'
import { toAppError } from '@/lib/api-client'
import { useRemote } from '@/lib/remote'
import { formatDateTime } from '@/lib/time'
import {
  a11y,
  ActionButton,
  EmptyState,
  ErrorNotice,
  RemoteView,
  Section,
  TextField,
} from '@/lib/ui'

import { getBuildings } from '../api/get-buildings'
import { postNotice } from '../api/post-notice'
import { audienceText } from '../notice-text'
import {
  newStatementDraft,
  readStatement,
  type StatementDraft,
  type StatementProblems,
} from '../statement-draft'
import { AttachmentPicker, type PickedAttachment } from './attachment-picker'
import { CheckChips, RadioChips } from './choice-chips'
import { PublicIncomeView } from './public-income-view'
import {
  type ItemDraft,
  type ItemProblems,
  newItem,
  readItems,
  RectificationEditor,
} from './rectification-editor'
import { StatementEditor } from './statement-editor'
import './notices.scss'

const HOUR = 3_600_000
const DAY = 24 * HOUR

type Reach = 'estate' | 'buildings'
type Ending = 'none' | '1' | '3' | '7'
type Start = 'now' | 'tomorrow'

const ENDINGS: { value: Ending; text: string }[] = [
  { value: 'none', text: '不设结束' },
  { value: '1', text: '1 天后结束' },
  { value: '3', text: '3 天后结束' },
  { value: '7', text: '7 天后结束' },
]

const STARTS: { value: Start; text: string }[] = [
  { value: 'now', text: '立即发布' },
  { value: 'tomorrow', text: '明天 8:00 发布' },
]

/** 8:00 tomorrow in Shanghai (UTC+8 all year), as epoch milliseconds. */
function tomorrowEight(now: number): number {
  const shanghaiMidnight = Math.floor((now + 8 * HOUR) / DAY) * DAY - 8 * HOUR
  return shanghaiMidnight + DAY + 8 * HOUR
}

export interface PostNoticeFormProps {
  profile: Profile
  estate: EstateView
  onPosted: (notice: NoticeDetail) => void
}

interface Draft {
  org: StaffOrg
  category: NoticeCategory
  title: string
  body: string
  reach: Reach
  buildings: string[]
  pinned: boolean
  start: Start
  ending: Ending
  files: PickedAttachment[]
  /** Kept while another category is chosen, so switching loses nothing. */
  items: ItemDraft[]
  statement: StatementDraft
}

interface Problems {
  title?: string
  body?: string
  buildings?: string
  items?: ItemProblems
  statement?: StatementProblems
}

function check(d: Draft): Problems {
  const problems: Problems = {}
  if (d.category === 'rectification') {
    const read = readItems(d.items)
    if (!read.ok) problems.items = read.problems
  }
  if (d.category === 'public-income') {
    const read = readStatement(d.statement)
    if (!read.ok) problems.statement = read.problems
  }
  const title = cleanTitle(d.title)
  if (title === '') problems.title = '请填写标题'
  else if (title.length > NOTICE_TITLE_MAX) {
    problems.title = `标题不能超过 ${NOTICE_TITLE_MAX} 字`
  }
  const body = cleanBody(d.body)
  if (body === '') problems.body = '请填写正文'
  else if (body.length > NOTICE_BODY_MAX) {
    problems.body = `正文不能超过 ${NOTICE_BODY_MAX} 字`
  }
  if (d.reach === 'buildings' && d.buildings.length === 0) {
    problems.buildings = '请至少选择一栋楼'
  }
  return problems
}

/**
 * Staff post a notice in two steps: fill in, then read it back and
 * confirm (one action per screen, as elder mode asks). Only the
 * organisations the person serves in this estate, and the categories
 * each may post, are offered; the backend checks the same rules.
 */
export function PostNoticeForm({
  profile,
  estate,
  onPosted,
}: PostNoticeFormProps) {
  const orgs = profile.staffRoles
    .filter((r) => r.estateId === estate.id)
    .map((r) => r.org)
  const [draft, setDraft] = useState<Draft>(() => ({
    org: orgs[0] ?? 'residents-committee',
    category: 'announcement',
    title: '',
    body: '',
    reach: 'estate',
    buildings: [],
    pinned: false,
    start: 'now',
    ending: 'none',
    files: [],
    items: [newItem()],
    statement: newStatementDraft(Date.now()),
  }))
  const [problems, setProblems] = useState<Problems>({})
  const [reviewing, setReviewing] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<AppError | null>(null)
  const buildings = useRemote(orgs.length > 0 ? estate.id : null, () =>
    getBuildings(estate.id),
  )

  if (orgs.length === 0) {
    return (
      <EmptyState
        title="只有本小区的工作人员可以发布公告"
        hint="居委会、业委会和物业的工作人员登录后可以发布"
      />
    )
  }

  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }))
  const allowed = categoriesFor(draft.org, estate.hasOwnersCommittee)
  // Read again at sending: the review step only opens once both are ok.
  const items = readItems(draft.items)
  const statement = readStatement(draft.statement)
  const audience =
    draft.reach === 'estate'
      ? ({ kind: 'estate' } as const)
      : ({ kind: 'buildings', buildings: draft.buildings } as const)

  const review = () => {
    const found = check(draft)
    setProblems(found)
    if (Object.keys(found).length === 0) setReviewing(true)
  }

  const submit = () => {
    const now = Date.now()
    const publishAt = draft.start === 'now' ? now : tomorrowEight(now)
    setBusy(true)
    setError(null)
    postNotice(estate.id, {
      category: draft.category,
      title: draft.title,
      body: draft.body,
      authorOrg: draft.org,
      audience,
      pinned: draft.pinned,
      publishAt:
        draft.start === 'now' ? undefined : new Date(publishAt).toISOString(),
      endsAt:
        draft.ending === 'none'
          ? null
          : new Date(publishAt + Number(draft.ending) * DAY).toISOString(),
      attachments: draft.files.map(({ fileId, name }) => ({ fileId, name })),
      rectification:
        draft.category === 'rectification' && items.ok
          ? items.items
          : undefined,
      publicIncome:
        draft.category === 'public-income' && statement.ok
          ? statement.statement
          : undefined,
    }).then(
      (notice) => {
        setBusy(false)
        onPosted(notice)
      },
      (cause: unknown) => {
        setBusy(false)
        setError(toAppError(cause))
      },
    )
  }

  if (reviewing) {
    return (
      <Section title="核对后发布">
        <View className="review-line">
          发布组织：{estate.name}
          {STAFF_ORG_TEXT[draft.org]}
        </View>
        <View className="review-line">
          类别：{NOTICE_CATEGORY_TEXT[draft.category]}
          {draft.pinned ? '（置顶）' : ''}
        </View>
        <View className="review-line">发送范围：{audienceText(audience)}</View>
        <View className="review-line">
          {draft.start === 'now'
            ? '立即发布'
            : `定时发布：${formatDateTime(tomorrowEight(Date.now()))}`}
          {draft.ending === 'none' ? '' : `，${draft.ending} 天后结束`}
        </View>
        <View className="review-line">
          附件：
          {draft.files.length === 0
            ? '无'
            : draft.files.map((f) => f.name).join('、')}
        </View>
        <View className="notice__title">{cleanTitle(draft.title)}</View>
        <View className="plain-text">{cleanBody(draft.body)}</View>
        {draft.category === 'rectification' && items.ok ? (
          <View {...a11y({ role: 'list', label: '整改事项' })}>
            {items.items.map((item, i) => (
              <View
                key={`${i}:${item.title}`}
                className="review-line"
                {...a11y({ role: 'listitem' })}
              >
                {i + 1}. {item.title}（{PARTY_TEXT[item.responsible]}，
                {item.deadline} 前，
                {RECTIFICATION_STATUS_TEXT[item.status ?? 'pending']}）
              </View>
            ))}
          </View>
        ) : null}
        {draft.category === 'public-income' && statement.ok ? (
          <PublicIncomeView statement={statement.statement} />
        ) : null}
        {error ? <ErrorNotice error={error} /> : null}
        <ActionButton onClick={submit} busy={busy} busyText="正在发布…">
          确认发布
        </ActionButton>
        <ActionButton kind="secondary" onClick={() => setReviewing(false)}>
          返回修改
        </ActionButton>
      </Section>
    )
  }

  return (
    <View>
      {orgs.length > 1 ? (
        <Section title="以哪个组织发布">
          <RadioChips
            label="发布组织"
            choices={orgs.map((o) => ({ value: o, text: STAFF_ORG_TEXT[o] }))}
            value={draft.org}
            onChange={(org) =>
              set({
                org,
                category: categoriesFor(
                  org,
                  estate.hasOwnersCommittee,
                ).includes(draft.category)
                  ? draft.category
                  : 'announcement',
              })
            }
          />
        </Section>
      ) : (
        <View className="muted">
          以 {estate.name}
          {STAFF_ORG_TEXT[draft.org]} 的名义发布
        </View>
      )}

      <Section title="公告类别">
        <RadioChips
          label="公告类别"
          choices={allowed.map((c) => ({
            value: c,
            text: NOTICE_CATEGORY_TEXT[c],
          }))}
          value={draft.category}
          onChange={(category) => set({ category })}
        />
      </Section>

      {draft.category === 'rectification' ? (
        <Section title="整改事项">
          <RectificationEditor
            value={draft.items}
            onChange={(items) => set({ items })}
            problems={problems.items ?? {}}
          />
        </Section>
      ) : null}

      {draft.category === 'public-income' ? (
        <Section title="收支表">
          <StatementEditor
            value={draft.statement}
            onChange={(statement) => set({ statement })}
            problems={problems.statement ?? {}}
            now={Date.now()}
          />
        </Section>
      ) : null}

      <Section title="内容">
        <TextField
          id="notice-title"
          label="标题"
          value={draft.title}
          onChange={(title) => set({ title })}
          maxlength={NOTICE_TITLE_MAX}
          problem={problems.title}
        />
        <View className="field">
          <View className="field__label" id="notice-body-label">
            正文
          </View>
          <Textarea
            id="notice-body"
            className="notice-textarea"
            value={draft.body}
            maxlength={NOTICE_BODY_MAX}
            onInput={(e) => set({ body: e.detail.value })}
            nativeProps={{
              'aria-label': '正文',
              'aria-invalid': problems.body ? 'true' : 'false',
            }}
          />
          <View className="field__hint">
            按纯文字显示，不支持网页格式；换行会保留
          </View>
          {problems.body ? (
            <View className="field__problem" {...a11y({ role: 'alert' })}>
              {problems.body}
            </View>
          ) : null}
        </View>
      </Section>

      <Section title="发送范围">
        <RadioChips
          label="发送范围"
          choices={[
            { value: 'estate', text: '全小区' },
            { value: 'buildings', text: '指定楼栋' },
          ]}
          value={draft.reach}
          onChange={(reach) => set({ reach })}
        />
        {draft.reach === 'buildings' ? (
          <RemoteView
            state={buildings.state}
            loadingText="正在加载楼栋…"
            onRetry={buildings.reload}
          >
            {({ buildings: numbers }) => (
              <CheckChips
                label="选择楼栋"
                choices={numbers.map((b) => ({ value: b, text: `${b}号楼` }))}
                values={draft.buildings}
                onToggle={(b) =>
                  set({
                    buildings: draft.buildings.includes(b)
                      ? draft.buildings.filter((x) => x !== b)
                      : [...draft.buildings, b],
                  })
                }
              />
            )}
          </RemoteView>
        ) : null}
        {problems.buildings ? (
          <View className="field__problem" {...a11y({ role: 'alert' })}>
            {problems.buildings}
          </View>
        ) : null}
      </Section>

      <Section title="发布与结束时间">
        <RadioChips
          label="发布时间"
          choices={STARTS}
          value={draft.start}
          onChange={(start) => set({ start })}
        />
        <RadioChips
          label="结束时间"
          choices={ENDINGS}
          value={draft.ending}
          onChange={(ending) => set({ ending })}
        />
        <RadioChips
          label="是否置顶"
          choices={[
            { value: 'no', text: '不置顶' },
            { value: 'yes', text: '置顶' },
          ]}
          value={draft.pinned ? 'yes' : 'no'}
          onChange={(v) => set({ pinned: v === 'yes' })}
        />
      </Section>

      <Section title="附件（图片或 PDF）">
        <AttachmentPicker
          estateId={estate.id}
          value={draft.files}
          onChange={(files) => set({ files })}
        />
      </Section>

      <ActionButton onClick={review}>下一步：核对</ActionButton>
    </View>
  )
}
