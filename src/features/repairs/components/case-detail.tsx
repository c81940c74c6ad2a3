import { Image, View } from '@tarojs/components'
import { useState } from 'react'

import { CATEGORY_TEXT, RATING_TEXT, URGENCY_TEXT } from '@/core/repair-case'
import type { RepairCaseDetail } from '@/core/repairs-api'
import { useSession } from '@/features/identity'
import { fileUrl } from '@/lib/api-client'
import { useRemote } from '@/lib/remote'
import { formatDateTime } from '@/lib/time'
import { a11y, ActionButton, RemoteView, Section } from '@/lib/ui'

import { getCase } from '../api/get-case'
import { HANDLER_TEXT, STATE_TEXT, stateTone } from '../repair-text'
import { CaseActions } from './case-actions'
import { RatingForm } from './rating-form'
import { Timeline } from './timeline'
import './repairs.scss'

export interface CaseDetailProps {
  caseId: string
  onOpenCase: (caseId: string) => void
  onOpenProject: (projectId: string) => void
  /** Staff chose to make a works project of this case. */
  onMakeProject?: (caseId: string) => void
}

export function CaseDetail({
  caseId,
  onOpenCase,
  onOpenProject,
  onMakeProject,
}: CaseDetailProps) {
  const { state, reload } = useRemote(caseId, () => getCase(caseId))
  // An action answers with the case as it now stands; show that at once.
  const [changed, setChanged] = useState<RepairCaseDetail | null>(null)
  const shown =
    changed && changed.id === caseId && state.status === 'ok'
      ? { status: 'ok' as const, data: changed }
      : state
  return (
    <RemoteView state={shown} loadingText="正在加载报修…" onRetry={reload}>
      {(kase) => (
        <CaseView
          kase={kase}
          onChanged={setChanged}
          onOpenCase={onOpenCase}
          onOpenProject={onOpenProject}
          onMakeProject={onMakeProject}
        />
      )}
    </RemoteView>
  )
}

interface CaseViewProps {
  kase: RepairCaseDetail
  onChanged: (kase: RepairCaseDetail) => void
  onOpenCase: (caseId: string) => void
  onOpenProject: (projectId: string) => void
  onMakeProject?: (caseId: string) => void
}

// A case in these states is over without works; the backend refuses them.
const NO_PROJECT_STATES: readonly string[] = ['rejected', 'cancelled', 'merged']

function CaseView({
  kase,
  onChanged,
  onOpenCase,
  onOpenProject,
  onMakeProject,
}: CaseViewProps) {
  const staff = useSession(
    (s) =>
      s.profile?.staffRoles.some((r) => r.estateId === kase.estateId) ?? false,
  )
  const canMakeProject =
    staff &&
    onMakeProject !== undefined &&
    kase.place.kind !== 'unit' &&
    kase.projectId === null &&
    !NO_PROJECT_STATES.includes(kase.state)
  return (
    <View>
      <Section>
        <View {...a11y({ role: 'status' })}>
          <View className={`tag tag--${stateTone(kase.state)}`}>
            {STATE_TEXT[kase.state]}
          </View>
          {kase.overdue ? (
            <View className="tag tag--overdue">已超过承诺时间</View>
          ) : null}
        </View>
        <View className="case-card__title">
          {CATEGORY_TEXT[kase.category]} · {kase.place.label}
        </View>
        <View>{kase.description}</View>
        <View className="muted">
          编号 {kase.id} · {URGENCY_TEXT[kase.urgency]} ·{' '}
          {HANDLER_TEXT[kase.handler]}办理
          {kase.team ? ` · ${kase.team}` : ''}
        </View>
        <View className="muted">
          承诺 {formatDateTime(kase.acceptBy)} 前受理，
          {formatDateTime(kase.resolveBy)} 前处理
        </View>
        {kase.contactTime ? (
          <View className="muted">方便联系：{kase.contactTime}</View>
        ) : null}
        {kase.reporter ? (
          <View className="muted">
            报修人：{kase.reporter.name} {kase.reporter.phoneMasked}
          </View>
        ) : null}
        {kase.photos.length > 0 ? (
          <View
            className="repair-photos__grid"
            {...a11y({ role: 'list', label: `照片 ${kase.photos.length} 张` })}
          >
            {kase.photos.map((p, i) => (
              <View
                key={p.id}
                className="repair-photos__item"
                {...a11y({ role: 'listitem' })}
              >
                <Image
                  className="repair-photos__image"
                  src={fileUrl(p)}
                  mode="aspectFill"
                  ariaLabel={`报修照片第 ${i + 1} 张`}
                  imgProps={{ alt: `报修照片第 ${i + 1} 张` }}
                />
              </View>
            ))}
          </View>
        ) : null}
      </Section>

      {kase.mergedInto ? (
        <Section>
          <View>此报修与另一条重复，已合并，请在保留的报修中关注进度。</View>
          <ActionButton
            kind="secondary"
            onClick={() => kase.mergedInto && onOpenCase(kase.mergedInto)}
          >
            查看保留的报修 {kase.mergedInto}
          </ActionButton>
        </Section>
      ) : null}

      {kase.projectId ? (
        <ActionButton
          kind="secondary"
          onClick={() => kase.projectId && onOpenProject(kase.projectId)}
        >
          查看维修工程（进度与费用分摊）
        </ActionButton>
      ) : null}

      {canMakeProject ? (
        <ActionButton
          kind="secondary"
          label="转为工程项目（共有部分维修，设预算和费用分摊）"
          onClick={() => onMakeProject?.(kase.id)}
        >
          转为工程项目
        </ActionButton>
      ) : null}

      <CaseActions kase={kase} onChanged={onChanged} />

      {kase.canRate ? (
        <RatingForm caseId={kase.id} onRated={onChanged} />
      ) : null}
      {kase.rating ? (
        <Section title="评价">
          <View>
            {kase.rating.stars} 星（{RATING_TEXT[kase.rating.stars]}）
          </View>
          {kase.rating.comment ? <View>{kase.rating.comment}</View> : null}
        </Section>
      ) : null}

      <Section title="处理进度">
        <Timeline events={kase.timeline} />
      </Section>
    </View>
  )
}
