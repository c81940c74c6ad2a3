import { View } from '@tarojs/components'

import type { Turnout } from '@/core/api-types'
import { parseArea, percent } from '@/core/area'
import { QUORUM, reaches } from '@/core/tally'
import { a11y } from '@/lib/ui'

import './voting.scss'

interface BarProps {
  name: string
  part: number
  whole: number
  partText: string
  wholeText: string
}

// Where the quorum line sits on each bar, as a CSS percentage.
const QUORUM_LINE = `${((QUORUM.numerator / QUORUM.denominator) * 100).toFixed(2)}%`

function Bar({ name, part, whole, partText, wholeText }: BarProps) {
  const share = percent(part, whole)
  const reached = reaches(part, whole, QUORUM)
  const status = reached ? '已达到' : '未达到'
  const text = `${name}：已参与 ${partText}，共 ${wholeText}，占 ${share}%，${status}${QUORUM.label}`
  return (
    <View className="turnout__row">
      <View className="turnout__label">
        <View className="turnout__name">{name}</View>
        <View
          className={`turnout__status${reached ? ' turnout__status--ok' : ''}`}
        >
          {reached ? '✓ ' : ''}
          {status}三分之二
        </View>
      </View>
      <View
        className="turnout__track"
        {...a11y({ role: 'progressbar', label: text })}
        aria-valuemin="0"
        aria-valuemax="100"
        aria-valuenow={share}
        aria-valuetext={text}
      >
        <View
          className="turnout__fill"
          style={{ width: `${Math.min(100, Number(share))}%` }}
        />
        <View
          className="turnout__quorum"
          style={{ left: QUORUM_LINE }}
          aria-hidden="true"
        />
      </View>
      <View className="turnout__numbers">
        已参与 {partText} / 共 {wholeText}（{share}%）
      </View>
    </View>
  )
}

export interface TurnoutGaugeProps {
  turnout: Turnout
}

/**
 * How many have taken part, by area and by headcount, each against the
 * 2/3 quorum (both must reach it). Shows participation only: the running
 * count of 同意/反对 stays hidden until the ballot closes.
 */
export function TurnoutGauge({ turnout }: TurnoutGaugeProps) {
  const { totals, participating } = turnout
  const areaPart = parseArea(participating.area) ?? 0
  const areaWhole = parseArea(totals.area) ?? 0
  return (
    <View className="turnout">
      <Bar
        name="专有部分面积"
        part={areaPart}
        whole={areaWhole}
        partText={`${participating.area} 平方米`}
        wholeText={`${totals.area} 平方米`}
      />
      <Bar
        name="人数"
        part={participating.headcount}
        whole={totals.headcount}
        partText={`${participating.headcount} 人`}
        wholeText={`${totals.headcount} 人`}
      />
      <View className="turnout__legend muted">
        竖线为法定参与线：面积和人数都须达到三分之二以上，表决才有效。
      </View>
      <View className="turnout__verdict" {...a11y({ role: 'status' })}>
        {turnout.quorum
          ? '✓ 参与已达法定比例'
          : '参与尚未达到法定比例（面积和人数均须三分之二以上）'}
      </View>
    </View>
  )
}
