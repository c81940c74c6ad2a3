import { View } from '@tarojs/components'

import type { MoneyLine, Statement } from '@/core/public-income'
import { formatYuan, quarterText } from '@/core/public-income'
import { a11y } from '@/lib/ui'

import './notices.scss'

function Row({
  label,
  fen,
  strong = false,
}: {
  label: string
  fen: number
  strong?: boolean
}) {
  return (
    <View
      className={`money-table__row${strong ? ' money-table__row--total' : ''}`}
      {...a11y({ role: 'row' })}
    >
      <View className="money-table__label" {...a11y({ role: 'cell' })}>
        {label}
      </View>
      <View className="money-table__amount" {...a11y({ role: 'cell' })}>
        {formatYuan(fen)}
      </View>
    </View>
  )
}

function Group({ title, lines }: { title: string; lines: MoneyLine[] }) {
  return (
    <>
      <View className="money-table__group" {...a11y({ role: 'row' })}>
        <View {...a11y({ role: 'rowheader' })}>{title}</View>
      </View>
      {lines.length === 0 ? (
        <Row label="（无）" fen={0} />
      ) : (
        lines.map((line, i) => (
          <Row
            key={`${i}:${line.label}`}
            label={line.label}
            fen={line.amountFen}
          />
        ))
      )}
    </>
  )
}

interface Bar {
  name: string
  fen: number
  kind: 'balance' | 'income' | 'expense'
}

/**
 * Four bars drawn with Views, scaled to the largest figure. Screen
 * readers get one sentence with every figure; the numbers are also
 * written beside each bar, for eyes and for the mini-program, which
 * drops ARIA attributes.
 */
function Chart({ s }: { s: Statement }) {
  const bars: Bar[] = [
    { name: '期初结余', fen: s.openingFen, kind: 'balance' },
    { name: '本季收入', fen: s.incomeTotalFen, kind: 'income' },
    { name: '本季支出', fen: s.expenseTotalFen, kind: 'expense' },
    { name: '期末结余', fen: s.closingFen, kind: 'balance' },
  ]
  const largest = Math.max(1, ...bars.map((b) => Math.abs(b.fen)))
  const sentence = `收支图：${bars.map((b) => `${b.name} ${formatYuan(b.fen)} 元`).join('，')}`
  return (
    <View className="money-chart" {...a11y({ role: 'img', label: sentence })}>
      {bars.map((b) => (
        <View key={b.name} className="money-chart__row" aria-hidden="true">
          <View className="money-chart__name">{b.name}</View>
          <View className="money-chart__track">
            <View
              className={`money-chart__bar money-chart__bar--${b.kind}`}
              style={{
                width: `${((Math.abs(b.fen) / largest) * 100).toFixed(1)}%`,
              }}
            />
          </View>
          <View className="money-chart__value">{formatYuan(b.fen)}</View>
        </View>
      ))}
    </View>
  )
}

export interface PublicIncomeViewProps {
  statement: Statement
}

/**
 * The quarterly public-income statement as the notice board shows it: a
 * table of income and expense lines with their totals and the balance
 * carried, in yuan to the fen, and a bar chart of the four figures.
 */
export function PublicIncomeView({ statement: s }: PublicIncomeViewProps) {
  return (
    <View className="public-income">
      <View
        className="public-income__title"
        {...a11y({ role: 'heading', level: 3 })}
      >
        {quarterText(s.period)}公共收益收支表（单位：元）
      </View>
      <View
        className="money-table"
        {...a11y({
          role: 'table',
          label: `${quarterText(s.period)}公共收益收支表，单位元`,
        })}
      >
        <View className="money-table__head" {...a11y({ role: 'row' })}>
          <View {...a11y({ role: 'columnheader' })}>项目</View>
          <View {...a11y({ role: 'columnheader' })}>金额（元）</View>
        </View>
        <Row label="期初结余（上季度结转）" fen={s.openingFen} strong />
        <Group title="收入" lines={s.income} />
        <Row label="收入合计" fen={s.incomeTotalFen} strong />
        <Group title="支出" lines={s.expense} />
        <Row label="支出合计" fen={s.expenseTotalFen} strong />
        <Row label="期末结余" fen={s.closingFen} strong />
      </View>
      <View className="muted public-income__rule">
        期末结余 = 期初结余 + 收入合计 − 支出合计，发布时已核对。
      </View>
      <Chart s={s} />
    </View>
  )
}
