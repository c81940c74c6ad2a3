import { useDidShow } from '@tarojs/taro'
import type { ReactNode } from 'react'

import type { Profile } from '@/core/api-types'
import { goToSignIn } from '@/lib/navigation'
import { ActionButton, EmptyState } from '@/lib/ui'

import { selectProfile, useSession } from '../session-store'

export interface SignedInProps {
  children: (profile: Profile) => ReactNode
}

/**
 * Renders `children` for a verified, unexpired session; otherwise sends
 * the person to sign in (and back here afterwards). Checked each time
 * the page shows, since a session can expire while a tab sits behind.
 */
export function SignedIn({ children }: SignedInProps) {
  const profile = useSession((s) => selectProfile(s))

  useDidShow(() => {
    if (!selectProfile(useSession.getState())) goToSignIn()
  })

  if (!profile) {
    return (
      <>
        <EmptyState title="请先登录并完成实名认证" hint="登录后会回到这一页" />
        <ActionButton onClick={() => goToSignIn()}>去登录</ActionButton>
      </>
    )
  }
  return <>{children(profile)}</>
}
