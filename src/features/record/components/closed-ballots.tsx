import { View } from '@tarojs/components'

import { PHASE_TEXT } from '@/core/ballot'
import { useRemote } from '@/lib/remote'
import { formatDateTime } from '@/lib/time'
import { a11y, EmptyState, RemoteView } from '@/lib/ui'

import { listClosedBallots } from '../api/list-closed-ballots'
import './record.scss'

export interface ClosedBallotsProps {
  estateId: string
  onAudit: (ballotId: string) => void
}

/** The estate's closed ballots, any of which an owner may audit in full. */
export function ClosedBallots({ estateId, onAudit }: ClosedBallotsProps) {
  const { state, reload } = useRemote(`closed:${estateId}`, () =>
    listClosedBallots(estateId),
  )
  return (
    <RemoteView
      state={state}
      loadingText="正在加载已截止的表决…"
      onRetry={reload}
    >
      {({ ballots }) =>
        ballots.length === 0 ? (
          <EmptyState
            title="还没有已截止的表决"
            hint="投票截止后，可在这里全量核验"
          />
        ) : (
          <View {...a11y({ role: 'list' })}>
            {ballots.map((b) => (
              <View
                key={b.id}
                className="record-card"
                onClick={() => onAudit(b.id)}
                {...a11y({
                  role: 'link',
                  label: `全量核验：${b.title}`,
                  focusable: true,
                })}
              >
                <View className="record-card__title">{b.title}</View>
                <View className="muted">
                  {PHASE_TEXT[b.phase]} · 截止于 {formatDateTime(b.closesAt)}
                </View>
              </View>
            ))}
          </View>
        )
      }
    </RemoteView>
  )
}
