import { View } from '@tarojs/components'

import type { RepairEventView } from '@/core/repairs-api'
import { formatDateTime } from '@/lib/time'
import { a11y } from '@/lib/ui'

import { eventText } from '../repair-text'

/** Every change of the case, oldest first: what, who, when and why. */
export function Timeline({ events }: { events: RepairEventView[] }) {
  return (
    <View
      className="repair-timeline"
      {...a11y({ role: 'list', label: '处理进度' })}
    >
      {events.map((e) => (
        <View
          key={e.seq}
          className="repair-timeline__item"
          {...a11y({ role: 'listitem' })}
        >
          <View className="repair-timeline__what">{eventText(e)}</View>
          <View className="muted">
            {formatDateTime(e.at)} · {e.actor}
          </View>
          {e.note ? (
            <View className="repair-timeline__note">说明：{e.note}</View>
          ) : null}
        </View>
      ))}
    </View>
  )
}
