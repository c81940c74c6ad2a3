import { View } from '@tarojs/components'
import { useState } from 'react'

import {
  CATEGORY_TEXT,
  REPAIR_CATEGORIES,
  STATE_TEXT,
  URGENCIES,
  URGENCY_TEXT,
  type RepairCategory,
  type RepairState,
  type Urgency,
} from '@/core/repair-case'
import {
  AGE_FILTER_TEXT,
  AGE_FILTERS,
  type AgeFilter,
} from '@/core/repairs-api'
import { useRemote } from '@/lib/remote'
import { a11y, EmptyState, RemoteView, Section } from '@/lib/ui'

import { getQueue } from '../api/get-queue'
import { CaseCard } from './case-card'
import { ChipGroup } from './chip-group'
import './repairs.scss'

type StateFilter = RepairState | 'open' | 'all'

const STATE_FILTERS: StateFilter[] = [
  'open',
  'submitted',
  'accepted',
  'assigned',
  'in-progress',
  'resolved',
  'transferred',
  'all',
]

const ANY = 'any'

export interface StaffQueueProps {
  estateId: string
  onOpen: (caseId: string) => void
  refreshKey?: number
}

/**
 * The estate's cases for its staff, filtered by state, category, urgency
 * and age. Late cases come first and say so.
 */
export function StaffQueue({
  estateId,
  onOpen,
  refreshKey = 0,
}: StaffQueueProps) {
  const [state, setState] = useState<StateFilter>('open')
  const [category, setCategory] = useState<RepairCategory | typeof ANY>(ANY)
  const [urgency, setUrgency] = useState<Urgency | typeof ANY>(ANY)
  const [age, setAge] = useState<AgeFilter>('all')
  const query = {
    state,
    category: category === ANY ? undefined : category,
    urgency: urgency === ANY ? undefined : urgency,
    age,
  }
  const { state: remote, reload } = useRemote(
    `${estateId}:${JSON.stringify(query)}:${refreshKey}`,
    () => getQueue(estateId, query),
  )

  return (
    <View>
      <Section title="筛选">
        <ChipGroup
          label="状态"
          options={STATE_FILTERS.map((s) => ({
            value: s,
            text:
              s === 'open' ? '未办结' : s === 'all' ? '全部' : STATE_TEXT[s],
          }))}
          value={state}
          onChange={setState}
        />
        <ChipGroup
          label="类别"
          options={[
            { value: ANY, text: '全部类别' },
            ...REPAIR_CATEGORIES.map((c) => ({
              value: c,
              text: CATEGORY_TEXT[c],
            })),
          ]}
          value={category}
          onChange={setCategory}
        />
        <ChipGroup
          label="紧急程度"
          options={[
            { value: ANY, text: '全部' },
            ...URGENCIES.map((u) => ({ value: u, text: URGENCY_TEXT[u] })),
          ]}
          value={urgency}
          onChange={setUrgency}
        />
        <ChipGroup
          label="报修时长"
          options={AGE_FILTERS.map((a) => ({
            value: a,
            text: AGE_FILTER_TEXT[a],
          }))}
          value={age}
          onChange={setAge}
        />
      </Section>
      <RemoteView
        state={remote}
        loadingText="正在加载报修队列…"
        onRetry={reload}
      >
        {({ cases }) => {
          if (cases.length === 0) {
            return <EmptyState title="没有符合条件的报修" />
          }
          const late = cases.filter((c) => c.overdue).length
          return (
            <View>
              <View {...a11y({ role: 'status' })}>
                共 {cases.length} 条{late > 0 ? `，其中 ${late} 条已超时` : ''}
              </View>
              <View {...a11y({ role: 'list', label: '报修队列' })}>
                {cases.map((c) => (
                  <View key={c.id} {...a11y({ role: 'listitem' })}>
                    <CaseCard kase={c} onOpen={onOpen} />
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
