import { View } from '@tarojs/components'
import { useState } from 'react'

import { PHASE_TEXT } from '@/core/ballot'
import { AppError } from '@/core/errors'
import type { BallotResult, ManagedBallot } from '@/core/voting-api'
import { getResult, ResultBody, TurnoutGauge } from '@/features/voting'
import { toAppError } from '@/lib/api-client'
import { useRemote } from '@/lib/remote'
import { formatDateTime, timeLeftText } from '@/lib/time'
import { a11y, ActionButton, ErrorNotice, RemoteView, Section } from '@/lib/ui'

import { getManaged, publishResult } from '../api/ballot-admin'
import { RollPreviewView } from './roll-preview'
import './ballot-admin.scss'

function Publish({
  managed,
  onPublished,
}: {
  managed: ManagedBallot
  onPublished: (result: BallotResult) => void
}) {
  const [confirming, setConfirming] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<AppError | null>(null)
  async function send() {
    setBusy(true)
    setError(null)
    try {
      onPublished(await publishResult(managed.ballot.id))
    } catch (cause) {
      setError(toAppError(cause))
    } finally {
      setBusy(false)
      setConfirming(false)
    }
  }
  return (
    <Section title="公布结果">
      {managed.publishBy ? (
        <View>
          请在 {formatDateTime(managed.publishBy)}{' '}
          前公布；逾期无人公布，系统将按期自动公布。
        </View>
      ) : null}
      <View className="muted">
        公布后，结果对本小区业主公开，并生成决定公告；不能撤回或修改。
      </View>
      {error ? <ErrorNotice error={error} /> : null}
      {confirming ? (
        <View>
          <View className="confirm__warning" {...a11y({ role: 'alert' })}>
            确认公布“{managed.ballot.title}”的结果？
          </View>
          <ActionButton onClick={send} busy={busy} busyText="正在公布…">
            确认公布
          </ActionButton>
          <ActionButton kind="secondary" onClick={() => setConfirming(false)}>
            返回
          </ActionButton>
        </View>
      ) : (
        <ActionButton onClick={() => setConfirming(true)}>
          公布结果
        </ActionButton>
      )}
    </Section>
  )
}

function Count({
  ballotId,
  refreshKey,
}: {
  ballotId: string
  refreshKey: number
}) {
  const { state, reload } = useRemote(`${ballotId}:${refreshKey}`, () =>
    getResult(ballotId),
  )
  return (
    <RemoteView state={state} loadingText="正在计票…" onRetry={reload}>
      {(result) => <ResultBody result={result} />}
    </RemoteView>
  )
}

function Dashboard({
  initial,
  onEdit,
}: {
  initial: ManagedBallot
  onEdit: (ballotId: string) => void
}) {
  const [managed, setManaged] = useState(initial)
  const [published, setPublished] = useState(0)
  const { ballot } = managed
  return (
    <View>
      <View className="ballot__head">
        <View className={`tag tag--${ballot.phase}`}>
          {PHASE_TEXT[ballot.phase]}
        </View>
      </View>
      <View className="ballot__title" {...a11y({ role: 'heading', level: 2 })}>
        {ballot.title}
      </View>
      <Section title="时间">
        {ballot.announcedAt ? (
          <View>公告：{formatDateTime(ballot.announcedAt)}</View>
        ) : null}
        <View>投票开始：{formatDateTime(ballot.opensAt)}</View>
        <View>投票截止：{formatDateTime(ballot.closesAt)}</View>
        {ballot.phase === 'open' ? (
          <View className="manage__figure">
            {timeLeftText(ballot.closesAt)}
          </View>
        ) : null}
        <View className="muted">系统按时开始和截止投票，组织方无需操作。</View>
      </Section>
      {managed.canEdit ? (
        <ActionButton onClick={() => onEdit(ballot.id)}>编辑草稿</ActionButton>
      ) : null}

      {ballot.phase === 'draft' ? null : (
        <Section title="参与情况">
          <View className="manage__figure" {...a11y({ role: 'status' })}>
            已有 {managed.votes} 户投票，其中 {managed.proxyVotes}{' '}
            户由代理人投票
          </View>
          <TurnoutGauge turnout={ballot.turnout} />
          {ballot.phase === 'open' || ballot.phase === 'announced' ? (
            <View className="muted">
              投票截止前只显示参与情况，不显示同意、反对的票数。
            </View>
          ) : null}
        </Section>
      )}

      <Section title="表决名册">
        <RollPreviewView ballotId={ballot.id} />
      </Section>

      {ballot.phase === 'closed' || ballot.phase === 'published' ? (
        <Count ballotId={ballot.id} refreshKey={published} />
      ) : null}
      {managed.canPublish ? (
        <Publish
          managed={managed}
          onPublished={() => {
            getManaged(ballot.id).then(setManaged, () => undefined)
            setPublished((n) => n + 1)
          }}
        />
      ) : null}
      {ballot.phase === 'published' ? (
        <View className="receipt__ok" {...a11y({ role: 'status' })}>
          ✓ 结果已公布，已生成决定公告
        </View>
      ) : null}
    </View>
  )
}

export interface BallotManageProps {
  ballotId: string
  onEdit: (ballotId: string) => void
  /** Bumped by the page when shown again. */
  refreshKey?: number
}

/**
 * The organisers' view of a ballot after drafting: schedule, turnout
 * while open (never the running choices), the roll, and after the close
 * the count and its publication.
 */
export function BallotManage({
  ballotId,
  onEdit,
  refreshKey = 0,
}: BallotManageProps) {
  const { state, reload } = useRemote(`${ballotId}:${refreshKey}`, () =>
    getManaged(ballotId),
  )
  return (
    <RemoteView state={state} loadingText="正在加载表决…" onRetry={reload}>
      {(managed) => <Dashboard initial={managed} onEdit={onEdit} />}
    </RemoteView>
  )
}
