import { View } from '@tarojs/components'
import { useState } from 'react'

import type { AppError } from '@/core/errors'
import type { NoticeDetail } from '@/core/notices-api'
import { cleanTitle, WITHDRAW_REASON_MAX } from '@/core/notices'
import { toAppError } from '@/lib/api-client'
import { ActionButton, ErrorNotice, TextField } from '@/lib/ui'

import { withdrawNotice } from '../api/manage-notice'

export interface WithdrawFormProps {
  noticeId: string
  onWithdrawn: (notice: NoticeDetail) => void
  onCancel: () => void
}

/**
 * Withdrawing asks for the reason, which everyone will read beside the
 * notice: a withdrawn notice stays visible, marked, and is not deleted.
 */
export function WithdrawForm({
  noticeId,
  onWithdrawn,
  onCancel,
}: WithdrawFormProps) {
  const [reason, setReason] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<AppError | null>(null)
  const submit = () => {
    if (cleanTitle(reason) === '') {
      setProblem('请说明撤回原因，居民会看到这段说明')
      return
    }
    setProblem(null)
    setBusy(true)
    setError(null)
    withdrawNotice(noticeId, reason).then(
      (notice) => {
        setBusy(false)
        onWithdrawn(notice)
      },
      (cause: unknown) => {
        setBusy(false)
        setError(toAppError(cause))
      },
    )
  }
  return (
    <View className="withdraw-form">
      <TextField
        id="withdraw-reason"
        label="撤回原因"
        value={reason}
        onChange={setReason}
        maxlength={WITHDRAW_REASON_MAX}
        problem={problem}
        hint="撤回后公告仍然可见，标明“已撤回”和这里填写的原因"
      />
      {error ? <ErrorNotice error={error} /> : null}
      <ActionButton
        kind="danger"
        onClick={submit}
        busy={busy}
        busyText="正在撤回…"
      >
        确认撤回
      </ActionButton>
      <ActionButton kind="secondary" onClick={onCancel}>
        不撤回
      </ActionButton>
    </View>
  )
}
