/**
 * A ballot's life: draft → announced (roll and agenda published) → open →
 * closed → result published. Opening and closing follow the clock, so the
 * phase is computed from the schedule rather than stored: nobody has to
 * remember to flip a flag at the deadline.
 */

export type BallotPhase =
  'draft' | 'announced' | 'open' | 'closed' | 'published'

export interface BallotSchedule {
  /** Epoch milliseconds; null while the ballot is a draft. */
  announcedAt: number | null
  opensAt: number
  closesAt: number
  publishedAt: number | null
}

export function ballotPhaseAt(s: BallotSchedule, now: number): BallotPhase {
  if (s.announcedAt === null) return 'draft'
  if (s.publishedAt !== null) return 'published'
  if (now < s.opensAt) return 'announced'
  if (now < s.closesAt) return 'open'
  return 'closed'
}

export const PHASE_TEXT: Record<BallotPhase, string> = {
  draft: '草稿',
  announced: '已公告',
  open: '投票中',
  closed: '已截止',
  published: '已公布结果',
}

export const MATTER_TEXT = {
  ordinary: '一般事项（过半数通过）',
  special: '重大事项（四分之三以上通过）',
} as const

export const CHOICE_TEXT = {
  agree: '同意',
  oppose: '反对',
  abstain: '弃权',
} as const
