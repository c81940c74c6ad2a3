import { View } from '@tarojs/components'

import { STAFF_ORG_TEXT } from '@/core/api-types'
import { PHASE_TEXT } from '@/core/ballot'
import { useRemote } from '@/lib/remote'
import { a11y, ActionButton, EmptyState, RemoteView, Section } from '@/lib/ui'

import { listStaffBallots } from '../api/ballot-admin'
import './ballot-admin.scss'

export interface StaffBallotsProps {
  estateId: string
  onNew: () => void
  onOpen: (ballotId: string, phase: string) => void
  refreshKey?: number
}

/**
 * An estate's ballots as its organisers see them, drafts included, with
 * the capacity they act in. A property company's staff get the
 * catalogue's refusal here, not an empty list.
 */
export function StaffBallots({
  estateId,
  onNew,
  onOpen,
  refreshKey = 0,
}: StaffBallotsProps) {
  const { state, reload } = useRemote(`${estateId}:${refreshKey}`, () =>
    listStaffBallots(estateId),
  )
  return (
    <RemoteView state={state} loadingText="正在加载表决…" onRetry={reload}>
      {({ organizer, ballots }) => (
        <View>
          <Section title="组织身份">
            <View>{STAFF_ORG_TEXT[organizer.org]}</View>
            {organizer.mandate ? (
              <View className="muted">受业主大会委托：{organizer.mandate}</View>
            ) : null}
          </Section>
          <ActionButton onClick={onNew}>新建表决</ActionButton>
          {ballots.length === 0 ? (
            <EmptyState title="还没有表决" />
          ) : (
            <View {...a11y({ role: 'list', label: '本小区的表决' })}>
              {ballots.map((b) => (
                <View key={b.id} {...a11y({ role: 'listitem' })}>
                  <View
                    className="ballot-card"
                    onClick={() => onOpen(b.id, b.phase)}
                    {...a11y({
                      role: 'link',
                      label: `${b.title}，${PHASE_TEXT[b.phase]}`,
                      focusable: true,
                    })}
                  >
                    <View className={`tag tag--${b.phase}`}>
                      {PHASE_TEXT[b.phase]}
                    </View>
                    <View className="ballot-card__title">{b.title}</View>
                  </View>
                </View>
              ))}
            </View>
          )}
        </View>
      )}
    </RemoteView>
  )
}
