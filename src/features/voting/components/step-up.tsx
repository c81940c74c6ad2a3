import { View } from '@tarojs/components'
import { useState } from 'react'

import type { SmsSent } from '@/core/api-types'
import type { AppError } from '@/core/errors'
import { SMS_CODE_PATTERN } from '@/core/person'
import { toAppError } from '@/lib/api-client'
import { useCountdown } from '@/lib/use-countdown'
import {
  ActionButton,
  ErrorNotice,
  MockSmsHint,
  Section,
  TextField,
} from '@/lib/ui'

import { requestStepUpSms, verifyStepUp } from '../api/step-up'

export interface StepUpProps {
  ballotId: string
  /** Why we are back here, e.g. the earlier check expired. */
  reason: AppError | null
  onGranted: (stepUpToken: string) => void
  onBack: () => void
}

const RESEND_SECONDS = 60

// The last code sent for each ballot, kept while the app runs: a person
// who steps back to the review and returns within the minute must see
// the code already on its way, not a button the server would refuse.
const lastSent = new Map<string, SmsSent>()

/**
 * A fresh SMS check right before voting, so that an unlocked phone in
 * someone else's hand cannot cast the owner's vote.
 */
export function StepUp({ ballotId, reason, onGranted, onBack }: StepUpProps) {
  const earlier = lastSent.get(ballotId)
  const [sentTo, setSentTo] = useState<string | null>(earlier?.sentTo ?? null)
  const [mockCode, setMockCode] = useState<string | null>(
    earlier?.mockCode ?? null,
  )
  const [code, setCode] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState<'sms' | 'verify' | null>(null)
  const [error, setError] = useState<AppError | null>(reason)
  const countdown = useCountdown(earlier?.resendAfter)

  async function send() {
    setBusy('sms')
    setError(null)
    try {
      const sent = await requestStepUpSms(ballotId)
      lastSent.set(ballotId, sent)
      setSentTo(sent.sentTo)
      setMockCode(sent.mockCode ?? null)
      countdown.start(RESEND_SECONDS, sent.resendAfter)
    } catch (cause) {
      setError(toAppError(cause))
    } finally {
      setBusy(null)
    }
  }

  async function verify() {
    if (!SMS_CODE_PATTERN.test(code.trim())) {
      setProblem('请输入短信中的 6 位数字验证码')
      return
    }
    setBusy('verify')
    setError(null)
    try {
      const granted = await verifyStepUp(ballotId, code.trim())
      // The code is spent; a later check starts with a new one.
      lastSent.delete(ballotId)
      onGranted(granted.stepUpToken)
    } catch (cause) {
      setError(toAppError(cause))
    } finally {
      setBusy(null)
    }
  }

  return (
    <Section title="第三步：验证本人身份">
      <View>为确认是您本人投票，请接收发送到您登记手机的验证码。</View>
      {error ? <ErrorNotice error={error} /> : null}
      {sentTo ? <View>验证码已发送至 {sentTo}</View> : null}
      {mockCode ? <MockSmsHint code={mockCode} /> : null}
      {sentTo ? (
        <>
          <TextField
            id="step-up-code"
            label="短信验证码"
            type="number"
            maxlength={6}
            value={code}
            onChange={(v) => {
              setCode(v)
              setProblem(null)
            }}
            problem={problem}
          />
          <ActionButton
            onClick={verify}
            busy={busy === 'verify'}
            busyText="正在验证…"
          >
            验证并继续
          </ActionButton>
          <ActionButton
            kind="secondary"
            onClick={send}
            busy={busy === 'sms'}
            busyText="正在发送…"
            disabled={countdown.left > 0}
          >
            {countdown.left > 0
              ? `重新发送验证码（${countdown.left} 秒）`
              : '重新发送验证码'}
          </ActionButton>
        </>
      ) : (
        <ActionButton onClick={send} busy={busy === 'sms'} busyText="正在发送…">
          发送验证码
        </ActionButton>
      )}
      <ActionButton kind="link" onClick={onBack}>
        返回核对
      </ActionButton>
    </Section>
  )
}
