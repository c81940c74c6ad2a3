import { View } from '@tarojs/components'
import { useState } from 'react'

import type {
  BallotDetail,
  BallotItemView,
  MyVoter,
  Receipt,
} from '@/core/api-types'
import { MATTER_TEXT } from '@/core/ballot'
import { AppError, ERRORS } from '@/core/errors'
import { toAppError } from '@/lib/api-client'
import { useRemote } from '@/lib/remote'
import { timeLeftText } from '@/lib/time'
import { a11y, ActionButton, ErrorNotice, RemoteView, Section } from '@/lib/ui'
import { useElderMode } from '@/features/settings/elder-mode-store'
import { useReceipts } from '@/features/record'

import { castVote } from '../api/cast-vote'
import { getBallot } from '../api/get-ballot'
import { unitsText, voteAccess } from '../ballot-text'
import { draftOf, useVoteDrafts, type VoteDraft } from '../vote-draft-store'
import { answerOf, answerText, isAnswered, picksOf } from '../vote-answers'
import { CandidatePicker } from './candidate-picker'
import { ChoiceGroup } from './choice-group'
import { StepUp } from './step-up'
import { VoteAccessNotice } from './vote-access-notice'
import './voting.scss'

export const FINAL_WARNING = '投票一经提交不可撤回，确认提交？'
export const CHANGE_WARNING =
  '提交后以本次投票为准，之前的投票仍保留在记录中。确认提交？'

type Step = 'choose' | 'review' | 'step-up' | 'confirm'

export interface VoteFlowProps {
  ballotId: string
  onReceipt: (receipt: Receipt) => void
}

export function VoteFlow({ ballotId, onReceipt }: VoteFlowProps) {
  const { state, reload } = useRemote(ballotId, () => getBallot(ballotId))
  return (
    <RemoteView state={state} loadingText="正在加载表决…" onRetry={reload}>
      {(ballot) => {
        const access = voteAccess(ballot)
        if (access.kind === 'cannot') {
          return <VoteAccessNotice code={access.code} />
        }
        if (access.kind === 'all-voted') {
          return (
            <View {...a11y({ role: 'status' })}>
              您名下参加本次表决的房屋都已投票，可在“我的回执”中查看。
            </View>
          )
        }
        return (
          <VoteSteps
            ballot={ballot}
            pending={access.pending}
            changing={access.changing}
            onReceipt={onReceipt}
          />
        )
      }}
    </RemoteView>
  )
}

function missingItems(items: BallotItemView[], draft: VoteDraft) {
  return items.filter((item) => !isAnswered(item, draft))
}

interface VoteStepsProps {
  ballot: BallotDetail
  pending: MyVoter[]
  /** Replacing a vote already cast, where the ballot allows it. */
  changing: boolean
  onReceipt: (receipt: Receipt) => void
}

function VoteSteps({ ballot, pending, changing, onReceipt }: VoteStepsProps) {
  const elder = useElderMode((s) => s.elder)
  const draft = useVoteDrafts(draftOf(ballot.id))
  const choose = useVoteDrafts((s) => s.choose)
  const pick = useVoteDrafts((s) => s.pick)
  const selectVoter = useVoteDrafts((s) => s.selectVoter)
  const attemptKeyFor = useVoteDrafts((s) => s.attemptKeyFor)
  const finish = useVoteDrafts((s) => s.finish)
  const keepReceipt = useReceipts((s) => s.keep)

  const [step, setStep] = useState<Step>('choose')
  const [itemIndex, setItemIndex] = useState(0)
  const [incomplete, setIncomplete] = useState(false)
  const [stepUpToken, setStepUpToken] = useState<string | null>(null)
  const [stepUpReason, setStepUpReason] = useState<AppError | null>(null)
  const [sending, setSending] = useState(false)
  const [error, setError] = useState<AppError | null>(null)

  const voter = pending.find((v) => v.voterId === draft.voterId) ?? pending[0]
  const items = [...ballot.items].sort((a, b) => a.seq - b.seq)
  const missing = missingItems(items, draft)

  function toReview() {
    if (missing.length > 0) {
      setIncomplete(true)
      return
    }
    setIncomplete(false)
    setStep('review')
  }

  async function send() {
    if (!stepUpToken) {
      setStep('step-up')
      return
    }
    // Made once per attempt and kept in the draft: a retry after a lost
    // answer sends the same key and gets the first receipt back.
    const key = attemptKeyFor(ballot.id)
    setSending(true)
    setError(null)
    try {
      const receipt = await castVote(
        ballot.id,
        {
          voterId: voter.voterId,
          choices: items.map((item) => answerOf(item, draft)),
          stepUpToken,
        },
        key,
      )
      keepReceipt(receipt)
      finish(ballot.id)
      onReceipt(receipt)
    } catch (cause) {
      const failure = toAppError(cause)
      if (
        failure.code === 'STEP_UP_INVALID' ||
        failure.code === 'STEP_UP_REQUIRED'
      ) {
        setStepUpToken(null)
        setStepUpReason(failure)
        setStep('step-up')
      } else if (failure.code === 'CHOICES_INCOMPLETE') {
        setIncomplete(true)
        setStep('choose')
      } else {
        setError(failure)
      }
    } finally {
      setSending(false)
    }
  }

  const header = (
    <View className="vote__head">
      <View className="vote__title">
        {changing ? '修改投票：' : ''}
        {ballot.title}
      </View>
      <View className="muted">
        {timeLeftText(ballot.closesAt)} · 为 {unitsText(voter.units)}（
        {voter.area} 平方米）表决
      </View>
      {voter.proxyFor ? (
        <View className="vote__proxy">
          您受业主 {voter.proxyFor} 委托代为投票
        </View>
      ) : null}
    </View>
  )

  if (step === 'choose') {
    const incompleteNotice =
      incomplete && missing.length > 0 ? (
        <View className="error-notice" {...a11y({ role: 'alert' })}>
          <View className="error-notice__message">
            {ERRORS.CHOICES_INCOMPLETE.message}
          </View>
          <View>
            {ERRORS.CHOICES_INCOMPLETE.action}。未选：
            {missing.map((m) => `第 ${m.seq} 项`).join('、')}
          </View>
        </View>
      ) : null

    const voterPicker =
      pending.length > 1 ? (
        <Section title="为哪处房屋表决">
          <View {...a11y({ role: 'radiogroup', label: '为哪处房屋表决' })}>
            {pending.map((v) => {
              const on = v.voterId === voter.voterId
              return (
                <View
                  key={v.voterId}
                  className={`choice${on ? ' choice--on' : ''}`}
                  onClick={() => selectVoter(ballot.id, v.voterId)}
                  {...a11y({
                    role: 'radio',
                    label: unitsText(v.units),
                    checked: on,
                    focusable: true,
                  })}
                >
                  <View className="choice__mark" aria-hidden="true">
                    {on ? '●' : '○'}
                  </View>
                  <View className="choice__text">
                    {unitsText(v.units)}（{v.area} 平方米）
                  </View>
                </View>
              )
            })}
          </View>
        </Section>
      ) : null

    if (elder) {
      // Elder mode: one item per screen, moving on only by choice.
      const index = Math.min(itemIndex, items.length - 1)
      const item = items[index]
      const last = index === items.length - 1
      return (
        <View>
          {header}
          {index === 0 ? voterPicker : null}
          <Section title={`第 ${index + 1} 项，共 ${items.length} 项`}>
            <ItemChoice
              item={item}
              draft={draft}
              onChange={(c) => choose(ballot.id, item.id, c)}
              onPick={(picks) => pick(ballot.id, item.id, picks)}
            />
          </Section>
          {incompleteNotice}
          {last ? (
            <ActionButton onClick={toReview}>下一步：核对选择</ActionButton>
          ) : (
            <ActionButton
              onClick={() => setItemIndex(index + 1)}
              disabled={!isAnswered(item, draft)}
            >
              下一项
            </ActionButton>
          )}
          {index > 0 ? (
            <ActionButton
              kind="secondary"
              onClick={() => setItemIndex(index - 1)}
            >
              上一项
            </ActionButton>
          ) : null}
        </View>
      )
    }

    return (
      <View>
        {header}
        {voterPicker}
        {items.map((item) => (
          <Section key={item.id} title={`第 ${item.seq} 项`}>
            <ItemChoice
              item={item}
              draft={draft}
              onChange={(c) => choose(ballot.id, item.id, c)}
              onPick={(picks) => pick(ballot.id, item.id, picks)}
            />
          </Section>
        ))}
        {incompleteNotice}
        <ActionButton onClick={toReview}>下一步：核对选择</ActionButton>
      </View>
    )
  }

  if (step === 'review') {
    return (
      <View>
        {header}
        <Section title="核对您的选择">
          <View {...a11y({ role: 'list' })}>
            {items.map((item) => (
              <View
                key={item.id}
                className="review__row"
                {...a11y({ role: 'listitem' })}
              >
                <View>
                  第 {item.seq} 项 {item.title}
                </View>
                <View className="review__choice">
                  {answerText(item, draft)}
                </View>
              </View>
            ))}
          </View>
        </Section>
        <ActionButton
          onClick={() => setStep(stepUpToken ? 'confirm' : 'step-up')}
        >
          下一步：验证身份
        </ActionButton>
        <ActionButton
          kind="secondary"
          onClick={() => {
            setItemIndex(0)
            setStep('choose')
          }}
        >
          返回修改
        </ActionButton>
      </View>
    )
  }

  if (step === 'step-up') {
    return (
      <View>
        {header}
        <StepUp
          ballotId={ballot.id}
          reason={stepUpReason}
          onGranted={(token) => {
            setStepUpToken(token)
            setStepUpReason(null)
            setStep('confirm')
          }}
          onBack={() => setStep('review')}
        />
      </View>
    )
  }

  return (
    <View>
      {header}
      <Section title="第四步：确认提交">
        <View className="confirm__warning" {...a11y({ role: 'alert' })}>
          {changing ? CHANGE_WARNING : FINAL_WARNING}
        </View>
        <View className="muted">
          您的选择：
          {items
            .map((i) => `第 ${i.seq} 项 ${answerText(i, draft)}`)
            .join('；')}
        </View>
        {error ? (
          <ErrorNotice
            error={error}
            onRetry={error.code === 'NETWORK_ERROR' ? send : undefined}
            retryText="重新提交"
          />
        ) : null}
        {error?.code === 'NETWORK_ERROR' ? null : (
          <ActionButton
            onClick={send}
            busy={sending}
            busyText="正在提交…"
            disabled={error !== null}
          >
            确认提交
          </ActionButton>
        )}
        <ActionButton
          kind="secondary"
          onClick={() => setStep('review')}
          disabled={sending}
        >
          返回核对
        </ActionButton>
      </Section>
    </View>
  )
}

function ItemChoice({
  item,
  draft,
  onChange,
  onPick,
}: {
  item: BallotItemView
  draft: VoteDraft
  onChange: Parameters<typeof ChoiceGroup>[0]['onChange']
  onPick: (picks: string[]) => void
}) {
  const label = `第 ${item.seq} 项：${item.title}`
  return (
    <View>
      <View className="item__title">{item.title}</View>
      <View className="muted">
        {item.election ? '选举（过半数通过）' : MATTER_TEXT[item.matter]}
      </View>
      {item.description ? (
        <View className="item__text">{item.description}</View>
      ) : null}
      {item.election ? (
        <CandidatePicker
          label={label}
          election={item.election}
          picks={picksOf(draft, item.id)}
          abstained={draft.choices[item.id] === 'abstain'}
          onChange={onPick}
          onAbstain={() => onChange('abstain')}
        />
      ) : (
        <ChoiceGroup
          label={label}
          value={draft.choices[item.id]}
          onChange={onChange}
        />
      )}
    </View>
  )
}
