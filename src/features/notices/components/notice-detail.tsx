import { View } from '@tarojs/components'
import { useEffect, useState } from 'react'

import type { Profile, StaffOrg } from '@/core/api-types'
import type { AppError } from '@/core/errors'
import type { NoticeDetail as Notice } from '@/core/notices-api'
import { NOTICE_CATEGORY_TEXT, NOTICE_STATE_TEXT } from '@/core/notices'
import { toAppError } from '@/lib/api-client'
import { useRemote } from '@/lib/remote'
import { formatDateTime } from '@/lib/time'
import { a11y, ActionButton, ErrorNotice, RemoteView, Section } from '@/lib/ui'

import { getNotice } from '../api/get-notice'
import { pinNotice } from '../api/manage-notice'
import { audienceText, authorText } from '../notice-text'
import { AttachmentList } from './attachment-list'
import { PlainText } from './plain-text'
import { PublicIncomeView } from './public-income-view'
import { ReadCounts } from './read-counts'
import { RectificationList } from './rectification-list'
import { ScheduleForm } from './schedule-form'
import { WithdrawForm } from './withdraw-form'
import './notices.scss'

/** The organisation a staff member of the estate writes updates under. */
function staffOrgOf(profile: Profile, estateId: string): StaffOrg | null {
  return profile.staffRoles.find((r) => r.estateId === estateId)?.org ?? null
}

interface ShownProps {
  notice: Notice
  profile: Profile
  onChange: (notice: Notice) => void
  onOpenBallot: (ballotId: string) => void
}

function Shown({ notice, profile, onChange, onOpenBallot }: ShownProps) {
  // One change at a time: withdrawing or rescheduling, not both.
  const [changing, setChanging] = useState<'withdraw' | 'schedule' | null>(null)
  const [pinBusy, setPinBusy] = useState(false)
  const [error, setError] = useState<AppError | null>(null)
  const staffOrg = staffOrgOf(profile, notice.estateId)
  const withdrawn = notice.withdrawal !== null

  const togglePin = () => {
    setPinBusy(true)
    setError(null)
    pinNotice(notice.id, !notice.pinned).then(
      (updated) => {
        setPinBusy(false)
        onChange(updated)
      },
      (cause: unknown) => {
        setPinBusy(false)
        setError(toAppError(cause))
      },
    )
  }

  return (
    <>
      <Section>
        <View className="notice__tags">
          <View className={`tag tag--${notice.category}`}>
            {NOTICE_CATEGORY_TEXT[notice.category]}
          </View>
          {notice.state !== 'live' ? (
            <View className={`tag tag--state-${notice.state}`}>
              {NOTICE_STATE_TEXT[notice.state]}
            </View>
          ) : null}
          {notice.pinned && !withdrawn ? (
            <View className="tag tag--pinned">置顶</View>
          ) : null}
        </View>
        <View
          className="notice__title"
          {...a11y({ role: 'heading', level: 2 })}
        >
          {notice.title}
        </View>
        <View className="notice__meta">
          发布：{authorText(notice.authorOrg)} ·{' '}
          {formatDateTime(notice.publishAt)}
        </View>
        <View className="notice__meta">
          范围：{audienceText(notice.audience)}
          {notice.endsAt ? ` · 截至 ${formatDateTime(notice.endsAt)}` : ''}
        </View>
        {notice.withdrawal ? (
          <View className="notice__withdrawn" {...a11y({ role: 'note' })}>
            <View className="notice__withdrawn-title">
              ⚠ 本公告已于 {formatDateTime(notice.withdrawal.at)} 撤回
            </View>
            <View>撤回原因：{notice.withdrawal.reason}</View>
            <View className="muted">以下为原公告内容，仅供查阅。</View>
          </View>
        ) : null}
        <PlainText text={notice.body} className="notice__body" />
        {notice.sourceBallotId ? (
          <ActionButton
            kind="secondary"
            onClick={() => onOpenBallot(notice.sourceBallotId ?? '')}
          >
            查看这项表决
          </ActionButton>
        ) : null}
      </Section>

      {notice.attachments.length > 0 ? (
        <Section title={`附件（${notice.attachments.length}）`}>
          <AttachmentList attachments={notice.attachments} />
        </Section>
      ) : null}

      {notice.rectification ? (
        <Section title="整改事项与进展">
          <RectificationList
            noticeId={notice.id}
            items={notice.rectification}
            staffOrg={staffOrg}
            closed={withdrawn}
          />
        </Section>
      ) : null}

      {notice.publicIncome ? (
        <Section title="收支明细">
          <PublicIncomeView statement={notice.publicIncome} />
        </Section>
      ) : null}

      {staffOrg ? (
        <Section title="阅读情况（仅工作人员可见）">
          <ReadCounts noticeId={notice.id} />
        </Section>
      ) : null}

      {notice.canManage && !withdrawn ? (
        <Section title="管理公告">
          {error ? <ErrorNotice error={error} /> : null}
          {changing === 'withdraw' ? (
            <WithdrawForm
              noticeId={notice.id}
              onWithdrawn={(updated) => {
                setChanging(null)
                onChange(updated)
              }}
              onCancel={() => setChanging(null)}
            />
          ) : changing === 'schedule' ? (
            <ScheduleForm
              notice={notice}
              onSaved={(updated) => {
                setChanging(null)
                onChange(updated)
              }}
              onCancel={() => setChanging(null)}
            />
          ) : (
            <>
              <ActionButton
                kind="secondary"
                onClick={togglePin}
                busy={pinBusy}
                busyText="正在保存…"
              >
                {notice.pinned ? '取消置顶' : '置顶'}
              </ActionButton>
              <ActionButton
                kind="secondary"
                onClick={() => setChanging('schedule')}
              >
                {notice.state === 'scheduled'
                  ? '修改发布或结束时间'
                  : '修改结束时间'}
              </ActionButton>
              <ActionButton
                kind="danger"
                onClick={() => setChanging('withdraw')}
              >
                撤回公告
              </ActionButton>
            </>
          )}
        </Section>
      ) : null}
    </>
  )
}

export interface NoticeDetailProps {
  noticeId: string
  profile: Profile
  onOpenBallot: (ballotId: string) => void
}

/** One notice; opening it is what records that the person read it. */
export function NoticeDetail({
  noticeId,
  profile,
  onOpenBallot,
}: NoticeDetailProps) {
  const { state, reload } = useRemote(noticeId, () => getNotice(noticeId))
  // A pin or withdrawal answers with the notice as it now stands.
  const [changed, setChanged] = useState<Notice | null>(null)
  useEffect(() => setChanged(null), [noticeId])
  return (
    <RemoteView state={state} loadingText="正在打开公告…" onRetry={reload}>
      {(loaded) => (
        <Shown
          notice={changed ?? loaded}
          profile={profile}
          onChange={setChanged}
          onOpenBallot={onOpenBallot}
        />
      )}
    </RemoteView>
  )
}
