import { Image, View } from '@tarojs/components'
import { useState } from 'react'

import { formatFen } from '@/core/cost-sharing'
import type { AppError } from '@/core/errors'
import {
  EMERGENCY_APPROVER_TEXT,
  FUNDING_TEXT,
  type ProjectDetail,
} from '@/core/repairs-api'
import { fileUrl, toAppError } from '@/lib/api-client'
import { useRemote } from '@/lib/remote'
import { formatDateTime } from '@/lib/time'
import {
  a11y,
  ActionButton,
  ErrorNotice,
  RemoteView,
  Section,
  TextField,
} from '@/lib/ui'

import { getProject } from '../api/get-project'
import { updateProgress } from '../api/update-progress'
import { ChipGroup } from './chip-group'
import { InspectionForm } from './inspection-form'
import './repairs.scss'

// The progress form's choice for "this update finishes no milestone".
const NO_MILESTONE = 'none'

// Long tables are cut on screen; the viewer's own units always show.
const UNITS_SHOWN = 12

export interface ProjectViewProps {
  projectId: string
  onOpenBallot: (ballotId: string) => void
}

export function ProjectView({ projectId, onOpenBallot }: ProjectViewProps) {
  const { state, reload } = useRemote(projectId, () => getProject(projectId))
  const [changed, setChanged] = useState<ProjectDetail | null>(null)
  const shown =
    changed && state.status === 'ok'
      ? { status: 'ok' as const, data: changed }
      : state
  return (
    <RemoteView state={shown} loadingText="正在加载维修工程…" onRetry={reload}>
      {(project) => (
        <ProjectBody
          project={project}
          onChanged={setChanged}
          onOpenBallot={onOpenBallot}
        />
      )}
    </RemoteView>
  )
}

function ProjectBody({
  project,
  onChanged,
  onOpenBallot,
}: {
  project: ProjectDetail
  onChanged: (p: ProjectDetail) => void
  onOpenBallot: (ballotId: string) => void
}) {
  const approval = project.approval
  return (
    <View>
      <Section title={project.title}>
        <View>
          预算 ¥{formatFen(project.budgetFen)} · {FUNDING_TEXT[project.funding]}
        </View>
        <View className="field__label">进度 {project.progress}%</View>
        <View
          className="repair-progress"
          {...a11y({ role: 'progressbar', label: '工程进度' })}
          aria-valuenow={String(project.progress)}
          aria-valuemin="0"
          aria-valuemax="100"
        >
          <View
            className="repair-progress__bar"
            style={{ width: `${project.progress}%` }}
          />
        </View>
      </Section>

      <Section title="批准依据">
        {approval === null ? (
          <View>不使用维修资金，无需业主表决</View>
        ) : approval.kind === 'ballot' ? (
          <View>
            <View>经业主表决通过：{approval.ballotTitle}</View>
            <ActionButton
              kind="link"
              onClick={() =>
                approval.ballotId && onOpenBallot(approval.ballotId)
              }
            >
              查看表决
            </ActionButton>
          </View>
        ) : (
          <View>
            <View>
              紧急维修，无需业主表决：由
              {approval.approver
                ? EMERGENCY_APPROVER_TEXT[approval.approver]
                : ''}
              批准（{approval.approvedBy}）
            </View>
            <View className="muted">
              {formatDateTime(approval.at)} · {approval.reason}
            </View>
          </View>
        )}
      </Section>

      <Section title="工程节点">
        <View {...a11y({ role: 'list', label: '工程节点' })}>
          {project.milestones.map((m) => (
            <View key={m.id} {...a11y({ role: 'listitem' })}>
              {m.doneAt ? '✓ 已完成' : '○ 未完成'} · {m.title} · 计划{' '}
              {formatDateTime(m.dueAt)}
            </View>
          ))}
        </View>
      </Section>

      <Section title="费用分摊">
        <ShareTable project={project} />
      </Section>

      <Section title="居民监督小组现场检查">
        {project.inspections.length === 0 ? (
          <View className="muted">还没有现场检查记录</View>
        ) : (
          <View {...a11y({ role: 'list', label: '现场检查' })}>
            {project.inspections.map((i) => (
              <View key={i.id} {...a11y({ role: 'listitem' })}>
                {formatDateTime(i.at)} · {i.inspector} ·{' '}
                {i.passed ? '合格' : '发现问题'}：{i.note}（照片{' '}
                {i.photos.length} 张）
                {i.photos.length > 0 ? (
                  <View className="repair-photos__grid">
                    {i.photos.map((photo, n) => (
                      <View key={photo.id} className="repair-photos__item">
                        <Image
                          className="repair-photos__image"
                          src={fileUrl(photo)}
                          mode="aspectFill"
                          ariaLabel={`${i.inspector} 的现场照片第 ${n + 1} 张`}
                          imgProps={{
                            alt: `${i.inspector} 的现场照片第 ${n + 1} 张`,
                          }}
                        />
                      </View>
                    ))}
                  </View>
                ) : null}
              </View>
            ))}
          </View>
        )}
      </Section>

      {project.canInspect ? (
        <InspectionForm project={project} onLogged={onChanged} />
      ) : null}

      {project.canManage ? (
        <ProgressForm project={project} onChanged={onChanged} />
      ) : null}
    </View>
  )
}

function ShareTable({ project }: { project: ProjectDetail }) {
  return (
    <View>
      <View {...a11y({ role: 'table', label: '费用分摊表' })}>
        {project.sharing.map((party) => (
          <View key={party.name} {...a11y({ role: 'rowgroup' })}>
            <View
              className="share-table__row share-table__total"
              {...a11y({ role: 'row' })}
            >
              <View {...a11y({ role: 'cell' })}>
                {party.name}（{party.shareText}）
              </View>
              <View {...a11y({ role: 'cell' })}>
                ¥{formatFen(party.amountFen)}
              </View>
            </View>
            {party.units
              ? unitsToShow(party.units).map((u) => (
                  <View
                    key={u.unitId}
                    className={`share-table__row${u.mine ? ' share-table__row--mine' : ''}`}
                    {...a11y({ role: 'row' })}
                  >
                    <View {...a11y({ role: 'cell' })}>
                      {u.mine ? '我家 ' : ''}
                      {u.label} {u.area} 平方米
                    </View>
                    <View {...a11y({ role: 'cell' })}>
                      ¥{formatFen(u.amountFen)}
                      {u.roundedUp ? ' *' : ''}
                    </View>
                  </View>
                ))
              : null}
            {party.units && party.units.length > UNITS_SHOWN ? (
              <View className="muted">
                共 {party.units.length} 户，此处显示前 {UNITS_SHOWN}{' '}
                户及您的房屋
              </View>
            ) : null}
          </View>
        ))}
      </View>
      <View className="muted">
        合计 ¥{formatFen(project.budgetFen)}，各项相加正好等于预算。带 *
        的金额多分摊了 1 分钱。规则：{project.remainderRule}
      </View>
    </View>
  )
}

function unitsToShow<T extends { mine: boolean }>(units: T[]): T[] {
  return units.filter((u, i) => i < UNITS_SHOWN || u.mine)
}

function ProgressForm({
  project,
  onChanged,
}: {
  project: ProjectDetail
  onChanged: (p: ProjectDetail) => void
}) {
  const [progress, setProgress] = useState(String(project.progress))
  const [note, setNote] = useState('')
  const [milestoneId, setMilestoneId] = useState<string>(NO_MILESTONE)
  const [sending, setSending] = useState(false)
  const [error, setError] = useState<AppError | null>(null)
  const open = project.milestones.filter((m) => m.doneAt === null)
  const value = Number(progress)
  const valid = /^\d{1,3}$/.test(progress) && value <= 100

  async function send() {
    setSending(true)
    setError(null)
    try {
      onChanged(
        await updateProgress(project.id, {
          progress: value,
          ...(milestoneId !== NO_MILESTONE ? { milestoneId } : {}),
          ...(note.trim() ? { note: note.trim() } : {}),
        }),
      )
      setMilestoneId(NO_MILESTONE)
      setNote('')
    } catch (cause) {
      setError(toAppError(cause))
    } finally {
      setSending(false)
    }
  }

  return (
    <Section title="更新进度与节点（工作人员）">
      <TextField
        id="project-progress"
        label="进度（0–100）"
        type="number"
        value={progress}
        maxlength={3}
        onChange={setProgress}
        problem={valid ? null : '请填写 0 到 100 的整数'}
      />
      {open.length > 0 ? (
        <View>
          <View className="field__label" aria-hidden="true">
            同时标记完成的节点
          </View>
          <ChipGroup
            label="同时标记完成的节点"
            options={[
              { value: NO_MILESTONE, text: '不标记节点' },
              ...open.map((m) => ({
                value: m.id,
                text: `${m.seq}. ${m.title}`,
                hint: `计划 ${formatDateTime(m.dueAt)}`,
              })),
            ]}
            value={milestoneId}
            onChange={setMilestoneId}
          />
        </View>
      ) : null}
      <TextField
        id="project-note"
        label="进展说明（选填）"
        value={note}
        maxlength={300}
        onChange={setNote}
      />
      {error ? <ErrorNotice error={error} /> : null}
      <ActionButton
        onClick={send}
        disabled={!valid}
        busy={sending}
        busyText="正在提交…"
      >
        保存进度
      </ActionButton>
    </Section>
  )
}
