import { View } from '@tarojs/components'

import { EmptyState, Screen, Section } from '@/lib/ui'

// The repair-case feature is not built yet; this tab says so rather than
// showing made-up cases.
export default function RepairsPage() {
  return (
    <Screen title="报事报修">
      <EmptyState title="即将上线" hint="报事报修功能正在建设中" />
      <Section title="上线后可以">
        <View>· 报告房屋、楼栋或公共区域的问题，附照片并注明紧急程度</View>
        <View>
          · 随时查看处理进度：受理、派单、处理中、已解决，以及由谁处理
        </View>
        <View>· 问题解决后确认并评价，没修好可以重新打开</View>
      </Section>
    </Screen>
  )
}
