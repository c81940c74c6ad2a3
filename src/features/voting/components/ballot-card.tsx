import { View } from '@tarojs/components'

import type { BallotSummary } from '@/core/api-types'
import { parseArea, percent } from '@/core/area'
import { PHASE_TEXT } from '@/core/ballot'
import { formatShortDateTime, timeLeftText } from '@/lib/time'
import { a11y } from '@/lib/ui'

import { electorateText, myStatusText } from '../ballot-text'

function whenText(b: BallotSummary, now: number): string {
  switch (b.phase) {
    case 'open':
      return `${timeLeftText(b.closesAt, now)}，${formatShortDateTime(b.closesAt)} 截止`
    case 'announced':
    case 'draft':
      return `${formatShortDateTime(b.opensAt)} 开始投票`
    case 'closed':
    case 'published':
      return `已于 ${formatShortDateTime(b.closesAt)} 截止`
  }
}

export interface BallotCardProps {
  ballot: BallotSummary
  now: number
  onOpen: (ballotId: string) => void
}

export function BallotCard({ ballot, now, onOpen }: BallotCardProps) {
  const { turnout } = ballot
  const areaShare = percent(
    parseArea(turnout.participating.area) ?? 0,
    parseArea(turnout.totals.area) ?? 0,
  )
  const headShare = percent(
    turnout.participating.headcount,
    turnout.totals.headcount,
  )
  const when = whenText(ballot, now)
  const status = myStatusText(ballot)
  const todo =
    ballot.phase === 'open' &&
    ballot.myStatus !== 'voted' &&
    ballot.myStatus !== 'not-eligible'
  return (
    <View
      className="ballot-card"
      onClick={() => onOpen(ballot.id)}
      {...a11y({
        role: 'link',
        label: `${ballot.title}，${PHASE_TEXT[ballot.phase]}，${status}，${when}`,
        focusable: true,
      })}
    >
      <View className="ballot-card__tags">
        <View className={`tag tag--${ballot.phase}`}>
          {PHASE_TEXT[ballot.phase]}
        </View>
        <View className={`tag${todo ? ' tag--todo' : ''}`}>{status}</View>
      </View>
      <View className="ballot-card__title">{ballot.title}</View>
      <View className="ballot-card__when">{when}</View>
      <View className="muted">
        {electorateText(ballot.electorate)} · {ballot.itemCount} 项 · 参与面积{' '}
        {areaShare}% · 人数 {headShare}%
      </View>
    </View>
  )
}
