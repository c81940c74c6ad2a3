import { View } from '@tarojs/components'

import { useRemote } from '@/lib/remote'
import { a11y, EmptyState, RemoteView } from '@/lib/ui'

import { listMyCases } from '../api/list-my-cases'
import { CaseCard } from './case-card'
import './repairs.scss'

export interface MyCasesProps {
  onOpen: (caseId: string) => void
  /** Bumped by the page to reload, e.g. when the tab is shown again. */
  refreshKey?: number
}

/** The cases the person reported, and those they follow after a merge. */
export function MyCases({ onOpen, refreshKey = 0 }: MyCasesProps) {
  const { state, reload } = useRemote(`mine:${refreshKey}`, listMyCases)
  return (
    <RemoteView state={state} loadingText="正在加载我的报修…" onRetry={reload}>
      {({ cases }) =>
        cases.length === 0 ? (
          <EmptyState
            title="您还没有报修"
            hint="房屋、楼栋或公共区域有问题，点“我要报修”"
          />
        ) : (
          <View {...a11y({ role: 'list', label: '我的报修' })}>
            {cases.map((c) => (
              <View key={c.id} {...a11y({ role: 'listitem' })}>
                <CaseCard kase={c} onOpen={onOpen} />
              </View>
            ))}
          </View>
        )
      }
    </RemoteView>
  )
}
