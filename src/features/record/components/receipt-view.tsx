import { View } from '@tarojs/components'
import { useState } from 'react'

import { CHOICE_TEXT } from '@/core/ballot'
import { isPicks, picksText } from '@/core/election-api'
import type { SignedReceipt } from '@/core/record-api'
import { receiptSignatureValid } from '@/core/vote-check'
import { formatDateTime } from '@/lib/time'
import { a11y, ActionButton, Section } from '@/lib/ui'

import { trustedKeys } from '../trusted-keys'
import { VerifyVote } from './verify-vote'
import './record.scss'

/** Spelled out one character at a time, as a screen reader should read it. */
function spelled(code: string): string {
  return Array.from(code.replace(/-/g, '')).join(' ')
}

function unitsText(units: string[]): string {
  return units.join('、')
}

/**
 * The choice stays hidden until the owner asks: a receipt is opened in
 * lifts and queues, where someone may be looking over a shoulder.
 */
function Choices({ receipt }: { receipt: SignedReceipt }) {
  const [shown, setShown] = useState(false)
  return (
    <Section title="您的选择">
      {shown ? (
        receipt.choices.map((c) => (
          <View key={c.itemId} className="record__row">
            <View>{c.itemTitle}</View>
            <View className="record__choice">
              {isPicks(c)
                ? picksText(c.pickNames ?? c.picks)
                : CHOICE_TEXT[c.choice]}
            </View>
          </View>
        ))
      ) : (
        <View className="record__hidden">选择已隐藏，以免旁人看到</View>
      )}
      <ActionButton
        kind="secondary"
        onClick={() => setShown(!shown)}
        label={shown ? '隐藏我的选择' : '显示我的选择'}
      >
        {shown ? '隐藏我的选择' : '显示我的选择'}
      </ActionButton>
    </Section>
  )
}

export interface ReceiptViewProps {
  receipt: SignedReceipt
  onAudit: (ballotId: string) => void
}

export function ReceiptView({ receipt, onAudit }: ReceiptViewProps) {
  // Checked on the phone, with no network, against the built-in key.
  const signed = receiptSignatureValid(receipt, trustedKeys())
  return (
    <View>
      <View className="receipt__ok" {...a11y({ role: 'status' })}>
        ✓ 投票已记录
      </View>
      <Section title="投票回执">
        <View className="receipt__label">回执码</View>
        <View
          className="receipt__code"
          {...a11y({
            role: 'text',
            label: `回执码 ${spelled(receipt.receiptCode)}`,
          })}
        >
          {receipt.receiptCode}
        </View>
        <View className={signed ? 'record__signed' : 'record__unsigned'}>
          {signed
            ? '✓ 回执签名有效：已在本机用应用内置的公钥核对，无需联网'
            : '⚠ 回执签名无法核对：请联网后在“我的回执”中刷新'}
        </View>
        <View className="muted">
          请保存回执码：封存后可凭它核验您的投票已被收录且未被改动。
        </View>
      </Section>
      <Section title="投票信息">
        <View>表决：{receipt.ballotTitle}</View>
        <View>时间：{formatDateTime(receipt.castAt)}（北京时间）</View>
        <View>房屋：{unitsText(receipt.units)}</View>
        <View>记录序号：第 {receipt.seq} 条</View>
        <View>
          记录中的匿名编号：
          <View className="record__mono">{receipt.voterId}</View>
        </View>
        <View className="muted">
          公开的记录和名册只用这个编号，不写房号和姓名。
        </View>
      </Section>
      <Choices receipt={receipt} />
      <Section title="核验">
        <VerifyVote receipt={receipt} />
        <ActionButton kind="link" onClick={() => onAudit(receipt.ballotId)}>
          全量核验本次表决（截止后可用）
        </ActionButton>
      </Section>
    </View>
  )
}

export interface ReceiptListProps {
  receipts: SignedReceipt[]
  onOpen: (receiptCode: string) => void
}

export function ReceiptList({ receipts, onOpen }: ReceiptListProps) {
  return (
    <View {...a11y({ role: 'list' })}>
      {receipts.map((r) => (
        <View
          key={r.receiptCode}
          className="record-card"
          onClick={() => onOpen(r.receiptCode)}
          {...a11y({
            role: 'link',
            label: `${r.ballotTitle}，回执码 ${r.receiptCode}`,
            focusable: true,
          })}
        >
          <View className="record-card__title">{r.ballotTitle}</View>
          <View>回执码 {r.receiptCode}</View>
          <View className="muted">
            {formatDateTime(r.castAt)} · {unitsText(r.units)}
          </View>
        </View>
      ))}
    </View>
  )
}
