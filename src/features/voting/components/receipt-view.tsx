import { View } from '@tarojs/components'

import type { Receipt } from '@/core/api-types'
import { CHOICE_TEXT } from '@/core/ballot'
import { formatDateTime } from '@/lib/time'
import { a11y, Section } from '@/lib/ui'

import { unitsText } from '../ballot-text'
import './voting.scss'

/** Spelled out one character at a time, as a screen reader should read it. */
function spelled(code: string): string {
  return Array.from(code.replace(/-/g, '')).join(' ')
}

export function ReceiptView({ receipt }: { receipt: Receipt }) {
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
        <View className="muted">
          请保存回执码：表决结果公布后，可凭它核对您的投票已被计入。
        </View>
      </Section>
      <Section title="投票信息">
        <View>表决：{receipt.ballotTitle}</View>
        <View>时间：{formatDateTime(receipt.castAt)}（北京时间）</View>
        <View>房屋：{unitsText(receipt.units)}</View>
        <View>记录序号：第 {receipt.seq} 条</View>
      </Section>
      <Section title="您的选择">
        {receipt.choices.map((c) => (
          <View key={c.itemId} className="review__row">
            <View>{c.itemTitle}</View>
            <View className="review__choice">{CHOICE_TEXT[c.choice]}</View>
          </View>
        ))}
      </Section>
    </View>
  )
}

export interface ReceiptListProps {
  receipts: Receipt[]
  onOpen: (receiptCode: string) => void
}

export function ReceiptList({ receipts, onOpen }: ReceiptListProps) {
  return (
    <View {...a11y({ role: 'list' })}>
      {receipts.map((r) => (
        <View
          key={r.receiptCode}
          className="ballot-card"
          onClick={() => onOpen(r.receiptCode)}
          {...a11y({
            role: 'link',
            label: `${r.ballotTitle}，回执码 ${r.receiptCode}`,
            focusable: true,
          })}
        >
          <View className="ballot-card__title">{r.ballotTitle}</View>
          <View>回执码 {r.receiptCode}</View>
          <View className="muted">
            {formatDateTime(r.castAt)} · {unitsText(r.units)}
          </View>
        </View>
      ))}
    </View>
  )
}
