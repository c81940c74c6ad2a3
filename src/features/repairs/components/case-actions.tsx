import { View } from '@tarojs/components'
import { useState } from 'react'

import type { AppError } from '@/core/errors'
import {
  HANDLER_ORGS,
  HANDLER_TEXT,
  TRANSITIONS,
  type HandlerOrg,
  type RepairAction,
} from '@/core/repair-case'
import type { RepairCaseDetail } from '@/core/repairs-api'
import { toAppError } from '@/lib/api-client'
import { ActionButton, ErrorNotice, Section, TextField } from '@/lib/ui'

import { actOnCase } from '../api/act-on-case'
import { ChipGroup } from './chip-group'

export interface CaseActionsProps {
  kase: RepairCaseDetail
  onChanged: (kase: RepairCaseDetail) => void
}

// What the note is called for each action that takes one.
const NOTE_LABEL: Partial<Record<RepairAction, string>> = {
  resolve: '处理情况',
  reopen: '没修好的地方',
  reject: '不予受理的理由',
  transfer: '转办理由',
  cancel: '撤销原因',
  merge: '合并说明',
  accept: '备注（选填）',
  start: '备注（选填）',
}

/**
 * The moves the viewer may make now, straight from the transition table
 * (the backend sends `myActions`). A move is chosen first, then its
 * fields filled and confirmed: one action on the screen at a time.
 */
export function CaseActions({ kase, onChanged }: CaseActionsProps) {
  const [action, setAction] = useState<RepairAction | null>(null)
  const [note, setNote] = useState('')
  const [team, setTeam] = useState(kase.team ?? '')
  const [handler, setHandler] = useState<HandlerOrg | null>(null)
  const [intoCaseId, setIntoCaseId] = useState('')
  const [sending, setSending] = useState(false)
  const [error, setError] = useState<AppError | null>(null)

  const actions = kase.myActions.filter((a) => a !== 'confirm')
  const canConfirm = kase.myActions.includes('confirm')
  if (kase.myActions.length === 0) return null

  async function send(chosen: RepairAction) {
    setSending(true)
    setError(null)
    try {
      const after = await actOnCase(kase.id, {
        action: chosen,
        ...(note.trim() ? { note: note.trim() } : {}),
        ...(chosen === 'assign' ? { team: team.trim() } : {}),
        ...(chosen === 'transfer' && handler ? { handler } : {}),
        ...(chosen === 'merge' ? { intoCaseId: intoCaseId.trim() } : {}),
      })
      setAction(null)
      setNote('')
      onChanged(after)
    } catch (cause) {
      setError(toAppError(cause))
    } finally {
      setSending(false)
    }
  }

  if (action) {
    const rule = TRANSITIONS[action]
    const missing =
      (rule.needsNote && note.trim() === '') ||
      (action === 'assign' && team.trim() === '') ||
      (action === 'transfer' && !handler) ||
      (action === 'merge' && intoCaseId.trim() === '')
    return (
      <Section title={rule.text}>
        {action === 'assign' ? (
          <TextField
            id="case-team"
            label="承接班组或人员"
            value={team}
            maxlength={30}
            placeholder="如：水电维修组"
            onChange={setTeam}
          />
        ) : null}
        {action === 'transfer' ? (
          <ChipGroup
            label="转给"
            options={HANDLER_ORGS.filter((h) => h !== kase.handler).map(
              (h) => ({ value: h, text: HANDLER_TEXT[h] }),
            )}
            value={handler}
            onChange={setHandler}
          />
        ) : null}
        {action === 'merge' ? (
          <TextField
            id="case-merge-into"
            label="保留的报修编号"
            value={intoCaseId}
            maxlength={64}
            placeholder="如：R20261203-0001"
            onChange={setIntoCaseId}
          />
        ) : null}
        {NOTE_LABEL[action] ? (
          <TextField
            id="case-note"
            label={NOTE_LABEL[action] ?? '说明'}
            value={note}
            maxlength={300}
            onChange={setNote}
            hint={rule.needsNote ? '必填，报修人会在处理进度中看到' : undefined}
          />
        ) : null}
        {error ? <ErrorNotice error={error} /> : null}
        <ActionButton
          kind={
            action === 'reject' || action === 'cancel' ? 'danger' : 'primary'
          }
          onClick={() => send(action)}
          disabled={missing}
          busy={sending}
          busyText="正在提交…"
        >
          {`确认${rule.text}`}
        </ActionButton>
        <ActionButton kind="secondary" onClick={() => setAction(null)}>
          返回
        </ActionButton>
      </Section>
    )
  }

  return (
    <Section title="可以做的操作">
      {canConfirm ? (
        <>
          <View className="muted">
            问题解决了吗？确认后可以评价；没修好请选“重新打开”。
          </View>
          <ActionButton
            onClick={() => send('confirm')}
            busy={sending}
            busyText="正在提交…"
          >
            {TRANSITIONS.confirm.text}
          </ActionButton>
        </>
      ) : null}
      {error ? <ErrorNotice error={error} /> : null}
      {actions.map((a) => (
        <ActionButton
          key={a}
          kind={
            a === 'reject' || a === 'cancel' || a === 'reopen'
              ? 'secondary'
              : 'primary'
          }
          onClick={() => {
            setError(null)
            setAction(a)
          }}
        >
          {TRANSITIONS[a].text}
        </ActionButton>
      ))}
    </Section>
  )
}
