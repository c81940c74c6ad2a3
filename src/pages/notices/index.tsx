import { View } from '@tarojs/components'

import { EmptyState, Screen, Section } from '@/lib/ui'

// Notices come in a later step; until then the tab is honest about it.
export default function NoticesPage() {
  return (
    <Screen title="公告">
      <EmptyState title="即将上线" hint="公告功能正在建设中" />
      <Section title="上线后可以">
        <View>
          · 阅读居委会、业委会和物业发布的通知，置顶的重要公告排在最前
        </View>
        <View>· 查看会议与表决公告、表决结果公布、整改公示和公共收益公示</View>
        <View>· 及时收到停水、停电等紧急通知</View>
      </Section>
    </Screen>
  )
}
