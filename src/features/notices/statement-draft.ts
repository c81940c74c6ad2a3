/**
 * A public-income statement as staff type it: amounts are the text in
 * the fields, in yuan, kept as typed so that nothing is lost when a
 * figure is wrong or the backend refuses. Reading the draft turns each
 * amount into whole fen with the core's parseYuan and works the totals
 * out with totalsOf, so the app and the backend add up the same way.
 */
import type { MoneyLine, Quarter, Statement } from '@/core/public-income'
import {
  AMOUNT_MAX_FEN,
  LINE_LABEL_MAX,
  parseYuan,
  previousQuarter,
  totalsOf,
} from '@/core/public-income'
import { cleanTitle } from '@/core/notices'
import { inShanghai } from '@/lib/time'

export interface LineDraft {
  /** Stable across edits, so that removing a row keeps the others' focus. */
  key: string
  label: string
  amount: string
}

export interface StatementDraft {
  period: Quarter
  opening: string
  income: LineDraft[]
  expense: LineDraft[]
}

export type LineSide = 'income' | 'expense'

/** Field problems by key: `opening`, `income.<key>.label`, … */
export type StatementProblems = Record<string, string>

const AMOUNT_PROBLEM = '请填写金额（元），最多两位小数，例如 1250.50'
const OPENING_PROBLEM = '请填写期初结余（元），最多两位小数；透支可填负数'

let lineCount = 0

export function newLine(): LineDraft {
  lineCount += 1
  return { key: `line-${lineCount}`, label: '', amount: '' }
}

/** The quarter (in Shanghai) that holds `now`. */
export function quarterAt(now: number): Quarter {
  const day = inShanghai(now)
  return { year: day.year(), quarter: Math.floor(day.month() / 3) + 1 }
}

/**
 * The quarters a statement may be for, newest first: the current one
 * and the three before it. A statement usually goes up just after its
 * quarter ends, so the form starts on the last completed one.
 */
export function quarterChoices(now: number): Quarter[] {
  const choices = [quarterAt(now)]
  while (choices.length < 4) {
    choices.push(previousQuarter(choices[choices.length - 1]))
  }
  return choices
}

export function newStatementDraft(now: number): StatementDraft {
  return {
    period: previousQuarter(quarterAt(now)),
    opening: '',
    income: [newLine()],
    expense: [newLine()],
  }
}

/** A line amount: zero or more, whole fen, within the core's limit. */
function lineFen(text: string): number | null {
  const fen = parseYuan(text)
  return fen === null || fen < 0 || fen > AMOUNT_MAX_FEN ? null : fen
}

function openingFen(text: string): number | null {
  const fen = parseYuan(text)
  return fen === null || Math.abs(fen) > AMOUNT_MAX_FEN ? null : fen
}

export interface LiveTotals {
  incomeTotalFen: number
  expenseTotalFen: number
  /** Null until the opening balance is a valid amount. */
  closingFen: number | null
  /** Lines whose amount is not (yet) an amount; left out of the sums. */
  unreadable: number
}

/**
 * Totals as the person types: lines whose amount can not be read are
 * left out and counted, so the screen can say the sums are incomplete
 * rather than show a figure that looks final.
 */
export function liveTotals(d: StatementDraft): LiveTotals {
  const read = (lines: LineDraft[]): MoneyLine[] =>
    lines.flatMap((l) => {
      const fen = lineFen(l.amount)
      return fen === null ? [] : [{ label: l.label, amountFen: fen }]
    })
  const income = read(d.income)
  const expense = read(d.expense)
  const opening = openingFen(d.opening)
  const totals = totalsOf({ openingFen: opening ?? 0, income, expense })
  return {
    incomeTotalFen: totals.incomeTotalFen,
    expenseTotalFen: totals.expenseTotalFen,
    closingFen: opening === null ? null : totals.closingFen,
    unreadable:
      d.income.length + d.expense.length - income.length - expense.length,
  }
}

export type StatementReading =
  | { ok: true; statement: Statement }
  | { ok: false; problems: StatementProblems }

/**
 * The statement to send, with its totals worked out, or what to fix. A
 * row left wholly blank is dropped: it is a spare row, not a mistake.
 */
export function readStatement(d: StatementDraft): StatementReading {
  const problems: StatementProblems = {}
  const opening = openingFen(d.opening)
  if (opening === null) problems.opening = OPENING_PROBLEM

  const read = (side: LineSide): MoneyLine[] =>
    d[side]
      .filter((l) => l.label.trim() !== '' || l.amount.trim() !== '')
      .flatMap((l) => {
        const label = cleanTitle(l.label)
        const fen = lineFen(l.amount)
        if (label === '') problems[`${side}.${l.key}.label`] = '请填写项目名称'
        else if (label.length > LINE_LABEL_MAX) {
          problems[`${side}.${l.key}.label`] =
            `项目名称不能超过 ${LINE_LABEL_MAX} 字`
        }
        if (fen === null) problems[`${side}.${l.key}.amount`] = AMOUNT_PROBLEM
        return fen === null ? [] : [{ label, amountFen: fen }]
      })
  const income = read('income')
  const expense = read('expense')

  if (opening === null || Object.keys(problems).length > 0) {
    return { ok: false, problems }
  }
  return {
    ok: true,
    statement: {
      period: d.period,
      openingFen: opening,
      income,
      expense,
      ...totalsOf({ openingFen: opening, income, expense }),
    },
  }
}
