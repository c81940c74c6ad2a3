import { View } from '@tarojs/components'

import type { MeasureView } from '@/core/api-types'
import { parseArea, percent } from '@/core/area'
import { CHOICE_TEXT, MATTER_TEXT } from '@/core/ballot'
import { reaches } from '@/core/tally'
import type { ItemResult, ThresholdView } from '@/core/voting-api'
import { a11y } from '@/lib/ui'

import './voting.scss'
import './result.scss'

interface ThresholdBarProps {
  /** 参与面积, 同意人数, … */
  name: string
  part: number
  whole: number
  partText: string
  wholeText: string
  threshold: ThresholdView
  /** What reaching the line means, e.g. 参与 or 同意. */
  goal: string
}

export const areaOf = (m: MeasureView) => parseArea(m.area) ?? 0

/**
 * One measure against its legal line: a bar filled to the share, a black
 * line where the threshold sits, and the whole sentence for a screen
 * reader. Reaching the line is decided in integers by the core's
 * `reaches`, never from the rounded percentage shown.
 */
export function ThresholdBar({
  name,
  part,
  whole,
  partText,
  wholeText,
  threshold,
  goal,
}: ThresholdBarProps) {
  const share = percent(part, whole)
  const reached = whole > 0 && reaches(part, whole, threshold)
  // "已达到过半数" is not Chinese: a strict majority is "已过半数".
  const status = threshold.inclusive
    ? `${reached ? '已达到' : '未达到'}${threshold.label}`
    : `${reached ? '已' : '未'}${threshold.label}`
  const line = `${((threshold.numerator / threshold.denominator) * 100).toFixed(2)}%`
  const text = `${name}：${partText}，占 ${wholeText} 的 ${share}%，${status}`
  return (
    <View className="turnout__row">
      <View className="turnout__label">
        <View className="turnout__name">{name}</View>
        <View
          className={`turnout__status${reached ? ' turnout__status--ok' : ''}`}
        >
          {reached ? '✓ ' : '✗ '}
          {status}
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
          className={`turnout__fill${reached ? ' turnout__fill--ok' : ''}`}
          style={{ width: `${Math.min(100, Number(share))}%` }}
        />
        <View
          className="turnout__quorum"
          style={{ left: line }}
          aria-hidden="true"
        />
      </View>
      <View className="turnout__numbers">
        {partText} / {wholeText}（{share}%）· 须{goal}
        {threshold.label}
      </View>
    </View>
  )
}

/**
 * The first step of every item's result, yes/no or election alike: did
 * 2/3 of the area and of the headcount take part?
 */
export function QuorumStep({ result: r }: { result: ItemResult }) {
  return (
    <>
      <View className="result-item__step">
        第一步：参与表决的业主够不够（面积和人数都须{r.quorumThreshold.label}）
      </View>
      <ThresholdBar
        name="参与面积"
        part={areaOf(r.participating)}
        whole={areaOf(r.totals)}
        partText={`${r.participating.area} 平方米`}
        wholeText={`总面积 ${r.totals.area} 平方米`}
        threshold={r.quorumThreshold}
        goal="参与"
      />
      <ThresholdBar
        name="参与人数"
        part={r.participating.headcount}
        whole={r.totals.headcount}
        partText={`${r.participating.headcount} 人`}
        wholeText={`总人数 ${r.totals.headcount} 人`}
        threshold={r.quorumThreshold}
        goal="参与"
      />
    </>
  )
}

function verdictText(r: ItemResult): string {
  if (r.approved) return '✓ 通过'
  if (!r.quorum) return '✗ 未通过：参与表决的业主未达到三分之二'
  return `✗ 未通过：同意的未达到${r.approvalThreshold.label}`
}

/**
 * One item's outcome, readable without knowing the law: the verdict in
 * words first, then the two steps it rests on (enough owners took part;
 * enough of them agreed), each by area and by headcount, and the plain
 * figures of 同意 / 反对 / 弃权.
 */
export function ItemResultView({ result: r }: { result: ItemResult }) {
  return (
    <View className="result-item">
      <View
        className="result-item__title"
        {...a11y({ role: 'heading', level: 3 })}
      >
        第 {r.seq} 项 {r.title}
      </View>
      <View className="muted">{MATTER_TEXT[r.matter]}</View>
      <View
        className={`result-item__verdict${r.approved ? ' result-item__verdict--ok' : ''}`}
        {...a11y({ role: 'status' })}
      >
        {verdictText(r)}
      </View>

      <QuorumStep result={r} />

      <View className="result-item__step">
        第二步：参与者中同意的够不够（面积和人数都须
        {r.approvalThreshold.label}）
      </View>
      <ThresholdBar
        name="同意面积"
        part={areaOf(r.agree)}
        whole={areaOf(r.participating)}
        partText={`${r.agree.area} 平方米`}
        wholeText={`参与面积 ${r.participating.area} 平方米`}
        threshold={r.approvalThreshold}
        goal="同意"
      />
      <ThresholdBar
        name="同意人数"
        part={r.agree.headcount}
        whole={r.participating.headcount}
        partText={`${r.agree.headcount} 人`}
        wholeText={`参与人数 ${r.participating.headcount} 人`}
        threshold={r.approvalThreshold}
        goal="同意"
      />

      <View
        className="result-table"
        {...a11y({ role: 'list', label: '票数明细' })}
      >
        {(['agree', 'oppose', 'abstain'] as const).map((choice) => (
          <View
            key={choice}
            className="result-table__row"
            {...a11y({ role: 'listitem' })}
          >
            <View className="result-table__cell result-table__cell--name">
              {CHOICE_TEXT[choice]}
            </View>
            <View className="result-table__cell">{r[choice].area} 平方米</View>
            <View className="result-table__cell">{r[choice].headcount} 人</View>
          </View>
        ))}
      </View>
      <View className="muted">弃权计入参与，但不算同意。</View>
    </View>
  )
}
