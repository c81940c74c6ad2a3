import { View } from '@tarojs/components'

import type { ElectionItemResult } from '@/core/election-api'
import type { ItemResult } from '@/core/voting-api'
import { a11y } from '@/lib/ui'

import { areaOf, QuorumStep, ThresholdBar } from './result-bars'

/**
 * The outcome of an election in plain words: who was elected, or that
 * nobody was and why, or that a run-off is needed between whom.
 */
export function electionVerdict(r: ItemResult, e: ElectionItemResult): string {
  const name = new Map(e.candidates.map((c) => [c.id, c.name]))
  const named = (ids: string[]) =>
    ids.map((id) => name.get(id) ?? id).join('、')
  switch (e.outcome) {
    case 'no-quorum':
      return `✗ 无人当选：参与表决的业主未达到${r.quorumThreshold.label}`
    case 'nobody-qualified':
      return `✗ 无人当选：没有候选人同时获得参与面积和参与人数${r.approvalThreshold.label}的支持`
    case 'runoff-needed':
      return e.elected.length > 0
        ? `✓ ${named(e.elected)} 当选；${named(e.runoff)} 得票完全相同，争最后席位，需另行表决`
        : `✗ ${named(e.runoff)} 得票完全相同，争最后席位，需另行表决`
    case 'elected':
      return e.elected.length < e.seats
        ? `✓ ${named(e.elected)} 当选（应选 ${e.seats} 名，其余席位无人达到过半数）`
        : `✓ ${named(e.elected)} 当选`
  }
}

/**
 * An election item's result: the quorum as for any item, then each
 * candidate's support by area and by headcount against the > half line
 * of the participants. Seats go by headcount, then area, among those who
 * pass both.
 */
export function ElectionResultView({
  result: r,
  election: e,
}: {
  result: ItemResult
  election: ElectionItemResult
}) {
  const ok = e.elected.length > 0
  return (
    <View className="result-item">
      <View
        className="result-item__title"
        {...a11y({ role: 'heading', level: 3 })}
      >
        第 {r.seq} 项 {r.title}
      </View>
      <View className="muted">
        选举：应选 {e.seats} 名，每人最多选 {e.maxPicks} 名
      </View>
      <View
        className={`result-item__verdict${ok ? ' result-item__verdict--ok' : ''}`}
        {...a11y({ role: 'status' })}
      >
        {electionVerdict(r, e)}
      </View>

      <QuorumStep result={r} />

      <View className="result-item__step">
        第二步：每位候选人的支持够不够（面积和人数都须
        {r.approvalThreshold.label}）
      </View>
      {e.candidates.map((c) => (
        <View key={c.id} className="result-candidate">
          <View className="item__title">
            {c.name}
            {c.elected ? '（当选）' : ''}
            {e.runoff.includes(c.id) ? '（需另行表决）' : ''}
          </View>
          <ThresholdBar
            name={`${c.name} 支持面积`}
            part={areaOf(c)}
            whole={areaOf(r.participating)}
            partText={`${c.area} 平方米`}
            wholeText={`参与面积 ${r.participating.area} 平方米`}
            threshold={r.approvalThreshold}
            goal="支持"
          />
          <ThresholdBar
            name={`${c.name} 支持人数`}
            part={c.headcount}
            whole={r.participating.headcount}
            partText={`${c.headcount} 人`}
            wholeText={`参与人数 ${r.participating.headcount} 人`}
            threshold={r.approvalThreshold}
            goal="支持"
          />
        </View>
      ))}
      <View className="muted">
        弃权 {r.abstain.headcount} 人（{r.abstain.area}{' '}
        平方米），计入参与，但不支持任何候选人。
      </View>
    </View>
  )
}
