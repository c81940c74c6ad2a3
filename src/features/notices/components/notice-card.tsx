import { View } from '@tarojs/components'

import type { NoticeSummary } from '@/core/notices-api'
import { NOTICE_CATEGORY_TEXT, NOTICE_STATE_TEXT } from '@/core/notices'
import { formatShortDateTime } from '@/lib/time'
import { a11y } from '@/lib/ui'

import { audienceText, authorText } from '../notice-text'
import './notices.scss'

export interface NoticeCardProps {
  notice: NoticeSummary
  onOpen: (noticeId: string) => void
}

/** One notice in the feed: what, from whom, when, and whether read. */
export function NoticeCard({ notice, onOpen }: NoticeCardProps) {
  const category = NOTICE_CATEGORY_TEXT[notice.category]
  const state = notice.state === 'live' ? null : NOTICE_STATE_TEXT[notice.state]
  const pinned = notice.pinned && notice.state === 'live'
  const when = formatShortDateTime(notice.publishAt)
  const from = `${authorText(notice.authorOrg)}发布`
  const label = [
    notice.read ? null : '未读',
    pinned ? '置顶' : null,
    category,
    state,
    notice.title,
    `${from}，${when}`,
  ]
    .filter(Boolean)
    .join('，')
  return (
    <View
      className={`notice-card${notice.read ? '' : ' notice-card--unread'}${notice.category === 'emergency' ? ' notice-card--emergency' : ''}`}
      onClick={() => onOpen(notice.id)}
      {...a11y({ role: 'link', label, focusable: true })}
    >
      <View className="notice-card__tags">
        {notice.read ? null : <View className="tag tag--todo">● 未读</View>}
        {pinned ? <View className="tag tag--pinned">置顶</View> : null}
        <View className={`tag tag--${notice.category}`}>{category}</View>
        {state ? (
          <View className={`tag tag--state-${notice.state}`}>{state}</View>
        ) : null}
      </View>
      <View className="notice-card__title">{notice.title}</View>
      {notice.withdrawal ? (
        <View className="notice-card__withdrawn">
          撤回原因：{notice.withdrawal.reason}
        </View>
      ) : (
        <View className="notice-card__excerpt">{notice.excerpt}</View>
      )}
      <View className="muted">
        {from} · {when} · {audienceText(notice.audience)}
        {notice.attachmentCount > 0 ? ` · 附件 ${notice.attachmentCount}` : ''}
      </View>
    </View>
  )
}
