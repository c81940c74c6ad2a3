import { View } from '@tarojs/components'
import { useEffect } from 'react'

import type { BallotDetail as Ballot, MyVoter } from '@/core/api-types'
import { MATTER_TEXT, PHASE_TEXT } from '@/core/ballot'
import { useRemote } from '@/lib/remote'
import { formatDateTime, timeLeftText } from '@/lib/time'
import { ActionButton, RemoteView, Section } from '@/lib/ui'

import { getBallot } from '../api/get-ballot'
import {
  electorateText,
  organizerText,
  unitsText,
  voteAccess,
} from '../ballot-text'
import { CandidateList } from './candidate-list'
import { TurnoutGauge } from './turnout-gauge'
import { VoteAccessNotice } from './vote-access-notice'
import './voting.scss'

/** How often the turnout is refreshed while a ballot is open and shown. */
export const TURNOUT_REFRESH_MS = 15000

export interface BallotDetailProps {
  ballotId: string
  /** False while the page is hidden: no refreshing behind the person. */
  active: boolean
  onVote: (ballotId: string) => void
  onOpenReceipt: (receiptCode: string) => void
  /** Where the published result (or, for organisers, the count) is. */
  onOpenResult?: (ballotId: string) => void
  /** The owner's proxy management for this ballot. */
  onManageProxies?: (ballotId: string) => void
}

function VoterLine({
  voter,
  over,
  onOpenReceipt,
}: {
  voter: MyVoter
  /** Voting has ended: a missing vote is missed, not pending. */
  over: boolean
  onOpenReceipt: (code: string) => void
}) {
  const units = voter.proxyFor
    ? `${unitsText(voter.units)}（受业主 ${voter.proxyFor} 委托）`
    : unitsText(voter.units)
  if (!voter.vote) {
    return (
      <View className="voter-line">
        {units}（{voter.area} 平方米）：{over ? '未投票' : '尚未投票'}
      </View>
    )
  }
  const { vote } = voter
  const when = formatDateTime(vote.castAt)
  if (!vote.byMe) {
    return (
      <View className="voter-line">
        {units}：已由{vote.byProxy ? '代理人' : ''} {vote.castBy} 于 {when} 投票
      </View>
    )
  }
  return (
    <View className="voter-line">
      {units}：您已于 {when} 投票
      {vote.receiptCode ? (
        <ActionButton
          kind="link"
          onClick={() => onOpenReceipt(vote.receiptCode ?? '')}
          label={`查看回执 ${vote.receiptCode}`}
        >
          查看回执 {vote.receiptCode}
        </ActionButton>
      ) : null}
    </View>
  )
}

function BallotBody({
  ballot,
  onVote,
  onOpenReceipt,
  onOpenResult,
  onManageProxies,
}: Omit<BallotDetailProps, 'ballotId' | 'active'> & { ballot: Ballot }) {
  const access = voteAccess(ballot)
  const { organizer, roll } = ballot
  const ownsHere = ballot.myVoters.some((v) => !v.proxyFor)
  return (
    <View>
      <View className="ballot__head">
        <View className={`tag tag--${ballot.phase}`}>
          {PHASE_TEXT[ballot.phase]}
        </View>
        {ballot.phase === 'open' ? (
          <View className="ballot__left">{timeLeftText(ballot.closesAt)}</View>
        ) : null}
      </View>
      <View className="ballot__title" aria-level="2" role="heading">
        {ballot.title}
      </View>

      <Section title="基本信息">
        <View>组织方：{organizerText(ballot)}</View>
        {organizer.mandate ? (
          <View className="muted">受业主大会委托：{organizer.mandate}</View>
        ) : null}
        <View>参加表决：{electorateText(ballot.electorate)}</View>
        {ballot.announcedAt ? (
          <View>公告时间：{formatDateTime(ballot.announcedAt)}</View>
        ) : null}
        <View>投票开始：{formatDateTime(ballot.opensAt)}</View>
        <View>投票截止：{formatDateTime(ballot.closesAt)}</View>
        <View className="muted">以上均为北京时间</View>
        {ballot.allowChanges ? (
          <View>本小区议事规则允许在截止前改票，以最后一次为准。</View>
        ) : (
          <View>投票一经提交不可撤回。</View>
        )}
      </Section>

      {ballot.description ? (
        <Section title="说明">
          <View className="ballot__text">{ballot.description}</View>
        </Section>
      ) : null}

      <Section title={`表决事项（共 ${ballot.items.length} 项）`}>
        {ballot.items.map((item) => (
          <View key={item.id} className="ballot__item">
            <View className="ballot__item-title">
              第 {item.seq} 项 {item.title}
            </View>
            <View className="muted">{MATTER_TEXT[item.matter]}</View>
            {item.description ? (
              <View className="ballot__text">{item.description}</View>
            ) : null}
            {item.election ? (
              <CandidateList
                label={`第 ${item.seq} 项候选人`}
                election={item.election}
              />
            ) : null}
          </View>
        ))}
      </Section>

      <Section title="表决名册">
        <View>
          房屋 {roll.units} 套 · 专有部分面积 {roll.area} 平方米 · 业主人数{' '}
          {roll.headcount} 人
        </View>
      </Section>

      <Section title="参与情况">
        <TurnoutGauge turnout={ballot.turnout} />
      </Section>

      <Section title="我的表决">
        {ballot.myVoters.map((v) => (
          <VoterLine
            key={v.voterId}
            voter={v}
            over={ballot.phase === 'closed' || ballot.phase === 'published'}
            onOpenReceipt={onOpenReceipt}
          />
        ))}
        {/* Once published, the result button below says what to do. */}
        {access.kind === 'cannot' && ballot.phase !== 'published' ? (
          <VoteAccessNotice code={access.code} />
        ) : null}
        {access.kind === 'all-voted' ? (
          <View className="voter-line">您名下参加本次表决的房屋都已投票。</View>
        ) : null}
        {access.kind === 'can-vote' ? (
          <ActionButton onClick={() => onVote(ballot.id)}>
            {access.changing ? '修改投票' : '去投票'}
          </ActionButton>
        ) : null}
        {access.kind === 'can-vote' && access.changing ? (
          <View className="muted">
            截止前可以修改，以最后一次为准；之前的投票仍保留在记录中。
          </View>
        ) : null}
        {onManageProxies &&
        ownsHere &&
        ballot.myVoters.some((v) => v.vote === null && !v.proxyFor) &&
        (ballot.phase === 'announced' || ballot.phase === 'open') ? (
          <ActionButton
            kind="secondary"
            onClick={() => onManageProxies(ballot.id)}
          >
            委托他人投票
          </ActionButton>
        ) : null}
      </Section>

      {ballot.phase === 'published' && onOpenResult ? (
        <ActionButton onClick={() => onOpenResult(ballot.id)}>
          查看表决结果
        </ActionButton>
      ) : null}
      {ballot.phase === 'closed' ? (
        <View className="muted">
          投票已截止，组织方须在 3 日内公布结果；逾期系统将自动公布。
        </View>
      ) : null}
    </View>
  )
}

export function BallotDetail({
  ballotId,
  active,
  onVote,
  onOpenReceipt,
  onOpenResult,
  onManageProxies,
}: BallotDetailProps) {
  const { state, reload } = useRemote(ballotId, () => getBallot(ballotId))
  const open = state.status === 'ok' && state.data.phase === 'open'

  // The turnout moves while a ballot is open; refresh it quietly, and
  // only while the page is in front, to spare data and battery.
  useEffect(() => {
    if (!open || !active) return
    const timer = setInterval(() => reload({ quiet: true }), TURNOUT_REFRESH_MS)
    return () => clearInterval(timer)
  }, [open, active, reload])

  return (
    <RemoteView state={state} loadingText="正在加载表决详情…" onRetry={reload}>
      {(ballot) => (
        <BallotBody
          ballot={ballot}
          onVote={onVote}
          onOpenReceipt={onOpenReceipt}
          onOpenResult={onOpenResult}
          onManageProxies={onManageProxies}
        />
      )}
    </RemoteView>
  )
}
