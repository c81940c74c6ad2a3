import { View } from '@tarojs/components'
import { useState } from 'react'

import type { NoticeCategory } from '@/core/notices'
import {
  NOTICE_CATEGORIES,
  NOTICE_CATEGORY_TEXT,
  NOTICE_SEARCH_MAX,
} from '@/core/notices'
import { useRemote } from '@/lib/remote'
import { a11y, ActionButton, EmptyState, RemoteView, TextField } from '@/lib/ui'

import { listNotices } from '../api/list-notices'
import { NoticeCard } from './notice-card'
import './notices.scss'

type Filter = 'all' | NoticeCategory

const FILTERS: { value: Filter; text: string }[] = [
  { value: 'all', text: '全部' },
  ...NOTICE_CATEGORIES.map((c) => ({
    value: c,
    text: NOTICE_CATEGORY_TEXT[c],
  })),
]

export interface NoticeFeedProps {
  estateId: string
  onOpen: (noticeId: string) => void
  /** Bumped by the page to reload, e.g. when the tab is shown again. */
  refreshKey?: number
}

/**
 * The notices of the person's estate that reach them: pinned first, then
 * newest, unread marked. Filtered by category; searched by words.
 */
export function NoticeFeed({
  estateId,
  onOpen,
  refreshKey = 0,
}: NoticeFeedProps) {
  const [filter, setFilter] = useState<Filter>('all')
  const [typed, setTyped] = useState('')
  const [query, setQuery] = useState('')
  const category = filter === 'all' ? undefined : filter
  const { state, reload } = useRemote(
    `${estateId}:${filter}:${query}:${refreshKey}`,
    () => listNotices(estateId, { category, q: query }),
  )
  return (
    <View>
      <View className="notice-search" {...a11y({ role: 'search' })}>
        <TextField
          id="notice-search"
          label="搜索公告"
          value={typed}
          onChange={setTyped}
          maxlength={NOTICE_SEARCH_MAX}
          placeholder="如：停水、停车"
        />
        <ActionButton kind="secondary" onClick={() => setQuery(typed.trim())}>
          搜索
        </ActionButton>
        {query ? (
          <ActionButton
            kind="link"
            onClick={() => {
              setTyped('')
              setQuery('')
            }}
          >
            清除搜索“{query}”
          </ActionButton>
        ) : null}
      </View>
      <View
        className="notice-filters"
        {...a11y({ role: 'tablist', label: '按类别筛选公告' })}
      >
        {FILTERS.map((f) => (
          <View
            key={f.value}
            className={`notice-filters__tab${f.value === filter ? ' notice-filters__tab--on' : ''}`}
            onClick={() => setFilter(f.value)}
            {...a11y({
              role: 'tab',
              selected: f.value === filter,
              focusable: true,
            })}
          >
            {f.text}
          </View>
        ))}
      </View>
      <RemoteView state={state} loadingText="正在加载公告…" onRetry={reload}>
        {({ notices, unreadCount }) => {
          if (notices.length === 0) {
            return (
              <EmptyState
                title={query ? `没有找到含“${query}”的公告` : '暂时没有公告'}
                hint="居委会、业委会和物业发布的公告会出现在这里"
              />
            )
          }
          return (
            <View>
              <View
                className="notice-feed__count"
                {...a11y({ role: 'status' })}
              >
                共 {notices.length} 条
                {unreadCount > 0 ? `，${unreadCount} 条未读` : '，都已读'}
              </View>
              <View {...a11y({ role: 'list' })}>
                {notices.map((n) => (
                  <View key={n.id} {...a11y({ role: 'listitem' })}>
                    <NoticeCard notice={n} onOpen={onOpen} />
                  </View>
                ))}
              </View>
            </View>
          )
        }}
      </RemoteView>
    </View>
  )
}
