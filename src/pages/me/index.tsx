import { View } from '@tarojs/components'

import type { Profile } from '@/core/api-types'
import { ROLE_TEXT, SignedIn, useSession } from '@/features/identity'
import { ElderModeSwitch } from '@/features/settings'
import { useReceipts } from '@/features/record'
import { useVoteDrafts } from '@/features/voting'
import { openPage, ROUTES } from '@/lib/navigation'
import { ActionButton, Screen, Section } from '@/lib/ui'

function signOut() {
  // Receipts and drafts belong to the person, not to the phone.
  useVoteDrafts.getState().clearAll()
  useReceipts.getState().clear()
  useSession.getState().signOut()
}

function Me({ profile }: { profile: Profile }) {
  const { person } = profile
  return (
    <>
      <Section title="个人信息">
        <View>姓名：{person.name}</View>
        <View>身份证号：{person.idNumberMasked}</View>
        <View>手机号：{person.phoneMasked}</View>
        <View>身份：{ROLE_TEXT[profile.role]}</View>
      </Section>
      <Section title="我的房屋">
        {profile.units.length === 0 ? (
          <View className="muted">不动产登记中没有您名下的房屋</View>
        ) : (
          profile.units.map((u) => (
            <View key={u.id}>
              {u.estateName} {u.label}：{u.area} 平方米
              {u.ownerCount > 1 ? `（${u.ownerCount} 人共有）` : ''}
            </View>
          ))
        )}
      </Section>
      <Section title="设置">
        <ElderModeSwitch />
      </Section>
      <ActionButton kind="secondary" onClick={() => openPage(ROUTES.receipt)}>
        我的回执
      </ActionButton>
      <ActionButton kind="secondary" onClick={() => openPage(ROUTES.audit)}>
        核验表决记录
      </ActionButton>
      {profile.staffRoles.length > 0 ? (
        <ActionButton
          kind="secondary"
          onClick={() => openPage(ROUTES.staffBallots)}
        >
          组织表决（工作人员）
        </ActionButton>
      ) : null}
      <ActionButton
        kind="secondary"
        onClick={() => {
          signOut()
          openPage(ROUTES.login)
        }}
      >
        退出登录
      </ActionButton>
    </>
  )
}

export default function MePage() {
  return (
    <Screen title="我的">
      <SignedIn>{(profile) => <Me profile={profile} />}</SignedIn>
    </Screen>
  )
}
