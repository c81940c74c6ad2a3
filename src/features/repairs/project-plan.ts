/**
 * The project form's fields as typed, and the rules that turn them into
 * a CreateProjectRequest. Kept apart from the screen so the arithmetic of
 * the preview is the core's own `shareCost`, run exactly as the backend
 * runs it (same party ids, so the same fen go to the same party).
 */
import {
  BASIS_POINTS,
  basisPoints,
  parseYuan,
  shareCost,
  type PartyAmount,
} from '@/core/cost-sharing'
import type {
  CreateProjectRequest,
  EmergencyApprover,
  Funding,
  SharePartyInput,
} from '@/core/repairs-api'

/** The backend's ceiling on a budget: ¥100,000,000.00. */
export const MAX_BUDGET_FEN = 100_000_000_00

export interface PartyFields {
  name: string
  /** Percent as typed: "60", "33.34". */
  percent: string
  /** Owners split their part by area; others pay it as one. */
  owners: boolean
}

export interface MilestoneFields {
  title: string
  /** "2026-12-20", a day in Shanghai. */
  date: string
}

export type OwnersScope = 'buildings' | 'estate'

export interface ProjectFields {
  title: string
  budget: string
  parties: PartyFields[]
  ownersScope: OwnersScope
  buildings: string[]
  funding: Funding
  approvalKind: 'ballot' | 'emergency'
  ballotId: string | null
  approver: EmergencyApprover
  approvedBy: string
  reason: string
  milestones: MilestoneFields[]
}

export type FieldName =
  'title' | 'budget' | 'parties' | 'buildings' | 'approval' | 'milestones'

export type Problems = Partial<Record<FieldName, string>>

const PERCENT_TEXT = /^(\d{1,3})(?:\.(\d{1,2}))?$/
const DATE_TEXT = /^\d{4}-\d{2}-\d{2}$/

/** "60" → 6000 basis points, "33.34" → 3334; null for anything else. */
export function parsePercent(text: string): number | null {
  const match = PERCENT_TEXT.exec(text.trim().replace(/[%％]$/, ''))
  if (!match) return null
  const bp = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'))
  return bp <= BASIS_POINTS ? bp : null
}

/** The sum of the shares typed so far, in basis points, or null. */
export function shareTotal(parties: readonly PartyFields[]): number | null {
  let total = 0
  for (const party of parties) {
    const bp = parsePercent(party.percent)
    if (bp === null) return null
    total += bp
  }
  return total
}

/** "100%", "90%", "33.34%" for basis points. */
export function percentText(bp: number): string {
  const whole = Math.floor(bp / 100)
  const rest = bp % 100
  return rest === 0
    ? `${whole}%`
    : `${whole}.${String(rest).padStart(2, '0').replace(/0$/, '')}%`
}

/** What the live check under the shares says. */
export function shareCheckText(parties: readonly PartyFields[]): string {
  const total = shareTotal(parties)
  if (total === null) return '请把每一方的比例填成 0 到 100 的数，最多两位小数'
  if (total === BASIS_POINTS) return '合计 100%，可以提交'
  return total < BASIS_POINTS
    ? `合计 ${percentText(total)}，还差 ${percentText(BASIS_POINTS - total)}`
    : `合计 ${percentText(total)}，多了 ${percentText(total - BASIS_POINTS)}`
}

/** The party ids the backend uses: they order equal remainders. */
function partyId(index: number): string {
  return String(index).padStart(3, '0')
}

/**
 * The split between parties, computed by the core. Each owners' part is
 * split again by unit area on the backend, over the units it freezes into
 * the plan; the app does not hold the estate's register to show that.
 */
export function previewSharing(fields: ProjectFields): PartyAmount[] | null {
  const budgetFen = parseYuan(fields.budget)
  const total = shareTotal(fields.parties)
  if (budgetFen === null || total !== BASIS_POINTS) return null
  const result = shareCost(
    budgetFen,
    fields.parties.map((p, i) => ({
      id: partyId(i),
      share: basisPoints(parsePercent(p.percent) ?? 0),
    })),
  )
  return result.ok ? result.parties : null
}

const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000

/** Late on a Shanghai day, as an ISO instant in UTC (the backend's form). */
export function dueAtOf(date: string): string | null {
  const day = date.trim()
  if (!DATE_TEXT.test(day)) return null
  const at = Date.parse(`${day}T23:59:00+08:00`)
  // Date.parse rolls 2026-02-30 over into March; refuse what moved.
  if (
    Number.isNaN(at) ||
    new Date(at + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10) !== day
  ) {
    return null
  }
  return new Date(at).toISOString()
}

export function problemsOf(fields: ProjectFields): Problems {
  const problems: Problems = {}
  const budgetFen = parseYuan(fields.budget)

  if (fields.title.trim() === '') problems.title = '请填写工程名称'
  if (budgetFen === null) {
    problems.budget = '请按元填写预算，最多两位小数，如 186500 或 2350.50'
  } else if (budgetFen === 0) {
    problems.budget = '预算须大于 0'
  } else if (budgetFen > MAX_BUDGET_FEN) {
    problems.budget = '预算过大，请核对'
  }

  if (fields.parties.some((p) => p.name.trim() === '')) {
    problems.parties = '请填写每一分摊方的名称'
  } else if (shareTotal(fields.parties) !== BASIS_POINTS) {
    problems.parties = shareCheckText(fields.parties)
  }
  if (
    fields.parties.some((p) => p.owners) &&
    fields.ownersScope === 'buildings' &&
    fields.buildings.length === 0
  ) {
    problems.buildings = '请至少选择一栋楼'
  }

  if (fields.funding === 'maintenance-fund') {
    if (fields.approvalKind === 'ballot' && fields.ballotId === null) {
      problems.approval = '请选择批准使用维修资金的表决'
    }
    if (
      fields.approvalKind === 'emergency' &&
      (fields.approvedBy.trim() === '' || fields.reason.trim() === '')
    ) {
      problems.approval = '紧急维修须写明批准人和紧急情况'
    }
  }

  if (
    fields.milestones.some(
      (m) => m.title.trim() === '' || dueAtOf(m.date) === null,
    )
  ) {
    problems.milestones = '每个节点都要有名称和日期（如 2026-12-20）'
  }
  return problems
}

/** The request, once `problemsOf` finds nothing. */
export function requestOf(fields: ProjectFields): CreateProjectRequest {
  const ownersOf: SharePartyInput['ownersOf'] =
    fields.ownersScope === 'estate'
      ? { estate: true }
      : { buildings: fields.buildings }
  const approval: CreateProjectRequest['approval'] =
    fields.funding !== 'maintenance-fund'
      ? undefined
      : fields.approvalKind === 'ballot'
        ? { kind: 'ballot', ballotId: fields.ballotId ?? '' }
        : {
            kind: 'emergency',
            approver: fields.approver,
            approvedBy: fields.approvedBy.trim(),
            reason: fields.reason.trim(),
          }
  return {
    title: fields.title.trim(),
    budgetFen: parseYuan(fields.budget) ?? 0,
    funding: fields.funding,
    ...(approval ? { approval } : {}),
    parties: fields.parties.map((p) => ({
      name: p.name.trim(),
      share: basisPoints(parsePercent(p.percent) ?? 0),
      ...(p.owners ? { ownersOf } : {}),
    })),
    milestones: fields.milestones.map((m) => ({
      title: m.title.trim(),
      dueAt: dueAtOf(m.date) ?? '',
    })),
  }
}
