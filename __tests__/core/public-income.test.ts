import fc from 'fast-check'

import {
  checkStatement,
  formatYuan,
  parseYuan,
  previousQuarter,
  quarterText,
  statementProblemText,
  totalsOf,
  type MoneyLine,
  type Statement,
} from '@/core/public-income'

/** 2026 Q3 of 晨曦名邸, as on the notice board. */
const Q3: Statement = {
  period: { year: 2026, quarter: 3 },
  openingFen: 128_450_36,
  income: [
    { label: '地面停车费', amountFen: 86_400_00 },
    { label: '电梯广告', amountFen: 12_600_50 },
  ],
  expense: [{ label: '监控设备维修', amountFen: 8_320_00 }],
  incomeTotalFen: 99_000_50,
  expenseTotalFen: 8_320_00,
  closingFen: 219_130_86,
}

describe('the public-income statement', () => {
  it('adds up when the totals and the carried balance are right', () => {
    expect(checkStatement(Q3)).toEqual([])
  })

  it('names the closing balance that does not follow from the figures', () => {
    expect(checkStatement({ ...Q3, closingFen: 219_130_00 })).toEqual([
      { kind: 'closing', statedFen: 219_130_00, expectedFen: 219_130_86 },
    ])
  })

  it('names a wrong income total, and the closing balance it throws off', () => {
    const wrong = { ...Q3, incomeTotalFen: 99_000_00 }
    expect(checkStatement(wrong).map((p) => p.kind)).toEqual(['income-total'])
    expect(statementProblemText(checkStatement(wrong)[0])).toBe(
      '收入合计应为 99,000.50 元，填写的是 99,000.00 元',
    )
  })

  it('refuses fractions of a fen and negative lines before adding anything', () => {
    const bad = {
      ...Q3,
      income: [{ label: '停车', amountFen: 0.5 }],
      expense: [{ label: '维修', amountFen: -100 }],
    }
    expect(checkStatement(bad)).toEqual([
      { kind: 'amount', field: 'income.0.amountFen' },
      { kind: 'amount', field: 'expense.0.amountFen' },
    ])
  })

  it('carries a negative opening balance', () => {
    const debt = { ...Q3, openingFen: -500_00 }
    expect(checkStatement({ ...debt, ...totalsOf(debt) })).toEqual([])
    expect(totalsOf(debt).closingFen).toBe(90_180_50)
  })

  const line = fc.record({
    label: fc.constant('项'),
    amountFen: fc.integer({ min: 0, max: 100_000_000 }),
  })
  const lines = fc.array(line, { maxLength: 10 })

  it('accepts every statement whose totals are computed from its lines', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1_000_000, max: 1_000_000_000 }),
        lines,
        lines,
        (openingFen, income: MoneyLine[], expense: MoneyLine[]) => {
          const s = { period: Q3.period, openingFen, income, expense }
          expect(checkStatement({ ...s, ...totalsOf(s) })).toEqual([])
        },
      ),
    )
  })

  it('refuses every statement whose closing balance is off by any amount', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1_000_000, max: 1_000_000 }).filter((d) => d !== 0),
        (delta) => {
          const problems = checkStatement({
            ...Q3,
            closingFen: Q3.closingFen + delta,
          })
          expect(problems).toEqual([
            {
              kind: 'closing',
              statedFen: Q3.closingFen + delta,
              expectedFen: Q3.closingFen,
            },
          ])
        },
      ),
    )
  })
})

describe('yuan as people write it', () => {
  it('writes fen as yuan with thousands separators', () => {
    expect(formatYuan(219_130_86)).toBe('219,130.86')
    expect(formatYuan(5)).toBe('0.05')
    expect(formatYuan(-500_00)).toBe('-500.00')
  })

  it('reads what a person types', () => {
    expect(parseYuan('12,345.6')).toBe(1_234_560)
    expect(parseYuan('0.05')).toBe(5)
    expect(parseYuan('-0')).toBe(0)
    expect(parseYuan('1.234')).toBeNull()
    expect(parseYuan('12,34')).toBeNull()
    expect(parseYuan('')).toBeNull()
  })

  it('reads back exactly what it writes', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -99_999_999_999, max: 99_999_999_999 }),
        (fen) => {
          expect(parseYuan(formatYuan(fen))).toBe(fen)
        },
      ),
    )
  })
})

describe('quarters', () => {
  it('names a quarter and finds the one before, across a year', () => {
    expect(quarterText({ year: 2026, quarter: 3 })).toBe('2026年第三季度')
    expect(previousQuarter({ year: 2026, quarter: 1 })).toEqual({
      year: 2025,
      quarter: 4,
    })
  })
})
