import { View } from '@tarojs/components'

import type { NewRectificationItem } from '@/core/notices-api'
import { cleanTitle } from '@/core/notices'
import type {
  RectificationParty,
  RectificationStatus,
} from '@/core/rectification'
import {
  DEADLINE_PATTERN,
  PARTY_TEXT,
  RECTIFICATION_ITEMS_MAX,
  RECTIFICATION_PARTIES,
  RECTIFICATION_STATUS_TEXT,
  RECTIFICATION_STATUSES,
  RECTIFICATION_TEXT_MAX,
} from '@/core/rectification'
import { a11y, ActionButton, TextField } from '@/lib/ui'

import { RadioChips } from './choice-chips'
import './notices.scss'

export interface ItemDraft {
  key: string
  title: string
  responsible: RectificationParty
  /** YYYY-MM-DD as typed. */
  deadline: string
  status: RectificationStatus
}

/** Field problems by `<key>.title` and `<key>.deadline`, plus `list`. */
export type ItemProblems = Record<string, string>

let itemCount = 0

export function newItem(): ItemDraft {
  itemCount += 1
  return {
    key: `item-${itemCount}`,
    title: '',
    responsible: 'property-company',
    deadline: '',
    status: 'pending',
  }
}

/** A real calendar day: 2026-02-30 matches the pattern but is not one. */
function isDay(text: string): boolean {
  if (!DEADLINE_PATTERN.test(text)) return false
  const [y, m, d] = text.split('-').map(Number)
  const day = new Date(Date.UTC(y, m - 1, d))
  return day.getUTCMonth() === m - 1 && day.getUTCDate() === d
}

export type ItemsReading =
  | { ok: true; items: NewRectificationItem[] }
  | { ok: false; problems: ItemProblems }

/** The items to send, or what to fix in which row. */
export function readItems(drafts: readonly ItemDraft[]): ItemsReading {
  const problems: ItemProblems = {}
  if (drafts.length === 0) problems.list = '请至少列出一项整改事项'
  const items = drafts.map((d) => {
    const title = cleanTitle(d.title)
    if (title === '') problems[`${d.key}.title`] = '请填写整改事项'
    else if (title.length > RECTIFICATION_TEXT_MAX) {
      problems[`${d.key}.title`] = `不能超过 ${RECTIFICATION_TEXT_MAX} 字`
    }
    const deadline = d.deadline.trim()
    if (!isDay(deadline)) {
      problems[`${d.key}.deadline`] = '请按 年-月-日 填写期限，例如 2027-03-31'
    }
    return { title, responsible: d.responsible, deadline, status: d.status }
  })
  return Object.keys(problems).length > 0
    ? { ok: false, problems }
    : { ok: true, items }
}

const PARTY_CHOICES = RECTIFICATION_PARTIES.map((p) => ({
  value: p,
  text: PARTY_TEXT[p],
}))

const STATUS_CHOICES = RECTIFICATION_STATUSES.map((s) => ({
  value: s,
  text: RECTIFICATION_STATUS_TEXT[s],
}))

export interface RectificationEditorProps {
  value: ItemDraft[]
  onChange: (value: ItemDraft[]) => void
  problems: ItemProblems
}

/**
 * The rectification list as staff write it: each item says what is to
 * be done, which party must do it, by which day, and where it stands
 * when posted. Later progress is recorded on the notice itself.
 */
export function RectificationEditor({
  value,
  onChange,
  problems,
}: RectificationEditorProps) {
  const edit = (key: string, patch: Partial<ItemDraft>) =>
    onChange(value.map((d) => (d.key === key ? { ...d, ...patch } : d)))
  return (
    <View {...a11y({ role: 'group', label: '整改事项' })}>
      {value.map((item, i) => (
        <View key={item.key} className="editor-row">
          <View className="editor-row__title">第 {i + 1} 项</View>
          <TextField
            id={`${item.key}-title`}
            label={`第 ${i + 1} 项整改内容`}
            value={item.title}
            maxlength={RECTIFICATION_TEXT_MAX}
            placeholder="例如 3号楼楼道照明更换"
            onChange={(title) => edit(item.key, { title })}
            problem={problems[`${item.key}.title`]}
          />
          <RadioChips
            label={`第 ${i + 1} 项责任方`}
            choices={PARTY_CHOICES}
            value={item.responsible}
            onChange={(responsible) => edit(item.key, { responsible })}
          />
          <TextField
            id={`${item.key}-deadline`}
            label={`第 ${i + 1} 项整改期限`}
            value={item.deadline}
            maxlength={10}
            placeholder="2027-03-31"
            hint="年-月-日；过期未完成的会标为已逾期"
            onChange={(deadline) => edit(item.key, { deadline })}
            problem={problems[`${item.key}.deadline`]}
          />
          <RadioChips
            label={`第 ${i + 1} 项目前状态`}
            choices={STATUS_CHOICES}
            value={item.status}
            onChange={(status) => edit(item.key, { status })}
          />
          <ActionButton
            kind="link"
            label={`删除第 ${i + 1} 项`}
            onClick={() => onChange(value.filter((d) => d.key !== item.key))}
          >
            删除这一项
          </ActionButton>
        </View>
      ))}
      {problems.list ? (
        <View className="field__problem" {...a11y({ role: 'alert' })}>
          {problems.list}
        </View>
      ) : null}
      {value.length < RECTIFICATION_ITEMS_MAX ? (
        <ActionButton
          kind="secondary"
          label="添加一项整改事项"
          onClick={() => onChange([...value, newItem()])}
        >
          ＋ 添加整改事项
        </ActionButton>
      ) : null}
    </View>
  )
}
