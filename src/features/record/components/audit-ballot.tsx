import { View } from '@tarojs/components'
import { useEffect, useRef, useState } from 'react'

import type { AuditProgress, AuditReport, ItemRecount } from '@/core/audit'
import { AUDIT_STAGES, auditRecord } from '@/core/audit'
import type { AppError } from '@/core/errors'
import type { RecordExport } from '@/core/record-api'
import type { MeasureJson } from '@/core/tally-input'
import { toAppError } from '@/lib/api-client'
import { formatDateTime } from '@/lib/time'
import { a11y, ActionButton, ErrorNotice, Loading, Section } from '@/lib/ui'

import { getRecord } from '../api/get-record'
import { problemText, STAGE_TEXT } from '../record-text'
import { trustedKeys } from '../trusted-keys'
import './record.scss'

type AuditState =
  | { status: 'idle' }
  | { status: 'downloading' }
  | { status: 'checking'; progress: AuditProgress }
  | { status: 'done'; report: AuditReport; record: RecordExport }
  | { status: 'failed'; error: AppError }

// A macrotask between chunks lets the screen repaint and taps through;
// a resolved promise would not.
function yieldToUi(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0))
}

function Progress({ progress }: { progress: AuditProgress }) {
  const step = AUDIT_STAGES.indexOf(progress.stage) + 1
  const percent =
    progress.total === 0
      ? 100
      : Math.round((progress.done * 100) / progress.total)
  return (
    <View
      className="record__progress"
      {...a11y({ role: 'status', live: 'polite' })}
    >
      <View>
        第 {step}/{AUDIT_STAGES.length} 步：{STAGE_TEXT[progress.stage]}
      </View>
      <View
        className="record__bar"
        {...a11y({
          role: 'progressbar',
          label: `${STAGE_TEXT[progress.stage]} ${percent}%`,
        })}
      >
        <View className="record__bar-fill" style={{ width: `${percent}%` }} />
      </View>
      <View className="muted">
        {progress.done} / {progress.total}
      </View>
    </View>
  )
}

function measure(m: MeasureJson): string {
  return `面积 ${m.area} 平方米，${m.headcount} 人`
}

function Recount({
  item,
  publishedAt,
}: {
  item: ItemRecount
  publishedAt: string | null
}) {
  const r = item.recounted
  const same =
    item.published !== null &&
    JSON.stringify(item.published) === JSON.stringify(r)
  return (
    <Section title={item.title}>
      <View>同意：{measure(r.agree)}</View>
      <View>反对：{measure(r.oppose)}</View>
      <View>弃权：{measure(r.abstain)}</View>
      <View>参与表决：{measure(r.participating)}</View>
      <View>
        重新计票结果：
        {!r.quorum
          ? '未通过（参与未达法定比例）'
          : r.approved
            ? '通过'
            : '未通过'}
      </View>
      <View className="record__detail">
        {item.published === null
          ? publishedAt === null
            ? '结果尚未公布，未作比对'
            : // Ballots published before results went into the record.
              `结果已于 ${formatDateTime(publishedAt)} 公布，但记录中没有结果条目，未作比对`
          : same
            ? '✓ 与公布的结果完全一致'
            : '✗ 与公布的结果不一致（见下方“发现的问题”）'}
      </View>
    </Section>
  )
}

function Report({
  report,
  record,
}: {
  report: AuditReport
  record: RecordExport
}) {
  const titles = new Map(record.ballot.items.map((i) => [i.id, i.title]))
  const itemTitle = (id: string) => titles.get(id) ?? id
  const chainOk = !report.problems.some((p) => p.kind === 'entry')
  const blocksOk = !report.problems.some(
    (p) => p.kind.startsWith('block') || p.kind === 'unsealed',
  )
  const rollOk = !report.problems.some((p) => p.kind.startsWith('roll'))
  return (
    <View>
      <View
        className={`record__verdict${report.ok ? '' : ' record__verdict--bad'}`}
        {...a11y({ role: report.ok ? 'status' : 'alert' })}
      >
        {report.ok
          ? '✓ 全量核验通过：记录完整，未发现改动'
          : `✗ 发现 ${report.problems.length} 处问题`}
      </View>
      <Section title="核验了什么">
        <View className="record__detail">
          {chainOk ? '✓' : '✗'} 记录：共 {report.entries}{' '}
          条，逐条重新计算哈希并核对前后链接
        </View>
        <View className="record__detail">
          {blocksOk ? '✓' : '✗'} 区块：共 {report.blocks}{' '}
          块，每块都重新计算默克尔根，并用应用内置的公钥核对签名；每块至少有 3
          方中的 {report.fewestEndorsements} 方有效签名
          {report.lastSealedAt !== null
            ? `，最后一块封存于 ${formatDateTime(report.lastSealedAt)}`
            : ''}
        </View>
        <View className="record__detail">
          {rollOk ? '✓' : '✗'} 名册：共 {record.roll.length}{' '}
          套房屋，与记录中的名册摘要核对，并核对业主分组（名册只有匿名编号和面积）
        </View>
        <View className="record__detail">
          ✓ 重新计票：计入 {report.votes}{' '}
          位投票人各自的最后一票，用与后台相同的计票规则
        </View>
      </Section>
      {report.items.map((item) => (
        <Recount
          key={item.itemId}
          item={item}
          publishedAt={record.ballot.publishedAt}
        />
      ))}
      {report.problems.length > 0 ? (
        <Section title="发现的问题">
          {report.problems.map((p, i) => (
            <View
              key={`${p.kind}-${i}`}
              className="record__problem"
              {...a11y({ role: 'listitem' })}
            >
              {problemText(p, itemTitle)}
            </View>
          ))}
        </Section>
      ) : null}
    </View>
  )
}

/**
 * "全量核验": downloads a closed ballot's whole record and checks all of
 * it on the phone with the same code the backend's tests and the
 * auditor's command use, in chunks so the screen stays responsive.
 */
export function AuditBallot({ ballotId }: { ballotId: string }) {
  const [state, setState] = useState<AuditState>({ status: 'idle' })
  // A result arriving after the person left the page has nowhere to go.
  const live = useRef(true)
  useEffect(() => {
    live.current = true
    return () => {
      live.current = false
    }
  }, [])

  async function run() {
    setState({ status: 'downloading' })
    try {
      const record = await getRecord(ballotId)
      const report = await auditRecord(record, trustedKeys(), {
        onProgress: (progress) => {
          if (live.current) setState({ status: 'checking', progress })
        },
        pause: yieldToUi,
      })
      if (live.current) setState({ status: 'done', report, record })
    } catch (cause) {
      if (live.current) setState({ status: 'failed', error: toAppError(cause) })
    }
  }

  switch (state.status) {
    case 'idle':
      return (
        <View>
          <View className="muted">
            将下载本次表决的完整记录（名册、每一条记录和每一个区块），在本机逐条核对并重新计票。投票人数多时需要几秒钟，请保持在本页面。
          </View>
          <ActionButton onClick={run}>开始全量核验</ActionButton>
        </View>
      )
    case 'downloading':
      return <Loading text="正在下载完整记录…" />
    case 'checking':
      return <Progress progress={state.progress} />
    case 'failed':
      return <ErrorNotice error={state.error} onRetry={run} />
    case 'done':
      return (
        <View>
          <Report report={state.report} record={state.record} />
          <ActionButton kind="secondary" onClick={run}>
            重新核验
          </ActionButton>
        </View>
      )
  }
}
