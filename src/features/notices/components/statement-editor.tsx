import { View } from '@tarojs/components'

import {
  formatYuan,
  LINE_LABEL_MAX,
  quarterText,
  sameQuarter,
  STATEMENT_LINES_MAX,
} from '@/core/public-income'
import { a11y, ActionButton, TextField } from '@/lib/ui'

import type {
  LineDraft,
  LineSide,
  StatementDraft,
  StatementProblems,
} from '../statement-draft'
import { liveTotals, newLine, quarterChoices } from '../statement-draft'
import { RadioChips } from './choice-chips'
import './notices.scss'

const SIDE_TEXT: Record<LineSide, string> = { income: '收入', expense: '支出' }

export interface StatementEditorProps {
  value: StatementDraft
  onChange: (value: StatementDraft) => void
  problems: StatementProblems
  /** For the quarter choices; the form passes the clock it runs on. */
  now: number
}

interface LinesProps {
  side: LineSide
  lines: LineDraft[]
  problems: StatementProblems
  onChange: (lines: LineDraft[]) => void
}

function Lines({ side, lines, problems, onChange }: LinesProps) {
  const name = SIDE_TEXT[side]
  const edit = (key: string, patch: Partial<LineDraft>) =>
    onChange(lines.map((l) => (l.key === key ? { ...l, ...patch } : l)))
  return (
    <View {...a11y({ role: 'group', label: `${name}明细` })}>
      {lines.map((line, i) => (
        <View key={line.key} className="editor-row">
          <View className="editor-row__title">
            {name}第 {i + 1} 项
          </View>
          <TextField
            id={`${side}-${line.key}-label`}
            label={`${name}第 ${i + 1} 项名称`}
            value={line.label}
            maxlength={LINE_LABEL_MAX}
            placeholder={side === 'income' ? '例如 停车费' : '例如 保洁费'}
            onChange={(label) => edit(line.key, { label })}
            problem={problems[`${side}.${line.key}.label`]}
          />
          <TextField
            id={`${side}-${line.key}-amount`}
            label={`${name}第 ${i + 1} 项金额（元）`}
            value={line.amount}
            onChange={(amount) => edit(line.key, { amount })}
            problem={problems[`${side}.${line.key}.amount`]}
          />
          <ActionButton
            kind="link"
            label={`删除${name}第 ${i + 1} 项`}
            onClick={() => onChange(lines.filter((l) => l.key !== line.key))}
          >
            删除这一项
          </ActionButton>
        </View>
      ))}
      {lines.length < STATEMENT_LINES_MAX ? (
        <ActionButton
          kind="secondary"
          label={`添加一项${name}`}
          onClick={() => onChange([...lines, newLine()])}
        >
          ＋ 添加{name}项目
        </ActionButton>
      ) : null}
    </View>
  )
}

/**
 * The quarterly public-income statement as staff fill it in: quarter,
 * opening balance, income and expense lines in yuan. The totals and the
 * closing balance are worked out as they type, in whole fen, and are
 * what is sent; nobody adds up by hand.
 */
export function StatementEditor({
  value,
  onChange,
  problems,
  now,
}: StatementEditorProps) {
  const set = (patch: Partial<StatementDraft>) =>
    onChange({ ...value, ...patch })
  const quarters = quarterChoices(now)
  const totals = liveTotals(value)
  const chosen = quarters.findIndex((q) => sameQuarter(q, value.period))
  return (
    <View className="statement-editor">
      <RadioChips
        label="公示季度"
        choices={quarters.map((q, i) => ({
          value: String(i),
          text: quarterText(q),
        }))}
        value={String(chosen)}
        onChange={(i) => set({ period: quarters[Number(i)] })}
      />
      <TextField
        id="statement-opening"
        label="期初结余（元）"
        value={value.opening}
        onChange={(opening) => set({ opening })}
        hint="须与上一季度公示的期末结余一致"
        problem={problems.opening}
      />
      <View className="editor-heading">收入</View>
      <Lines
        side="income"
        lines={value.income}
        problems={problems}
        onChange={(income) => set({ income })}
      />
      <View className="editor-heading">支出</View>
      <Lines
        side="expense"
        lines={value.expense}
        problems={problems}
        onChange={(expense) => set({ expense })}
      />
      <View
        className="statement-totals"
        {...a11y({ role: 'status', label: '自动合计' })}
      >
        <View>收入合计：{formatYuan(totals.incomeTotalFen)} 元</View>
        <View>支出合计：{formatYuan(totals.expenseTotalFen)} 元</View>
        <View>
          期末结余：
          {totals.closingFen === null
            ? '填写期初结余后计算'
            : `${formatYuan(totals.closingFen)} 元`}
        </View>
        {totals.unreadable > 0 ? (
          <View className="field__problem">
            有 {totals.unreadable} 项金额未填或格式不对，暂未计入合计
          </View>
        ) : null}
      </View>
    </View>
  )
}
