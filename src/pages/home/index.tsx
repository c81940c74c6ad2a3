import { View } from '@tarojs/components'
import { useDidShow } from '@tarojs/taro'
import { useState } from 'react'

import type { Profile } from '@/core/api-types'
import { ROLE_TEXT, SignedIn } from '@/features/identity'
import { PinnedNotices } from '@/features/notices'
import { listBallots } from '@/features/voting'
import { openPage, ROUTES, withQuery } from '@/lib/navigation'
import { useRemote } from '@/lib/remote'
import { a11y, ActionButton, Screen, Section } from '@/lib/ui'

function ToVote({ estateId }: { estateId: string }) {
  const [shown, setShown] = useState(0)
  useDidShow(() => setShown((n) => n + 1))
  const { state } = useRemote(`${estateId}:${shown}`, () =>
    listBallots(estateId, 'to-vote'),
  )
  if (state.status !== 'ok') {
    return (
      <View {...a11y({ role: 'status' })}>
        {state.status === 'failed'
          ? '暂时无法获取待投票事项'
          : '正在查看待投票事项…'}
      </View>
    )
  }
  const count = state.data.ballots.length
  return (
    <View className="home__count" {...a11y({ role: 'status' })}>
      {count > 0 ? `有 ${count} 项表决等您投票` : '目前没有等您投票的表决'}
    </View>
  )
}

function Home({ profile }: { profile: Profile }) {
  const estate = profile.estates[0]
  return (
    <>
      <Section title={`您好，${profile.person.name}`}>
        <View>
          {estate ? estate.name : '暂无登记小区'} · {ROLE_TEXT[profile.role]}
        </View>
        {estate && profile.role === 'owner' ? (
          <ToVote estateId={estate.id} />
        ) : null}
      </Section>
      {estate ? (
        <Section title="置顶公告">
          <PinnedNotices
            estateId={estate.id}
            onOpen={(id) => openPage(withQuery(ROUTES.notice, { id }))}
          />
          <ActionButton kind="link" onClick={() => openPage(ROUTES.notices)}>
            查看全部公告
          </ActionButton>
        </Section>
      ) : null}
      <Section title="常用">
        <ActionButton onClick={() => openPage(ROUTES.ballots)}>
          议事：查看表决
        </ActionButton>
        <ActionButton kind="secondary" onClick={() => openPage(ROUTES.receipt)}>
          我的回执
        </ActionButton>
        <ActionButton kind="secondary" onClick={() => openPage(ROUTES.me)}>
          长辈模式与个人信息
        </ActionButton>
      </Section>
    </>
  )
}

export default function HomePage() {
  return (
    <Screen title="邻里共治" subtitle="新桥镇 · 随申办旗舰店">
      <SignedIn>{(profile) => <Home profile={profile} />}</SignedIn>
    </Screen>
  )
}
