import { View } from '@tarojs/components'
import { useState } from 'react'

import type { BallotFilter } from '@/core/api-types'
import { useRemote } from '@/lib/remote'
import { a11y, EmptyState, RemoteView } from '@/lib/ui'

import { listBallots } from '../api/list-ballots'
import { sortBallots } from '../ballot-text'
import { BallotCard } from './ballot-card'

const FILTERS: { value: BallotFilter; text: string }[] = [
  { value: 'all', text: '全部' },
  { value: 'open', text: '投票中' },
  { value: 'to-vote', text: '待我投票' },
  { value: 'closed', text: '已结束' },
]

const EMPTY_TEXT: Record<BallotFilter, string> = {
  all: '本小区还没有表决',
  open: '现在没有正在投票的表决',
  'to-vote': '没有等您投票的表决',
  closed: '还没有已结束的表决',
}

export interface BallotListProps {
  estateId: string
  onOpen: (ballotId: string) => void
  /** Bumped by the page to reload, e.g. when the tab is shown again. */
  refreshKey?: number
}

export function BallotList({
  estateId,
  onOpen,
  refreshKey = 0,
}: BallotListProps) {
  const [filter, setFilter] = useState<BallotFilter>('all')
  const { state, reload } = useRemote(
    `${estateId}:${filter}:${refreshKey}`,
    () => listBallots(estateId, filter),
  )
  return (
    <View>
      <View
        className="filters"
        {...a11y({ role: 'tablist', label: '筛选表决' })}
      >
        {FILTERS.map((f) => (
          <View
            key={f.value}
            className={`filters__tab${f.value === filter ? ' filters__tab--on' : ''}`}
            onClick={() => setFilter(f.value)}
            {...a11y({
              role: 'tab',
              selected: f.value === filter,
              focusable: true,
            })}
          >
            {f.text}
          </View>
        ))}
      </View>
      <RemoteView state={state} loadingText="正在加载表决…" onRetry={reload}>
        {({ ballots }) => {
          if (ballots.length === 0) {
            return (
              <EmptyState
                title={EMPTY_TEXT[filter]}
                hint="表决公告后会出现在这里"
              />
            )
          }
          const now = Date.now()
          return (
            <View {...a11y({ role: 'list' })}>
              {sortBallots(ballots).map((b) => (
                <View key={b.id} {...a11y({ role: 'listitem' })}>
                  <BallotCard ballot={b} now={now} onOpen={onOpen} />
                </View>
              ))}
            </View>
          )
        }}
      </RemoteView>
    </View>
  )
}
