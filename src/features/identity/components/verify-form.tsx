import { View } from '@tarojs/components'
import { useEffect, useState } from 'react'

import type { AppError, FieldIssue } from '@/core/errors'
import {
  isMainlandMobile,
  normalisePhone,
  SMS_CODE_PATTERN,
} from '@/core/person'
import {
  checkResidentId,
  normaliseResidentId,
  RESIDENT_ID_PROBLEM_TEXT,
} from '@/core/resident-id'
import { toAppError } from '@/lib/api-client'
import { shanghaiDateKey } from '@/lib/time'
import {
  ActionButton,
  ErrorNotice,
  MockSmsHint,
  Section,
  TextField,
} from '@/lib/ui'

import { requestSms } from '../api/request-sms'
import { verifyIdentity } from '../api/verify-identity'
import { useSession } from '../session-store'
import { useCountdown } from '@/lib/use-countdown'

export const SMS_RESEND_SECONDS = 60
const NAME_MAX = 30

type Field = 'name' | 'idNumber' | 'phone' | 'smsCode'

interface Values {
  name: string
  idNumber: string
  phone: string
  smsCode: string
}

type Problems = Partial<Record<Field, string>>

function problemsOf(v: Values, today: string): Problems {
  const problems: Problems = {}
  const name = v.name.trim()
  if (name === '') problems.name = '请填写姓名'
  else if (name.length > NAME_MAX) problems.name = '姓名过长，请核对'

  const id = checkResidentId(v.idNumber, today)
  if (!id.ok) problems.idNumber = RESIDENT_ID_PROBLEM_TEXT[id.problem]

  if (!isMainlandMobile(v.phone)) {
    problems.phone = '请填写 11 位中国大陆手机号码'
  }
  if (!SMS_CODE_PATTERN.test(v.smsCode.trim())) {
    problems.smsCode = '请输入短信中的 6 位数字验证码'
  }
  return problems
}

function isField(field: string): field is Field {
  return ['name', 'idNumber', 'phone', 'smsCode'].includes(field)
}

function issuesToProblems(issues: FieldIssue[] | undefined): Problems {
  const problems: Problems = {}
  for (const issue of issues ?? []) {
    if (isField(issue.field)) problems[issue.field] = issue.message
  }
  return problems
}

/**
 * Real-name verification. Every field is checked here before anything
 * is sent (the backend checks again); when the backend refuses, what the
 * person typed stays as it was.
 */
export function VerifyForm() {
  const setSession = useSession((s) => s.setSession)
  const [values, setValues] = useState<Values>({
    name: '',
    idNumber: '',
    phone: '',
    smsCode: '',
  })
  const [touched, setTouched] = useState<Partial<Record<Field, boolean>>>({})
  const [serverProblems, setServerProblems] = useState<Problems>({})
  const [mockCode, setMockCode] = useState<string | null>(null)
  // The number the last code went to: after the person corrects a
  // mistyped phone, the wait and the code shown belong to the old one.
  const [smsPhone, setSmsPhone] = useState<string | null>(null)
  const [smsBusy, setSmsBusy] = useState(false)
  const [sending, setSending] = useState(false)
  const [error, setError] = useState<AppError | null>(null)
  const countdown = useCountdown()

  const problems = problemsOf(values, shanghaiDateKey())
  const shown = (field: Field): string | null =>
    (touched[field] ? problems[field] : undefined) ??
    serverProblems[field] ??
    null

  const change = (field: Field) => (value: string) => {
    setValues((v) => ({ ...v, [field]: value }))
    setServerProblems((p) => ({ ...p, [field]: undefined }))
  }
  const touch = (field: Field) => () =>
    setTouched((t) => ({ ...t, [field]: true }))

  useEffect(() => {
    if (error) setServerProblems(issuesToProblems(error.issues))
  }, [error])

  async function sendSms() {
    setTouched((t) => ({ ...t, phone: true }))
    if (problems.phone) return
    setSmsBusy(true)
    setError(null)
    try {
      const phone = normalisePhone(values.phone)
      const sent = await requestSms(phone)
      setMockCode(sent.mockCode ?? null)
      setSmsPhone(phone)
      countdown.start(SMS_RESEND_SECONDS, sent.resendAfter)
    } catch (cause) {
      setError(toAppError(cause))
    } finally {
      setSmsBusy(false)
    }
  }

  async function submit() {
    setTouched({ name: true, idNumber: true, phone: true, smsCode: true })
    if (Object.keys(problems).length > 0) return
    setSending(true)
    setError(null)
    try {
      const session = await verifyIdentity({
        name: values.name.trim(),
        idNumber: normaliseResidentId(values.idNumber),
        phone: normalisePhone(values.phone),
        smsCode: values.smsCode.trim(),
      })
      setSession(session)
    } catch (cause) {
      setError(toAppError(cause))
    } finally {
      setSending(false)
    }
  }

  const codeIsForThisPhone = smsPhone === normalisePhone(values.phone)
  const wait = codeIsForThisPhone ? countdown.left : 0

  return (
    <Section title="第二步：实名认证">
      <View className="muted">
        按公安人口库核对姓名、身份证号和手机号，核对后才能查看本小区事项。
      </View>
      <TextField
        id="verify-name"
        label="姓名"
        value={values.name}
        onChange={change('name')}
        onBlur={touch('name')}
        maxlength={NAME_MAX}
        problem={shown('name')}
      />
      <TextField
        id="verify-id-number"
        label="身份证号"
        type="idcard"
        value={values.idNumber}
        onChange={change('idNumber')}
        onBlur={touch('idNumber')}
        maxlength={18}
        hint="18 位，最后一位可能是 X"
        problem={shown('idNumber')}
      />
      <TextField
        id="verify-phone"
        label="手机号"
        type="number"
        value={values.phone}
        onChange={change('phone')}
        onBlur={touch('phone')}
        maxlength={11}
        hint="须是在公安登记的本人手机号"
        problem={shown('phone')}
      />
      <ActionButton
        kind="secondary"
        onClick={sendSms}
        busy={smsBusy}
        busyText="正在发送验证码…"
        disabled={wait > 0}
      >
        {wait > 0 ? `重新获取验证码（${wait} 秒）` : '获取验证码'}
      </ActionButton>
      {mockCode && codeIsForThisPhone ? <MockSmsHint code={mockCode} /> : null}
      <TextField
        id="verify-sms-code"
        label="短信验证码"
        type="number"
        value={values.smsCode}
        onChange={change('smsCode')}
        onBlur={touch('smsCode')}
        maxlength={6}
        problem={shown('smsCode')}
      />
      {error ? <ErrorNotice error={error} /> : null}
      <ActionButton onClick={submit} busy={sending} busyText="正在核对身份…">
        提交实名认证
      </ActionButton>
    </Section>
  )
}
