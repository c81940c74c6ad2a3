import { View } from '@tarojs/components'
import { useState } from 'react'

import type { AppError } from '@/core/errors'
import { toAppError } from '@/lib/api-client'
import { a11y, ActionButton, ErrorNotice, Section } from '@/lib/ui'
import { PLATFORM_LOGIN_TEXT } from '@/platform'

import { login } from '../api/login'
import { ROLE_TEXT, roleSummary } from '../role-text'
import { isLive, useSession } from '../session-store'
import { VerifyForm } from './verify-form'

export interface SignInProps {
  /** Called when the person is verified and chooses to go on. */
  onDone: () => void
}

/**
 * Sign-in in three steps: the platform login identifies the account,
 * real-name verification binds it to a person, then the registers say
 * whether that person is an owner or a resident.
 */
export function SignIn({ onDone }: SignInProps) {
  const session = useSession()
  const setSession = useSession((s) => s.setSession)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<AppError | null>(null)

  async function platformSignIn() {
    setBusy(true)
    setError(null)
    try {
      setSession(await login())
    } catch (cause) {
      setError(toAppError(cause))
    } finally {
      setBusy(false)
    }
  }

  if (!isLive(session)) {
    return (
      <Section title="第一步：授权登录">
        <View className="muted">
          先用本机账户登录，再用姓名、身份证号和手机号完成实名认证。
        </View>
        {error ? <ErrorNotice error={error} /> : null}
        <ActionButton onClick={platformSignIn} busy={busy} busyText="正在登录…">
          {PLATFORM_LOGIN_TEXT}
        </ActionButton>
      </Section>
    )
  }

  if (!session.profile) return <VerifyForm />

  const { profile } = session
  return (
    <Section title="认证成功">
      <View className="sign-in__who" {...a11y({ role: 'status' })}>
        {profile.person.name}，{ROLE_TEXT[profile.role]}
      </View>
      <View className="muted">{roleSummary(profile)}</View>
      {profile.units.map((unit) => (
        <View key={unit.id}>
          {unit.estateName} {unit.label}（{unit.area} 平方米）
        </View>
      ))}
      <ActionButton onClick={onDone}>进入邻里共治</ActionButton>
    </Section>
  )
}
