import { View } from '@tarojs/components'

import { percent } from '@/core/area'
import { useRemote } from '@/lib/remote'
import { a11y, RemoteView } from '@/lib/ui'

import { getReadCounts } from '../api/get-read-counts'
import './notices.scss'

export interface ReadCountsProps {
  noticeId: string
}

/**
 * For staff: how many of the people a notice reaches have opened it, per
 * building (everyone who owns or lives in a unit there).
 */
export function ReadCounts({ noticeId }: ReadCountsProps) {
  const { state, reload } = useRemote(noticeId, () => getReadCounts(noticeId))
  return (
    <RemoteView state={state} loadingText="正在统计阅读人数…" onRetry={reload}>
      {(counts) => (
        <View>
          <View className="reads__total" {...a11y({ role: 'status' })}>
            已读 {counts.totalRead} 人 / 应读 {counts.totalReaders} 人（
            {percent(counts.totalRead, counts.totalReaders)}%）
          </View>
          <View
            className="money-table"
            {...a11y({ role: 'table', label: '各楼栋阅读人数' })}
          >
            <View className="money-table__head" {...a11y({ role: 'row' })}>
              <View {...a11y({ role: 'columnheader' })}>楼栋</View>
              <View {...a11y({ role: 'columnheader' })}>已读 / 应读</View>
            </View>
            {counts.buildings.map((b) => (
              <View
                key={b.building}
                className="money-table__row"
                {...a11y({ role: 'row' })}
              >
                <View
                  className="money-table__label"
                  {...a11y({ role: 'cell' })}
                >
                  {b.building}号楼
                </View>
                <View
                  className="money-table__amount"
                  {...a11y({ role: 'cell' })}
                >
                  {b.read} / {b.readers} 人
                </View>
              </View>
            ))}
          </View>
        </View>
      )}
    </RemoteView>
  )
}
