import { View } from '@tarojs/components'

import { NOTICE_CATEGORY_TEXT } from '@/core/notices'
import { useRemote } from '@/lib/remote'
import { a11y } from '@/lib/ui'

import { listNotices } from '../api/list-notices'
import './notices.scss'

/** How many pinned notices the home page shows. */
export const PINNED_ON_HOME = 3

export interface PinnedNoticesProps {
  estateId: string
  onOpen: (noticeId: string) => void
  refreshKey?: number
}

/**
 * The estate's pinned notices, for the home page: titles only, each a
 * link. Says nothing when there is none, and stays quiet on failure (the
 * 公告 tab shows the error with a retry).
 */
export function PinnedNotices({
  estateId,
  onOpen,
  refreshKey = 0,
}: PinnedNoticesProps) {
  const { state } = useRemote(`${estateId}:${refreshKey}`, () =>
    listNotices(estateId),
  )
  if (state.status !== 'ok') return null
  const pinned = state.data.notices
    .filter((n) => n.pinned && n.state === 'live')
    .slice(0, PINNED_ON_HOME)
  if (pinned.length === 0) return null
  return (
    <View className="pinned" {...a11y({ role: 'list', label: '置顶公告' })}>
      {pinned.map((n) => (
        <View
          key={n.id}
          className="pinned__item"
          onClick={() => onOpen(n.id)}
          {...a11y({
            role: 'link',
            label: `${n.read ? '' : '未读，'}${NOTICE_CATEGORY_TEXT[n.category]}：${n.title}`,
            focusable: true,
          })}
        >
          <View className="tag tag--pinned">置顶</View>
          {n.read ? null : <View className="tag tag--todo">未读</View>}
          <View className="pinned__title">{n.title}</View>
        </View>
      ))}
    </View>
  )
}
