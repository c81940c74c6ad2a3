/**
 * The quarterly public-income statement (公共收益公示): what the common
 * parts earned (parking, advertising, rented rooms) and what was spent,
 * with the balance carried from one quarter to the next. Money is whole
 * fen (分), never floating point: 0.1 + 0.2 must not appear in a statement
 * the public checks by hand. The largest figure we expect (an estate's
 * balance of a few million yuan) is far inside Number.MAX_SAFE_INTEGER.
 *
 * A statement is posted with its totals written out, as on the paper
 * notice board, and refused unless they add up:
 *   income total  = sum of income lines
 *   expense total = sum of expense lines
 *   closing       = opening + income total − expense total
 */

export interface MoneyLine {
  label: string
  /** Whole fen, zero or more. */
  amountFen: number
}

export interface Quarter {
  year: number
  /** 1–4 */
  quarter: number
}

export interface Statement {
  period: Quarter
  openingFen: number
  income: MoneyLine[]
  expense: MoneyLine[]
  incomeTotalFen: number
  expenseTotalFen: number
  closingFen: number
}

export const STATEMENT_LINES_MAX = 30
export const LINE_LABEL_MAX = 40
/** 100 million yuan: more than any estate's public income. */
export const AMOUNT_MAX_FEN = 10_000_000_000

export type StatementProblem =
  | { kind: 'amount'; field: string }
  | { kind: 'income-total'; statedFen: number; expectedFen: number }
  | { kind: 'expense-total'; statedFen: number; expectedFen: number }
  | { kind: 'closing'; statedFen: number; expectedFen: number }

function isAmount(value: number, allowNegative = false): boolean {
  return (
    Number.isSafeInteger(value) &&
    Math.abs(value) <= AMOUNT_MAX_FEN &&
    (allowNegative || value >= 0)
  )
}

export function sumFen(lines: readonly MoneyLine[]): number {
  return lines.reduce((total, line) => total + line.amountFen, 0)
}

/** The totals a statement's lines and opening balance give. */
export function totalsOf(
  s: Pick<Statement, 'openingFen' | 'income' | 'expense'>,
): Pick<Statement, 'incomeTotalFen' | 'expenseTotalFen' | 'closingFen'> {
  const incomeTotalFen = sumFen(s.income)
  const expenseTotalFen = sumFen(s.expense)
  return {
    incomeTotalFen,
    expenseTotalFen,
    closingFen: s.openingFen + incomeTotalFen - expenseTotalFen,
  }
}

/**
 * Every way the statement fails to add up; empty when it does. Amounts
 * are checked first: a sum over a fraction of a fen means nothing. The
 * opening balance may be negative (an overspent quarter carries a debt).
 */
export function checkStatement(s: Statement): StatementProblem[] {
  const bad: StatementProblem[] = []
  if (!isAmount(s.openingFen, true)) {
    bad.push({ kind: 'amount', field: 'openingFen' })
  }
  s.income.forEach((line, i) => {
    if (!isAmount(line.amountFen)) {
      bad.push({ kind: 'amount', field: `income.${i}.amountFen` })
    }
  })
  s.expense.forEach((line, i) => {
    if (!isAmount(line.amountFen)) {
      bad.push({ kind: 'amount', field: `expense.${i}.amountFen` })
    }
  })
  if (bad.length > 0) return bad

  const expected = totalsOf(s)
  if (s.incomeTotalFen !== expected.incomeTotalFen) {
    bad.push({
      kind: 'income-total',
      statedFen: s.incomeTotalFen,
      expectedFen: expected.incomeTotalFen,
    })
  }
  if (s.expenseTotalFen !== expected.expenseTotalFen) {
    bad.push({
      kind: 'expense-total',
      statedFen: s.expenseTotalFen,
      expectedFen: expected.expenseTotalFen,
    })
  }
  if (s.closingFen !== expected.closingFen) {
    bad.push({
      kind: 'closing',
      statedFen: s.closingFen,
      expectedFen: expected.closingFen,
    })
  }
  return bad
}

/** What a problem means, for the person who typed the figures. */
export function statementProblemText(p: StatementProblem): string {
  switch (p.kind) {
    case 'amount':
      return '金额应为不小于 0 的数字，最多两位小数'
    case 'income-total':
      return `收入合计应为 ${formatYuan(p.expectedFen)} 元，填写的是 ${formatYuan(p.statedFen)} 元`
    case 'expense-total':
      return `支出合计应为 ${formatYuan(p.expectedFen)} 元，填写的是 ${formatYuan(p.statedFen)} 元`
    case 'closing':
      return `期末结余应为 ${formatYuan(p.expectedFen)} 元（期初 + 收入 − 支出），填写的是 ${formatYuan(p.statedFen)} 元`
  }
}

// ---- yuan as people write it ----------------------------------------

/** 1234567 → "12,345.67"; −500 → "-5.00". */
export function formatYuan(fen: number): string {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`not whole fen: ${fen}`)
  const sign = fen < 0 ? '-' : ''
  const abs = Math.abs(fen)
  const yuan = String(Math.floor(abs / 100)).replace(
    /\B(?=(\d{3})+(?!\d))/g,
    ',',
  )
  return `${sign}${yuan}.${String(abs % 100).padStart(2, '0')}`
}

const YUAN_TEXT = /^(-)?(\d{1,9}|\d{1,3}(?:,\d{3}){1,2})(?:\.(\d{1,2}))?$/

/** "12,345.6" → 1234560; null for anything that is not an amount. */
export function parseYuan(text: string): number | null {
  const match = YUAN_TEXT.exec(text.trim())
  if (!match) return null
  const whole = Number(match[2].replace(/,/g, ''))
  const fen = whole * 100 + Number((match[3] ?? '').padEnd(2, '0'))
  // "-0" is zero, not a negative zero that prints as "-0.00".
  return match[1] && fen !== 0 ? -fen : fen
}

// ---- quarters -------------------------------------------------------

const QUARTER_NAMES = ['一', '二', '三', '四']

/** 2026年第三季度 */
export function quarterText(q: Quarter): string {
  return `${q.year}年第${QUARTER_NAMES[q.quarter - 1]}季度`
}

export function previousQuarter(q: Quarter): Quarter {
  return q.quarter === 1
    ? { year: q.year - 1, quarter: 4 }
    : { year: q.year, quarter: q.quarter - 1 }
}

export function sameQuarter(a: Quarter, b: Quarter): boolean {
  return a.year === b.year && a.quarter === b.quarter
}
