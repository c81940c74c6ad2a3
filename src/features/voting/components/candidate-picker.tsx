import { Image, View } from '@tarojs/components'

import type { CandidateView, ElectionView } from '@/core/election-api'
import { a11y } from '@/lib/ui'

export interface CandidatePickerProps {
  /** What is being decided, for the group's accessible name. */
  label: string
  election: ElectionView
  picks: readonly string[]
  abstained: boolean
  onChange: (picks: string[]) => void
  onAbstain: () => void
}

export function pickCountText(count: number, maxPicks: number): string {
  return `已选 ${count}/${maxPicks}`
}

const KIND_TEXT = { person: '个人', company: '投标企业' } as const

/**
 * The candidates as checkboxes, at most `maxPicks` ticked: once the
 * limit is reached the others are disabled, with the reason said, so the
 * app never sends a vote the backend would refuse (TOO_MANY_PICKS). The
 * count is a live region, so a screen reader hears it change.
 */
export function CandidatePicker({
  label,
  election,
  picks,
  abstained,
  onChange,
  onAbstain,
}: CandidatePickerProps) {
  const { maxPicks, seats } = election
  const full = picks.length >= maxPicks

  function toggle(id: string) {
    if (picks.includes(id)) onChange(picks.filter((p) => p !== id))
    else if (!full) onChange([...picks, id])
  }

  return (
    <View>
      <View className="muted">
        应选 {seats} 名，每人最多选 {maxPicks} 名，也可以弃权
      </View>
      <View className="picker__count" {...a11y({ live: 'polite' })}>
        {pickCountText(picks.length, maxPicks)}
        {full ? `（已达上限，如需改选请先取消一名）` : ''}
      </View>
      <View className="picker" {...a11y({ role: 'group', label })}>
        {election.candidates.map((candidate) => (
          <CandidateRow
            key={candidate.id}
            candidate={candidate}
            checked={picks.includes(candidate.id)}
            disabled={full && !picks.includes(candidate.id)}
            onToggle={() => toggle(candidate.id)}
          />
        ))}
      </View>
      <View
        className={`choice choice--abstain${abstained ? ' choice--on' : ''}`}
        onClick={onAbstain}
        {...a11y({
          role: 'checkbox',
          label: '弃权（本项不选任何候选人）',
          checked: abstained,
          focusable: true,
        })}
      >
        <View className="choice__mark" aria-hidden="true">
          {abstained ? '☑' : '☐'}
        </View>
        <View className="choice__text">弃权（本项不选任何候选人）</View>
      </View>
    </View>
  )
}

function CandidateRow({
  candidate,
  checked,
  disabled,
  onToggle,
}: {
  candidate: CandidateView
  checked: boolean
  disabled: boolean
  onToggle: () => void
}) {
  const kind = KIND_TEXT[candidate.kind]
  return (
    <View
      className={`candidate${checked ? ' candidate--on' : ''}${disabled ? ' candidate--off' : ''}`}
      onClick={onToggle}
      {...a11y({
        role: 'checkbox',
        label: `${candidate.seq} 号候选人 ${candidate.name}`,
        checked,
        disabled,
        focusable: true,
      })}
    >
      <View className="choice__mark" aria-hidden="true">
        {checked ? '☑' : '☐'}
      </View>
      {candidate.photoUrl ? (
        <Image
          className="candidate__photo"
          src={candidate.photoUrl}
          mode="aspectFill"
          aria-hidden="true"
        />
      ) : (
        // Initial only: no photo was published (or none was given).
        <View className="candidate__photo candidate__initial" aria-hidden>
          {Array.from(candidate.name)[0]}
        </View>
      )}
      <View className="candidate__body">
        <View className="candidate__name">
          {candidate.seq} 号 {candidate.name}
          <View className="candidate__kind">{kind}</View>
        </View>
        <View className="candidate__statement">
          {candidate.statement ?? '候选人未同意公开简介'}
        </View>
        {candidate.documents.length > 0 ? (
          <View className="muted">附 {candidate.documents.length} 份材料</View>
        ) : null}
      </View>
      {checked ? (
        <View className="choice__on" aria-hidden="true">
          已选
        </View>
      ) : null}
    </View>
  )
}
