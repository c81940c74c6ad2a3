import { View } from '@tarojs/components'
import { useState } from 'react'

import type { AppError } from '@/core/errors'
import type { NoticeDetail } from '@/core/notices-api'
import { checkTimes } from '@/core/notices'
import { toAppError } from '@/lib/api-client'
import { inShanghai } from '@/lib/time'
import { a11y, ActionButton, ErrorNotice, TextField } from '@/lib/ui'

import { scheduleNotice } from '../api/schedule-notice'
import { RadioChips } from './choice-chips'

const DAY_TEXT = /^\d{4}-\d{2}-\d{2}$/
const TIME_TEXT = /^([01]\d|2[0-3]):[0-5]\d$/

/** "2026-12-05" + "08:00" in Shanghai → epoch ms; null if not a moment. */
function shanghaiMoment(day: string, time: string): number | null {
  if (!DAY_TEXT.test(day.trim()) || !TIME_TEXT.test(time.trim())) return null
  const ms = Date.parse(`${day.trim()}T${time.trim()}:00+08:00`)
  // Date.parse rolls 02-30 over to March; a day that moved is not real.
  return Number.isNaN(ms) || inShanghai(ms).format('YYYY-MM-DD') !== day.trim()
    ? null
    : ms
}

type Ending = 'none' | 'at'

interface Fields {
  publishDay: string
  publishTime: string
  ending: Ending
  endDay: string
  endTime: string
}

type Problems = Partial<Record<'publish' | 'end', string>>

function fieldsOf(notice: NoticeDetail): Fields {
  const publish = inShanghai(notice.publishAt)
  const end = notice.endsAt ? inShanghai(notice.endsAt) : null
  return {
    publishDay: publish.format('YYYY-MM-DD'),
    publishTime: publish.format('HH:mm'),
    ending: end ? 'at' : 'none',
    endDay: end ? end.format('YYYY-MM-DD') : '',
    endTime: end ? end.format('HH:mm') : '',
  }
}

export interface ScheduleFormProps {
  notice: NoticeDetail
  onSaved: (notice: NoticeDetail) => void
  onCancel: () => void
}

/**
 * The author changes when a notice goes up (only while it is still
 * scheduled: once people may have read it, its publish time is history)
 * and when it comes down, or removes the end date. Times are typed as
 * Shanghai wall-clock time, whatever zone the phone is set to.
 */
export function ScheduleForm({ notice, onSaved, onCancel }: ScheduleFormProps) {
  const [fields, setFields] = useState<Fields>(() => fieldsOf(notice))
  const [problems, setProblems] = useState<Problems>({})
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<AppError | null>(null)
  const scheduled = notice.state === 'scheduled'
  const set = (patch: Partial<Fields>) => setFields((f) => ({ ...f, ...patch }))

  const submit = () => {
    const now = Date.now()
    const found: Problems = {}
    const publishAt = scheduled
      ? shanghaiMoment(fields.publishDay, fields.publishTime)
      : null
    if (scheduled && publishAt === null) {
      found.publish = '请按 年-月-日 和 时:分 填写，例如 2026-12-05 和 08:00'
    }
    const endsAt =
      fields.ending === 'none'
        ? null
        : shanghaiMoment(fields.endDay, fields.endTime)
    if (fields.ending === 'at' && endsAt === null) {
      found.end = '请按 年-月-日 和 时:分 填写，例如 2026-12-31 和 18:00'
    }
    if (!found.publish && !found.end) {
      // The backend's rule, checked here first so that a slip is named
      // beside the field rather than as a refusal.
      const problem = checkTimes(publishAt ?? now, endsAt, now)
      if (problem === 'publish-in-past') found.publish = '发布时间不能早于现在'
      if (problem === 'ends-before-publish') {
        found.end = scheduled ? '结束时间须晚于发布时间' : '结束时间须晚于现在'
      }
    }
    setProblems(found)
    if (found.publish || found.end) return

    setBusy(true)
    setError(null)
    scheduleNotice(notice.id, {
      ...(scheduled && publishAt !== null
        ? { publishAt: new Date(publishAt).toISOString() }
        : {}),
      endsAt: endsAt === null ? null : new Date(endsAt).toISOString(),
    }).then(
      (updated) => {
        setBusy(false)
        onSaved(updated)
      },
      (cause: unknown) => {
        setBusy(false)
        setError(toAppError(cause))
      },
    )
  }

  return (
    <View className="withdraw-form">
      {scheduled ? (
        <View {...a11y({ role: 'group', label: '发布时间' })}>
          <TextField
            id="schedule-publish-day"
            label="发布日期"
            value={fields.publishDay}
            maxlength={10}
            onChange={(publishDay) => set({ publishDay })}
            hint="年-月-日，上海时间"
          />
          <TextField
            id="schedule-publish-time"
            label="发布时刻"
            value={fields.publishTime}
            maxlength={5}
            onChange={(publishTime) => set({ publishTime })}
            problem={problems.publish}
            hint="时:分，24 小时制"
          />
        </View>
      ) : (
        <View className="muted">已经发布，只能修改结束时间</View>
      )}
      <RadioChips
        label="结束时间"
        choices={[
          { value: 'none', text: '不设结束' },
          { value: 'at', text: '设定结束时间' },
        ]}
        value={fields.ending}
        onChange={(ending) => set({ ending })}
      />
      {fields.ending === 'at' ? (
        <>
          <TextField
            id="schedule-end-day"
            label="结束日期"
            value={fields.endDay}
            maxlength={10}
            onChange={(endDay) => set({ endDay })}
            hint="年-月-日，上海时间"
          />
          <TextField
            id="schedule-end-time"
            label="结束时刻"
            value={fields.endTime}
            maxlength={5}
            onChange={(endTime) => set({ endTime })}
            problem={problems.end}
            hint="时:分，24 小时制"
          />
        </>
      ) : null}
      {error ? <ErrorNotice error={error} /> : null}
      <ActionButton onClick={submit} busy={busy} busyText="正在保存…">
        保存时间
      </ActionButton>
      <ActionButton kind="secondary" onClick={onCancel}>
        不修改
      </ActionButton>
    </View>
  )
}
