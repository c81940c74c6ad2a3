import { View } from '@tarojs/components'

import { URGENCY_TEXT } from '@/core/repair-case'
import type { RepairCaseSummary } from '@/core/repairs-api'
import { formatShortDateTime } from '@/lib/time'
import { a11y } from '@/lib/ui'

import {
  caseHeading,
  HANDLER_TEXT,
  STATE_TEXT,
  stateTone,
} from '../repair-text'

export interface CaseCardProps {
  kase: RepairCaseSummary
  onOpen: (caseId: string) => void
}

/** One case in a list: what, where, its state, and whether it is late. */
export function CaseCard({ kase, onOpen }: CaseCardProps) {
  const heading = caseHeading(kase)
  return (
    <View
      className={`case-card${kase.overdue ? ' case-card--overdue' : ''}`}
      onClick={() => onOpen(kase.id)}
      {...a11y({
        role: 'link',
        label: `${heading}，${STATE_TEXT[kase.state]}${kase.overdue ? '，已超时' : ''}`,
        focusable: true,
      })}
    >
      <View>
        <View className={`tag tag--${stateTone(kase.state)}`}>
          {STATE_TEXT[kase.state]}
        </View>
        {kase.overdue ? <View className="tag tag--overdue">已超时</View> : null}
        {kase.urgency === 'emergency' ? (
          <View className="tag tag--overdue">{URGENCY_TEXT.emergency}</View>
        ) : null}
      </View>
      <View className="case-card__title">{heading}</View>
      <View>{kase.title}</View>
      <View className="muted">
        {kase.id} · {formatShortDateTime(kase.reportedAt)} 报修 ·{' '}
        {HANDLER_TEXT[kase.handler]}办理
      </View>
    </View>
  )
}
