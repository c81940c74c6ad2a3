import { Textarea, View } from '@tarojs/components'
import { useState } from 'react'

import type { StaffOrg } from '@/core/api-types'
import type { AppError } from '@/core/errors'
import type { RectificationItemView } from '@/core/notices-api'
import type { RectificationStatus } from '@/core/rectification'
import {
  ITEM_PROGRESS_TEXT,
  PARTY_TEXT,
  RECTIFICATION_NOTE_MAX,
  RECTIFICATION_STATUS_TEXT,
  RECTIFICATION_STATUSES,
} from '@/core/rectification'
import { toAppError } from '@/lib/api-client'
import { formatDateTime } from '@/lib/time'
import { a11y, ActionButton, ErrorNotice } from '@/lib/ui'

import { updateRectification } from '../api/update-rectification'
import { authorText } from '../notice-text'
import { RadioChips } from './choice-chips'
import './notices.scss'

const STATUS_CHOICES = RECTIFICATION_STATUSES.map((s) => ({
  value: s,
  text: RECTIFICATION_STATUS_TEXT[s],
}))

/** 2026-12-20 → 2026年12月20日 */
function dayText(day: string): string {
  const [y, m, d] = day.split('-').map(Number)
  return `${y}年${m}月${d}日`
}

interface UpdateFormProps {
  noticeId: string
  item: RectificationItemView
  byOrg: StaffOrg
  onUpdated: (item: RectificationItemView) => void
}

function UpdateForm({ noticeId, item, byOrg, onUpdated }: UpdateFormProps) {
  const [status, setStatus] = useState<RectificationStatus>(item.status)
  const [note, setNote] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<AppError | null>(null)
  const submit = () => {
    setBusy(true)
    setError(null)
    updateRectification(noticeId, item.id, { status, note, byOrg }).then(
      (updated) => {
        setBusy(false)
        setNote('')
        onUpdated(updated)
      },
      (cause: unknown) => {
        setBusy(false)
        setError(toAppError(cause))
      },
    )
  }
  const fieldId = `rect-note-${item.seq}`
  return (
    <View className="rect-form">
      <RadioChips
        label={`第 ${item.seq} 项的新状态`}
        choices={STATUS_CHOICES}
        value={status}
        onChange={setStatus}
      />
      <View className="field__label" id={`${fieldId}-label`}>
        进展说明（以{authorText(byOrg)}名义记录）
      </View>
      <Textarea
        id={fieldId}
        className="notice-textarea notice-textarea--short"
        value={note}
        maxlength={RECTIFICATION_NOTE_MAX}
        onInput={(e) => setNote(e.detail.value)}
        nativeProps={{ 'aria-label': `第 ${item.seq} 项进展说明` }}
      />
      {error ? <ErrorNotice error={error} /> : null}
      <ActionButton onClick={submit} busy={busy} busyText="正在记录…">
        记录进展
      </ActionButton>
    </View>
  )
}

export interface RectificationListProps {
  noticeId: string
  items: RectificationItemView[]
  /** Staff of the estate record progress under this organisation. */
  staffOrg: StaffOrg | null
  /** Disabled once the notice is withdrawn. */
  closed: boolean
}

/**
 * The tripartite agreement's rectification items: who must act, by when,
 * where it stands (overdue when the deadline passed undone), and every
 * step so far, oldest first.
 */
export function RectificationList({
  noticeId,
  items: initial,
  staffOrg,
  closed,
}: RectificationListProps) {
  const [items, setItems] = useState(initial)
  const [editing, setEditing] = useState<string | null>(null)
  // Progress as the backend read it off its clock and Shanghai's date.
  const done = items.filter((i) => i.progress === 'done').length
  const overdue = items.filter((i) => i.progress === 'overdue').length
  return (
    <View className="rect">
      <View className="rect__summary" {...a11y({ role: 'status' })}>
        共 {items.length} 项，已完成 {done} 项
        {overdue > 0 ? `，逾期 ${overdue} 项` : ''}
      </View>
      <View {...a11y({ role: 'list', label: '整改事项' })}>
        {items.map((item) => (
          <View
            key={item.id}
            className="rect__item"
            {...a11y({ role: 'listitem' })}
          >
            <View className="rect__head">
              <View className={`tag tag--progress-${item.progress}`}>
                {item.progress === 'done'
                  ? '✓ '
                  : item.progress === 'overdue'
                    ? '! '
                    : ''}
                {ITEM_PROGRESS_TEXT[item.progress]}
              </View>
              <View className="rect__title">
                {item.seq}. {item.title}
              </View>
            </View>
            <View className="rect__meta">
              责任方：{PARTY_TEXT[item.responsible]} · 期限：
              {dayText(item.deadline)}
            </View>
            <View
              className="rect__history"
              {...a11y({ role: 'list', label: `第 ${item.seq} 项的进展记录` })}
            >
              {item.history.map((h, i) => (
                <View
                  key={`${h.at}:${i}`}
                  className="rect__step"
                  {...a11y({ role: 'listitem' })}
                >
                  <View className="muted">
                    {formatDateTime(h.at)} · {authorText(h.byOrg)} ·{' '}
                    {RECTIFICATION_STATUS_TEXT[h.status]}
                  </View>
                  {h.note ? <View className="plain-text">{h.note}</View> : null}
                </View>
              ))}
            </View>
            {staffOrg && !closed ? (
              editing === item.id ? (
                <UpdateForm
                  noticeId={noticeId}
                  item={item}
                  byOrg={staffOrg}
                  onUpdated={(updated) => {
                    setItems((all) =>
                      all.map((i) => (i.id === updated.id ? updated : i)),
                    )
                    setEditing(null)
                  }}
                />
              ) : (
                <ActionButton
                  kind="secondary"
                  onClick={() => setEditing(item.id)}
                  label={`记录第 ${item.seq} 项的进展`}
                >
                  记录进展
                </ActionButton>
              )
            ) : null}
          </View>
        ))}
      </View>
    </View>
  )
}
