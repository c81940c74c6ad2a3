import { View } from '@tarojs/components'
import { useState } from 'react'

import type { BallotItemView } from '@/core/api-types'
import { MATTER_TEXT } from '@/core/ballot'
import {
  NOTICE_PERIOD,
  NOTICE_PERIOD_DAYS,
  scheduleProblem,
  SCHEDULE_PROBLEM_TEXT,
} from '@/core/ballot-rules'
import type { ElectionRequest } from '@/core/election-api'
import { AppError } from '@/core/errors'
import type { Matter } from '@/core/tally'
import type {
  BallotElectorate,
  BallotItemRequest,
  DraftBallotRequest,
  ManagedBallot,
} from '@/core/voting-api'
import { toAppError } from '@/lib/api-client'
import { useRemote } from '@/lib/remote'
import {
  a11y,
  ActionButton,
  ErrorNotice,
  RemoteView,
  Section,
  TextField,
} from '@/lib/ui'

import {
  addItem,
  announce,
  createDraft,
  getManaged,
  removeItem,
  updateDraft,
  updateItem,
} from '../api/ballot-admin'
import type { ElectionForm, ElectionProblems } from '../election-form'
import {
  electionFormOf,
  electionProblems,
  electionRequest,
  noElection,
} from '../election-form'
import {
  formatScheduleInput,
  nineOnOrAfter,
  parseScheduleInput,
} from '../schedule-input'
import { ElectionEditor } from './election-editor'
import { OptionGroup } from './option-group'
import { RollPreviewView } from './roll-preview'
import './ballot-admin.scss'

const DAY = 24 * 60 * 60 * 1000
const DEFAULT_VOTING_DAYS = 7

type ElectorateKind = BallotElectorate['kind']

const ELECTORATE_OPTIONS: { value: ElectorateKind; text: string }[] = [
  { value: 'estate', text: '全体业主' },
  { value: 'buildings', text: '部分楼栋的业主' },
  { value: 'units', text: '部分房屋的业主' },
]

const MATTER_OPTIONS: { value: Matter; text: string }[] = [
  { value: 'ordinary', text: MATTER_TEXT.ordinary },
  { value: 'special', text: MATTER_TEXT.special },
]

const CHANGE_OPTIONS: { value: 'no' | 'yes'; text: string }[] = [
  { value: 'no', text: '投票一经提交不可修改' },
  { value: 'yes', text: '截止前可改票（须本小区议事规则允许）' },
]

/** "3、5" or "3-1202，3-1203" → ["3", "5"], split on any separator. */
function splitList(text: string): string[] {
  return text
    .split(/[\s,，、;；]+/)
    .map((part) => part.trim())
    .filter((part) => part.length > 0)
}

function listText(e: BallotElectorate): string {
  if (e.kind === 'buildings') return e.buildings.join('、')
  if (e.kind === 'units') return e.units.join('、')
  return ''
}

interface DraftForm {
  title: string
  description: string
  electorate: ElectorateKind
  list: string
  allowChanges: boolean
  opensAt: string
  closesAt: string
}

function emptyForm(now: number): DraftForm {
  const opens = nineOnOrAfter(now + NOTICE_PERIOD)
  return {
    title: '',
    description: '',
    electorate: 'estate',
    list: '',
    allowChanges: false,
    opensAt: formatScheduleInput(opens),
    closesAt: formatScheduleInput(
      opens + DEFAULT_VOTING_DAYS * DAY + 9 * 60 * 60 * 1000,
    ),
  }
}

function formOf(managed: ManagedBallot): DraftForm {
  const { ballot } = managed
  return {
    title: ballot.title,
    description: ballot.description,
    electorate: ballot.electorate.kind,
    list: listText(ballot.electorate),
    allowChanges: ballot.allowChanges,
    opensAt: formatScheduleInput(ballot.opensAt),
    closesAt: formatScheduleInput(ballot.closesAt),
  }
}

type Checked =
  | { ok: true; request: DraftBallotRequest }
  | { ok: false; problems: Partial<Record<keyof DraftForm, string>> }

/** The form as a request, or what is wrong with it, field by field. */
function check(form: DraftForm): Checked {
  const problems: Partial<Record<keyof DraftForm, string>> = {}
  if (form.title.trim() === '') problems.title = '请填写标题'
  const opens = parseScheduleInput(form.opensAt)
  const closes = parseScheduleInput(form.closesAt)
  if (opens === null) problems.opensAt = '请按“2026-12-20 09:00”的格式填写'
  if (closes === null) problems.closesAt = '请按“2026-12-27 18:00”的格式填写'
  if (opens !== null && closes !== null) {
    const problem = scheduleProblem(opens, closes, null)
    if (problem) problems.closesAt = SCHEDULE_PROBLEM_TEXT[problem]
  }
  const list = splitList(form.list)
  if (form.electorate !== 'estate' && list.length === 0) {
    problems.list =
      form.electorate === 'buildings' ? '请填写楼号' : '请填写房屋'
  }
  if (Object.keys(problems).length > 0 || opens === null || closes === null) {
    return { ok: false, problems }
  }
  const electorate: BallotElectorate =
    form.electorate === 'estate'
      ? { kind: 'estate' }
      : form.electorate === 'buildings'
        ? { kind: 'buildings', buildings: list }
        : { kind: 'units', units: list }
  return {
    ok: true,
    request: {
      title: form.title.trim(),
      description: form.description.trim(),
      electorate,
      allowChanges: form.allowChanges,
      opensAt: new Date(opens).toISOString(),
      closesAt: new Date(closes).toISOString(),
    },
  }
}

function DraftFields({
  initial,
  saveText,
  onSave,
}: {
  initial: DraftForm
  saveText: string
  onSave: (request: DraftBallotRequest) => Promise<void>
}) {
  const [form, setForm] = useState(initial)
  const [problems, setProblems] = useState<
    Partial<Record<keyof DraftForm, string>>
  >({})
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<AppError | null>(null)
  const set = <K extends keyof DraftForm>(key: K, value: DraftForm[K]) =>
    setForm((f) => ({ ...f, [key]: value }))

  async function save() {
    const checked = check(form)
    if (!checked.ok) {
      setProblems(checked.problems)
      return
    }
    setProblems({})
    setBusy(true)
    setError(null)
    try {
      await onSave(checked.request)
    } catch (cause) {
      setError(toAppError(cause))
    } finally {
      setBusy(false)
    }
  }

  return (
    <View>
      <TextField
        id="ballot-title"
        label="表决标题"
        value={form.title}
        onChange={(v) => set('title', v)}
        maxlength={80}
        problem={problems.title}
      />
      <TextField
        id="ballot-description"
        label="说明"
        value={form.description}
        onChange={(v) => set('description', v)}
        maxlength={2000}
      />
      <OptionGroup
        label="参加表决的业主"
        options={ELECTORATE_OPTIONS}
        value={form.electorate}
        onChange={(v) => set('electorate', v)}
      />
      {form.electorate === 'estate' ? null : (
        <TextField
          id="ballot-electorate-list"
          label={form.electorate === 'buildings' ? '楼号' : '房屋（楼号-室号）'}
          value={form.list}
          onChange={(v) => set('list', v)}
          hint={
            form.electorate === 'buildings'
              ? '如：5 或 3、5；只由这些楼的业主表决，按这些楼的总面积和总人数计算'
              : '如：3-1201、3-1202'
          }
          problem={problems.list}
        />
      )}
      <OptionGroup
        label="能否改票"
        options={CHANGE_OPTIONS}
        value={form.allowChanges ? 'yes' : 'no'}
        onChange={(v) => set('allowChanges', v === 'yes')}
      />
      <TextField
        id="ballot-opens"
        label="投票开始（北京时间）"
        value={form.opensAt}
        onChange={(v) => set('opensAt', v)}
        hint={`公告须在投票开始 ${NOTICE_PERIOD_DAYS} 日以前发出`}
        problem={problems.opensAt}
      />
      <TextField
        id="ballot-closes"
        label="投票截止（北京时间）"
        value={form.closesAt}
        onChange={(v) => set('closesAt', v)}
        hint="投票期至少 1 天"
        problem={problems.closesAt}
      />
      {error ? <ErrorNotice error={error} /> : null}
      <ActionButton onClick={save} busy={busy} busyText="正在保存…">
        {saveText}
      </ActionButton>
    </View>
  )
}

interface ItemForm {
  title: string
  description: string
  matter: Matter
  election: ElectionForm
}

function itemRequest(form: ItemForm): BallotItemRequest {
  const election = electionRequest(form.election)
  return {
    title: form.title.trim(),
    description: form.description.trim(),
    // The backend makes every election an ordinary matter anyway.
    matter: election ? 'ordinary' : form.matter,
    ...(election ? { election } : {}),
  }
}

function ItemFields({
  idPrefix,
  estateId,
  initial,
  saveText,
  onSave,
  onCancel,
}: {
  /** Keeps field ids apart when an item is edited beside the new one. */
  idPrefix: string
  estateId: string
  initial: ItemForm
  saveText: string
  onSave: (request: BallotItemRequest) => Promise<void>
  onCancel?: () => void
}) {
  const [form, setForm] = useState(initial)
  const [problem, setProblem] = useState<string | null>(null)
  const [electionIssues, setElectionIssues] = useState<ElectionProblems | null>(
    null,
  )
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<AppError | null>(null)

  async function save() {
    const issues = electionProblems(form.election)
    setProblem(form.title.trim() === '' ? '请填写事项名称' : null)
    setElectionIssues(issues)
    if (form.title.trim() === '' || issues) return
    setBusy(true)
    setError(null)
    try {
      await onSave(itemRequest(form))
      setForm(initial)
    } catch (cause) {
      setError(toAppError(cause))
    } finally {
      setBusy(false)
    }
  }

  return (
    <View>
      <TextField
        id={`item-title-${saveText}`}
        label="事项名称"
        value={form.title}
        onChange={(title) => setForm((f) => ({ ...f, title }))}
        maxlength={80}
        problem={problem}
      />
      <TextField
        id={`item-description-${saveText}`}
        label="事项说明"
        value={form.description}
        onChange={(description) => setForm((f) => ({ ...f, description }))}
        maxlength={1000}
      />
      <ElectionEditor
        idPrefix={idPrefix}
        estateId={estateId}
        value={form.election}
        onChange={(election) => setForm((f) => ({ ...f, election }))}
        problems={electionIssues}
      />
      {form.election.kind === 'none' ? (
        <OptionGroup
          label="事项类别"
          options={MATTER_OPTIONS}
          value={form.matter}
          onChange={(matter) => setForm((f) => ({ ...f, matter }))}
          hint="筹集维修资金、改建重建建筑物、改变共有部分用途或利用共有部分经营，属于重大事项"
        />
      ) : null}
      {error ? <ErrorNotice error={error} /> : null}
      <ActionButton onClick={save} busy={busy} busyText="正在保存…">
        {saveText}
      </ActionButton>
      {onCancel ? (
        <ActionButton kind="secondary" onClick={onCancel}>
          取消
        </ActionButton>
      ) : null}
    </View>
  )
}

function ItemLine({
  ballotId,
  estateId,
  item,
  election,
  onChanged,
}: {
  ballotId: string
  estateId: string
  item: BallotItemView
  election: ElectionRequest | undefined
  onChanged: (managed: ManagedBallot) => void
}) {
  const [editing, setEditing] = useState(false)
  const [error, setError] = useState<AppError | null>(null)
  if (editing) {
    return (
      <View className="admin-item" {...a11y({ role: 'listitem' })}>
        <ItemFields
          idPrefix={`item-${item.id}`}
          estateId={estateId}
          initial={{
            title: item.title,
            description: item.description,
            matter: item.matter,
            election: election ? electionFormOf(election) : noElection(),
          }}
          saveText={`保存第 ${item.seq} 项`}
          onSave={async (request) => {
            onChanged(await updateItem(ballotId, item.id, request))
            setEditing(false)
          }}
          onCancel={() => setEditing(false)}
        />
      </View>
    )
  }
  return (
    <View className="admin-item" {...a11y({ role: 'listitem' })}>
      <View className="admin-item__title">
        第 {item.seq} 项 {item.title}
      </View>
      <View className="muted">{MATTER_TEXT[item.matter]}</View>
      {item.description ? <View>{item.description}</View> : null}
      {election ? <ElectionSummary election={election} /> : null}
      {error ? <ErrorNotice error={error} /> : null}
      <View className="admin-item__actions">
        <ActionButton
          kind="secondary"
          onClick={() => setEditing(true)}
          label={`修改第 ${item.seq} 项`}
        >
          修改
        </ActionButton>
        <ActionButton
          kind="danger"
          onClick={() => {
            setError(null)
            removeItem(ballotId, item.id).then(onChanged, (cause: unknown) =>
              setError(toAppError(cause)),
            )
          }}
          label={`删除第 ${item.seq} 项`}
        >
          删除
        </ActionButton>
      </View>
    </View>
  )
}

/** An election item in the list: its rules and candidates, in full. */
function ElectionSummary({ election }: { election: ElectionRequest }) {
  const tender = election.candidates.some((c) => c.kind === 'company')
  return (
    <View>
      <View>
        {tender ? '选聘物业' : '选举'}：应选 {election.seats} 名，每人最多选{' '}
        {election.maxPicks} 名
      </View>
      <View {...a11y({ role: 'list', label: '候选人' })}>
        {election.candidates.map((c, index) => (
          <View key={`${index}:${c.name}`} {...a11y({ role: 'listitem' })}>
            {index + 1} 号 {c.name}
            {c.documentFileIds.length > 0
              ? `（材料 ${c.documentFileIds.length} 份）`
              : ''}
          </View>
        ))}
      </View>
    </View>
  )
}

function AnnounceStep({
  managed,
  onAnnounced,
}: {
  managed: ManagedBallot
  onAnnounced: (ballotId: string) => void
}) {
  const [confirming, setConfirming] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<AppError | null>(null)
  const { ballot } = managed

  async function send() {
    setBusy(true)
    setError(null)
    try {
      await announce(ballot.id)
      onAnnounced(ballot.id)
    } catch (cause) {
      setError(toAppError(cause))
      setConfirming(false)
    } finally {
      setBusy(false)
    }
  }

  return (
    <Section title="公告">
      <View>
        公告后，表决事项、名册和投票时间即公开并固定，不能再修改；系统按时开始和截止投票。
      </View>
      {error ? <ErrorNotice error={error} /> : null}
      {confirming ? (
        <View>
          <View className="confirm__warning" {...a11y({ role: 'alert' })}>
            确认公告“{ballot.title}”？名册将按现在的不动产登记冻结。
          </View>
          <ActionButton onClick={send} busy={busy} busyText="正在公告…">
            确认公告
          </ActionButton>
          <ActionButton kind="secondary" onClick={() => setConfirming(false)}>
            返回
          </ActionButton>
        </View>
      ) : (
        <ActionButton
          onClick={() => setConfirming(true)}
          disabled={!managed.canAnnounce}
        >
          公告表决
        </ActionButton>
      )}
      {managed.canAnnounce ? null : (
        <View className="muted">至少添加一个表决事项后才能公告。</View>
      )}
    </Section>
  )
}

function DraftEditor({
  initial,
  onAnnounced,
}: {
  initial: ManagedBallot
  onAnnounced: (ballotId: string) => void
}) {
  const [managed, setManaged] = useState(initial)
  const [saved, setSaved] = useState(false)
  const { ballot } = managed
  if (!managed.canEdit) {
    return (
      <View className="access-notice" {...a11y({ role: 'status' })}>
        这项表决已经公告，不能再修改。
      </View>
    )
  }
  return (
    <View>
      <Section title="基本信息">
        <DraftFields
          initial={formOf(managed)}
          saveText="保存草稿"
          onSave={async (request) => {
            setManaged(await updateDraft(ballot.id, request))
            setSaved(true)
          }}
        />
        {saved ? (
          <View className="muted" {...a11y({ role: 'status' })}>
            草稿已保存
          </View>
        ) : null}
      </Section>
      <Section title={`表决事项（${ballot.items.length} 项）`}>
        <View {...a11y({ role: 'list', label: '表决事项' })}>
          {ballot.items.map((item) => (
            <ItemLine
              key={`${item.id}:${item.seq}:${item.title}:${item.matter}`}
              ballotId={ballot.id}
              estateId={ballot.estateId}
              item={item}
              election={
                managed.elections?.find((e) => e.itemId === item.id)?.election
              }
              onChanged={setManaged}
            />
          ))}
        </View>
        <View
          className="admin-item__new"
          {...a11y({ role: 'heading', level: 3 })}
        >
          添加事项
        </View>
        <ItemFields
          idPrefix="item-new"
          estateId={ballot.estateId}
          initial={{
            title: '',
            description: '',
            matter: 'ordinary',
            election: noElection(),
          }}
          saveText="添加事项"
          onSave={async (request) =>
            setManaged(await addItem(ballot.id, request))
          }
        />
      </Section>
      <Section title="名册预览">
        <RollPreviewView
          ballotId={ballot.id}
          refreshKey={`${ballot.electorate.kind}:${listText(ballot.electorate)}`}
        />
      </Section>
      <AnnounceStep managed={managed} onAnnounced={onAnnounced} />
    </View>
  )
}

export interface BallotEditorProps {
  estateId: string
  /** Missing for a new ballot. */
  ballotId: string | null
  /** A new draft was saved: the page moves to editing it. */
  onCreated: (ballotId: string) => void
  onAnnounced: (ballotId: string) => void
  /** For tests; the page reads the clock. */
  now?: number
}

/**
 * The organisers' editor of a draft ballot: its title, who votes, the
 * schedule and whether votes may be changed; its items with their
 * matter type; the roll as it would be frozen; and the announcement.
 */
export function BallotEditor({
  estateId,
  ballotId,
  onCreated,
  onAnnounced,
  now = Date.now(),
}: BallotEditorProps) {
  const { state, reload } = useRemote(ballotId, () =>
    getManaged(ballotId ?? ''),
  )
  if (ballotId === null) {
    return (
      <Section title="新建表决">
        <DraftFields
          initial={emptyForm(now)}
          saveText="保存草稿"
          onSave={async (request) => {
            const managed = await createDraft(estateId, request)
            onCreated(managed.ballot.id)
          }}
        />
      </Section>
    )
  }
  return (
    <RemoteView state={state} loadingText="正在加载草稿…" onRetry={reload}>
      {(managed) => <DraftEditor initial={managed} onAnnounced={onAnnounced} />}
    </RemoteView>
  )
}
