import { View } from '@tarojs/components'

import { useRemote } from '@/lib/remote'
import { a11y, RemoteView } from '@/lib/ui'

import { getRollPreview } from '../api/ballot-admin'

/**
 * The roll as the tally will count it: units, area and headcount, with
 * the counting rules spelled out (several units of one owner are one
 * person; all the developer's units are one person; a co-owned unit is
 * one person), and the units per building.
 */
export function RollPreviewView({
  ballotId,
  refreshKey = '',
}: {
  ballotId: string
  /** Changes when the electorate changes, to load the preview again. */
  refreshKey?: string
}) {
  const { state, reload } = useRemote(`${ballotId}:${refreshKey}`, () =>
    getRollPreview(ballotId),
  )
  return (
    <RemoteView state={state} loadingText="正在计算名册…" onRetry={reload}>
      {(roll) => (
        <View>
          <View className="roll__totals" {...a11y({ role: 'status' })}>
            房屋 {roll.units} 套 · 专有部分面积 {roll.area} 平方米 · 业主人数{' '}
            {roll.headcount} 人
          </View>
          <View className="muted">
            {roll.frozen
              ? '名册已于公告时冻结，此后的房屋过户不影响本次表决。'
              : '草稿阶段按当前不动产登记计算；公告时冻结。'}
          </View>
          <View>
            人数计算：一人名下 {roll.multiUnitOwners}{' '}
            位业主有多套房，各计一人、面积相加；开发建设单位未出售或未交付的{' '}
            {roll.developerHeldUnits} 套房屋合计一人；{roll.coOwnedUnits}{' '}
            套共有房屋各计一人。
          </View>
          <View {...a11y({ role: 'list', label: '各楼栋房屋' })}>
            {roll.buildings.map((b) => (
              <View
                key={b.building}
                className="roll__building"
                {...a11y({ role: 'listitem' })}
              >
                {b.building} 号楼：{b.units} 套，{b.area} 平方米
              </View>
            ))}
          </View>
        </View>
      )}
    </RemoteView>
  )
}
