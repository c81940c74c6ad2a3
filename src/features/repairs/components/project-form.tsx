import { View } from '@tarojs/components'
import { useState } from 'react'

import { BASIS_POINTS, formatFen, parseYuan } from '@/core/cost-sharing'
import type { AppError } from '@/core/errors'
import {
  EMERGENCY_APPROVER_TEXT,
  FUNDING_TEXT,
  FUNDINGS,
  type EmergencyApprover,
  type ProjectDetail,
  type RepairCaseDetail,
} from '@/core/repairs-api'
import { toAppError } from '@/lib/api-client'
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

import { createProject } from '../api/create-project'
import { getCase } from '../api/get-case'
import { getPlaces } from '../api/get-places'
import { listApprovingBallots } from '../api/list-approving-ballots'
import {
  parsePercent,
  percentText,
  previewSharing,
  problemsOf,
  requestOf,
  shareCheckText,
  shareTotal,
  type MilestoneFields,
  type PartyFields,
  type ProjectFields,
} from '../project-plan'
import { ChipGroup } from './chip-group'
import './repairs.scss'

// The backend's limits on a plan (repair-schemas.ts).
const MAX_PARTIES = 10
const MAX_MILESTONES = 20

const PARTY_KIND_OPTIONS = [
  { value: 'owners', text: '业主（按面积分摊到户）' },
  { value: 'other', text: '其他单位（整笔承担）' },
] as const

const SCOPE_OPTIONS = [
  { value: 'buildings', text: '所选楼栋的业主' },
  { value: 'estate', text: '全小区业主' },
] as const

const APPROVAL_OPTIONS = [
  { value: 'ballot', text: '业主表决通过' },
  { value: 'emergency', text: '紧急维修（无需表决）' },
] as const

const APPROVER_OPTIONS = (
  Object.keys(EMERGENCY_APPROVER_TEXT) as EmergencyApprover[]
).map((value) => ({ value, text: EMERGENCY_APPROVER_TEXT[value] }))

const FUNDING_OPTIONS = FUNDINGS.map((value) => ({
  value,
  text: FUNDING_TEXT[value],
}))

export interface NewProjectProps {
  caseId: string
  onCreated: (project: ProjectDetail) => void
}

/** Loads the case and the estate's buildings, then shows the form. */
export function NewProject({ caseId, onCreated }: NewProjectProps) {
  const { state, reload } = useRemote(caseId, async () => {
    const kase = await getCase(caseId)
    const places = await getPlaces(kase.estateId)
    return { kase, buildings: places.buildings }
  })
  return (
    <RemoteView state={state} loadingText="正在加载报修…" onRetry={reload}>
      {({ kase, buildings }) => (
        <ProjectForm kase={kase} buildings={buildings} onCreated={onCreated} />
      )}
    </RemoteView>
  )
}

export interface ProjectFormProps {
  kase: RepairCaseDetail
  /** The estate's building numbers, "1", "2", … */
  buildings: string[]
  onCreated: (project: ProjectDetail) => void
}

/** "5号楼" → "5", when the case is about one building. */
function buildingOfCase(kase: RepairCaseDetail): string | null {
  if (kase.place.kind !== 'building') return null
  return /^(.+?)号楼$/.exec(kase.place.label)?.[1] ?? null
}

function initialFields(kase: RepairCaseDetail): ProjectFields {
  const building = buildingOfCase(kase)
  return {
    title: '',
    budget: '',
    parties: [
      {
        name: building ? '本楼业主' : '全体业主',
        percent: '100',
        owners: true,
      },
    ],
    // A common area the register does not tie to buildings falls to the
    // whole estate; staff narrow it when only some buildings pay.
    ownersScope: building ? 'buildings' : 'estate',
    buildings: building ? [building] : [],
    funding: 'maintenance-fund',
    approvalKind: 'ballot',
    ballotId: null,
    approver: 'owners-committee',
    approvedBy: '',
    reason: '',
    milestones: [],
  }
}

/**
 * Turns a case about a common part into a works project. Everything typed
 * lives in this component's state, which a failed send leaves as it was;
 * problems show after the first try, except the share total, which is
 * checked as it is typed.
 */
export function ProjectForm({ kase, buildings, onCreated }: ProjectFormProps) {
  const [fields, setFields] = useState<ProjectFields>(() => initialFields(kase))
  const [tried, setTried] = useState(false)
  const [sending, setSending] = useState(false)
  const [error, setError] = useState<AppError | null>(null)
  const problems = problemsOf(fields)
  const shown = tried ? problems : {}

  function set<K extends keyof ProjectFields>(key: K, value: ProjectFields[K]) {
    setFields((f) => ({ ...f, [key]: value }))
  }

  function setParty(index: number, change: Partial<PartyFields>) {
    setFields((f) => ({
      ...f,
      parties: f.parties.map((p, i) => (i === index ? { ...p, ...change } : p)),
    }))
  }

  function setMilestone(index: number, change: Partial<MilestoneFields>) {
    setFields((f) => ({
      ...f,
      milestones: f.milestones.map((m, i) =>
        i === index ? { ...m, ...change } : m,
      ),
    }))
  }

  async function send() {
    setTried(true)
    if (Object.keys(problems).length > 0) return
    setSending(true)
    setError(null)
    try {
      onCreated(await createProject(kase.id, requestOf(fields)))
    } catch (cause) {
      setError(toAppError(cause))
    } finally {
      setSending(false)
    }
  }

  const hasOwners = fields.parties.some((p) => p.owners)
  return (
    <View>
      <Section title="报修">
        <View>
          {kase.place.label} · {kase.title}
        </View>
        <View className="muted">编号 {kase.id}</View>
      </Section>

      <Section title="工程">
        <TextField
          id="project-title"
          label="工程名称"
          value={fields.title}
          maxlength={60}
          onChange={(v) => set('title', v)}
          problem={shown.title}
        />
        <TextField
          id="project-budget"
          label="预算（元）"
          type="digit"
          value={fields.budget}
          maxlength={16}
          onChange={(v) => set('budget', v)}
          problem={shown.budget}
          hint="按元填写，最多两位小数"
        />
      </Section>

      <Section title="费用分摊方">
        {fields.parties.map((party, i) => (
          <View
            key={i}
            {...a11y({ role: 'group', label: `第 ${i + 1} 个分摊方` })}
          >
            <TextField
              id={`party-${i}-name`}
              label={`第 ${i + 1} 方名称`}
              value={party.name}
              maxlength={30}
              onChange={(name) => setParty(i, { name })}
            />
            <TextField
              id={`party-${i}-percent`}
              label={`第 ${i + 1} 方比例（%）`}
              type="digit"
              value={party.percent}
              maxlength={6}
              onChange={(percent) => setParty(i, { percent })}
            />
            <View className="field__label" aria-hidden="true">
              {`第 ${i + 1} 方怎样分摊`}
            </View>
            <ChipGroup
              label={`第 ${i + 1} 方怎样分摊`}
              options={PARTY_KIND_OPTIONS}
              value={party.owners ? 'owners' : 'other'}
              onChange={(kind) => setParty(i, { owners: kind === 'owners' })}
            />
            {fields.parties.length > 1 ? (
              <ActionButton
                kind="link"
                label={`删除第 ${i + 1} 个分摊方`}
                onClick={() =>
                  set(
                    'parties',
                    fields.parties.filter((_, j) => j !== i),
                  )
                }
              >
                删除此方
              </ActionButton>
            ) : null}
          </View>
        ))}
        <ShareCheck parties={fields.parties} />
        {shown.parties && shareTotal(fields.parties) === BASIS_POINTS ? (
          <View className="field__problem" {...a11y({ role: 'alert' })}>
            {shown.parties}
          </View>
        ) : null}
        {fields.parties.length < MAX_PARTIES ? (
          <ActionButton
            kind="secondary"
            onClick={() =>
              set('parties', [
                ...fields.parties,
                { name: '', percent: '', owners: false },
              ])
            }
          >
            添加分摊方
          </ActionButton>
        ) : null}
      </Section>

      {hasOwners ? (
        <Section title="业主部分由哪些房屋分摊">
          <View className="field__label" aria-hidden="true">
            分摊范围
          </View>
          <ChipGroup
            label="分摊范围"
            options={SCOPE_OPTIONS}
            value={fields.ownersScope}
            onChange={(v) => set('ownersScope', v)}
          />
          {fields.ownersScope === 'buildings' ? (
            <BuildingPicker
              buildings={buildings}
              chosen={fields.buildings}
              onChange={(v) => set('buildings', v)}
            />
          ) : null}
          {shown.buildings ? (
            <View className="field__problem" {...a11y({ role: 'alert' })}>
              {shown.buildings}
            </View>
          ) : null}
          <View className="muted">
            每户按登记面积分摊，精确到分；立项后可在工程页查看每户金额。
          </View>
        </Section>
      ) : null}

      <Section title="资金来源与批准">
        <View className="field__label" aria-hidden="true">
          资金来源
        </View>
        <ChipGroup
          label="资金来源"
          options={FUNDING_OPTIONS}
          value={fields.funding}
          onChange={(v) => set('funding', v)}
        />
        {fields.funding === 'maintenance-fund' ? (
          <Approval
            estateId={kase.estateId}
            fields={fields}
            set={set}
            problem={shown.approval}
          />
        ) : (
          <View className="muted">不动用维修资金，无需业主表决。</View>
        )}
      </Section>

      <Section title="工程节点">
        {fields.milestones.map((m, i) => (
          <View
            key={i}
            {...a11y({ role: 'group', label: `第 ${i + 1} 个节点` })}
          >
            <TextField
              id={`milestone-${i}-title`}
              label={`第 ${i + 1} 个节点名称`}
              value={m.title}
              maxlength={40}
              onChange={(title) => setMilestone(i, { title })}
            />
            <TextField
              id={`milestone-${i}-date`}
              label={`第 ${i + 1} 个节点计划日期`}
              value={m.date}
              maxlength={10}
              placeholder="2026-12-20"
              onChange={(date) => setMilestone(i, { date })}
            />
            <ActionButton
              kind="link"
              label={`删除第 ${i + 1} 个节点`}
              onClick={() =>
                set(
                  'milestones',
                  fields.milestones.filter((_, j) => j !== i),
                )
              }
            >
              删除此节点
            </ActionButton>
          </View>
        ))}
        {shown.milestones ? (
          <View className="field__problem" {...a11y({ role: 'alert' })}>
            {shown.milestones}
          </View>
        ) : null}
        {fields.milestones.length < MAX_MILESTONES ? (
          <ActionButton
            kind="secondary"
            onClick={() =>
              set('milestones', [...fields.milestones, { title: '', date: '' }])
            }
          >
            添加节点
          </ActionButton>
        ) : null}
      </Section>

      <Section title="分摊预览">
        <SharePreview fields={fields} />
      </Section>

      {error ? <ErrorNotice error={error} /> : null}
      {tried && Object.keys(problems).length > 0 ? (
        <View className="field__problem" {...a11y({ role: 'alert' })}>
          还有 {Object.keys(problems).length} 处需要修改，请看上面的提示
        </View>
      ) : null}
      <ActionButton onClick={send} busy={sending} busyText="正在立项…">
        确认立项
      </ActionButton>
    </View>
  )
}

function ShareCheck({ parties }: { parties: PartyFields[] }) {
  const whole = shareTotal(parties) === BASIS_POINTS
  return (
    <View
      className={whole ? 'muted' : 'field__problem'}
      {...a11y({ role: 'status', live: 'polite' })}
    >
      {shareCheckText(parties)}
    </View>
  )
}

function BuildingPicker({
  buildings,
  chosen,
  onChange,
}: {
  buildings: string[]
  chosen: string[]
  onChange: (buildings: string[]) => void
}) {
  return (
    <View className="repair-chips" {...a11y({ role: 'group', label: '楼栋' })}>
      {buildings.map((b) => {
        const on = chosen.includes(b)
        return (
          <View
            key={b}
            className={`repair-chip${on ? ' repair-chip--on' : ''}`}
            onClick={() =>
              onChange(on ? chosen.filter((c) => c !== b) : [...chosen, b])
            }
            {...a11y({
              role: 'checkbox',
              label: `${b}号楼`,
              checked: on,
              focusable: true,
            })}
          >
            <View className="repair-chip__text">
              <View aria-hidden="true" className="repair-chip__mark">
                {on ? '☑' : '☐'}
              </View>
              {b}号楼
            </View>
          </View>
        )
      })}
    </View>
  )
}

interface ApprovalProps {
  estateId: string
  fields: ProjectFields
  set: <K extends keyof ProjectFields>(key: K, value: ProjectFields[K]) => void
  problem: string | undefined
}

function Approval({ estateId, fields, set, problem }: ApprovalProps) {
  return (
    <View>
      <View className="field__label" aria-hidden="true">
        批准依据
      </View>
      <ChipGroup
        label="批准依据"
        options={APPROVAL_OPTIONS}
        value={fields.approvalKind}
        onChange={(v) => set('approvalKind', v)}
      />
      {fields.approvalKind === 'ballot' ? (
        <BallotChoice
          estateId={estateId}
          value={fields.ballotId}
          onChange={(v) => set('ballotId', v)}
        />
      ) : (
        <View>
          <View className="muted">
            水泵损坏、电梯停运、消防设施损坏、外墙脱落等紧急情况，由业主委员会批准；尚未成立业主大会的，由区房屋管理部门批准。
          </View>
          <View className="field__label" aria-hidden="true">
            批准机构
          </View>
          <ChipGroup
            label="批准机构"
            options={APPROVER_OPTIONS}
            value={fields.approver}
            onChange={(v) => set('approver', v)}
          />
          <TextField
            id="project-approved-by"
            label="批准人（按批准文件填写）"
            value={fields.approvedBy}
            maxlength={40}
            onChange={(v) => set('approvedBy', v)}
          />
          <TextField
            id="project-reason"
            label="紧急情况说明"
            value={fields.reason}
            maxlength={200}
            onChange={(v) => set('reason', v)}
          />
        </View>
      )}
      {problem ? (
        <View className="field__problem" {...a11y({ role: 'alert' })}>
          {problem}
        </View>
      ) : null}
    </View>
  )
}

function BallotChoice({
  estateId,
  value,
  onChange,
}: {
  estateId: string
  value: string | null
  onChange: (ballotId: string) => void
}) {
  const { state, reload } = useRemote(estateId, () =>
    listApprovingBallots(estateId),
  )
  return (
    <RemoteView state={state} loadingText="正在加载表决…" onRetry={reload}>
      {(ballots) =>
        ballots.length === 0 ? (
          <View className="muted">
            本小区还没有已公布结果的表决；使用维修资金须先经业主表决。
          </View>
        ) : (
          <View>
            <View className="field__label" aria-hidden="true">
              批准的表决（已公布结果）
            </View>
            <ChipGroup
              label="批准的表决（已公布结果）"
              options={ballots.map((b) => ({
                value: b.id,
                text: b.title,
                hint: `${formatDateTime(b.closesAt)} 截止`,
              }))}
              value={value}
              onChange={onChange}
            />
          </View>
        )
      }
    </RemoteView>
  )
}

/** The split between parties, by the core's rule, before anything is sent. */
function SharePreview({ fields }: { fields: ProjectFields }) {
  const budgetFen = parseYuan(fields.budget)
  const parties = previewSharing(fields)
  if (budgetFen === null || parties === null) {
    return (
      <View className="muted">
        填好预算、比例合计 100% 后，这里显示分摊金额。
      </View>
    )
  }
  return (
    <View>
      <View {...a11y({ role: 'table', label: '分摊预览' })}>
        {parties.map((amount, i) => {
          const party = fields.parties[i]
          return (
            <View
              key={amount.id}
              className="share-table__row"
              {...a11y({ role: 'row' })}
            >
              <View {...a11y({ role: 'cell' })}>
                {party.name || `第 ${i + 1} 方`}（{percentOf(party)}）
              </View>
              <View {...a11y({ role: 'cell' })}>
                ¥{formatFen(amount.amount)}
                {amount.roundedUp ? ' *' : ''}
              </View>
            </View>
          )
        })}
        <View
          className="share-table__row share-table__total"
          {...a11y({ role: 'row' })}
        >
          <View {...a11y({ role: 'cell' })}>合计</View>
          <View {...a11y({ role: 'cell' })}>¥{formatFen(budgetFen)}</View>
        </View>
      </View>
      <View className="muted">
        各方金额相加正好等于预算；带 * 的一方多分摊了 1 分钱。
      </View>
    </View>
  )
}

function percentOf(party: PartyFields): string {
  return percentText(parsePercent(party.percent) ?? 0)
}
