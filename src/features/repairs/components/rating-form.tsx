import { View } from '@tarojs/components'
import { useState } from 'react'

import type { AppError } from '@/core/errors'
import { RATING_TEXT } from '@/core/repair-case'
import type { RepairCaseDetail } from '@/core/repairs-api'
import { toAppError } from '@/lib/api-client'
import { ActionButton, ErrorNotice, Section, TextField } from '@/lib/ui'

import { rateCase } from '../api/rate-case'
import { ChipGroup } from './chip-group'

const STARS = ['1', '2', '3', '4', '5'] as const

export interface RatingFormProps {
  caseId: string
  onRated: (kase: RepairCaseDetail) => void
}

/** 1–5 stars and a comment, once, after the reporter confirmed the fix. */
export function RatingForm({ caseId, onRated }: RatingFormProps) {
  const [stars, setStars] = useState<(typeof STARS)[number] | null>(null)
  const [comment, setComment] = useState('')
  const [sending, setSending] = useState(false)
  const [error, setError] = useState<AppError | null>(null)

  async function send() {
    if (!stars) return
    setSending(true)
    setError(null)
    try {
      onRated(await rateCase(caseId, { stars: Number(stars), comment }))
    } catch (cause) {
      setError(toAppError(cause))
    } finally {
      setSending(false)
    }
  }

  return (
    <Section title="评价处理结果">
      <ChipGroup
        label="满意度"
        options={STARS.map((s) => ({
          value: s,
          text: `${s} 星 ${RATING_TEXT[Number(s)]}`,
        }))}
        value={stars}
        onChange={setStars}
      />
      <TextField
        id="rating-comment"
        label="评价（选填）"
        value={comment}
        maxlength={300}
        onChange={setComment}
      />
      {error ? <ErrorNotice error={error} /> : null}
      <ActionButton
        onClick={send}
        disabled={!stars}
        busy={sending}
        busyText="正在提交…"
      >
        提交评价
      </ActionButton>
      {!stars ? <View className="muted">请先选择星级</View> : null}
    </Section>
  )
}
