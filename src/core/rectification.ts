/**
 * The rectification list (整改公示) of the tripartite agreement: each item
 * names who must act, by when, and where it stands. Every change of status
 * is appended to the item's history with a note, so the public can follow
 * what was promised and what was done. "Overdue" is never stored: it is
 * read off the deadline and the clock.
 */
import type { StaffOrg } from './api-types'

/** The parties an item can be put on: the three, or the developer. */
export type RectificationParty = StaffOrg | 'developer'

export const RECTIFICATION_PARTIES: readonly RectificationParty[] = [
  'residents-committee',
  'owners-committee',
  'property-company',
  'developer',
]

export const PARTY_TEXT: Record<RectificationParty, string> = {
  'residents-committee': '居委会',
  'owners-committee': '业委会',
  'property-company': '物业',
  developer: '开发商',
}

export const RECTIFICATION_STATUSES = [
  'pending',
  'in-progress',
  'done',
] as const

export type RectificationStatus = (typeof RECTIFICATION_STATUSES)[number]

export const RECTIFICATION_STATUS_TEXT: Record<RectificationStatus, string> = {
  pending: '未开始',
  'in-progress': '整改中',
  done: '已完成',
}

export const RECTIFICATION_ITEMS_MAX = 50
export const RECTIFICATION_TEXT_MAX = 200
export const RECTIFICATION_NOTE_MAX = 300

/** A deadline is a calendar day in Shanghai: YYYY-MM-DD. */
export const DEADLINE_PATTERN = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/

export type ItemProgress = RectificationStatus | 'overdue'

export const ITEM_PROGRESS_TEXT: Record<ItemProgress, string> = {
  ...RECTIFICATION_STATUS_TEXT,
  overdue: '已逾期',
}

/**
 * Where an item stands today: overdue once the deadline day has passed
 * in Shanghai and it is not done. `today` is YYYY-MM-DD in Shanghai;
 * such strings compare correctly as text.
 */
export function itemProgress(
  item: { status: RectificationStatus; deadline: string },
  today: string,
): ItemProgress {
  if (item.status !== 'done' && item.deadline < today) return 'overdue'
  return item.status
}

export interface ListSummary {
  total: number
  done: number
  overdue: number
}

export function summariseList(
  items: readonly { status: RectificationStatus; deadline: string }[],
  today: string,
): ListSummary {
  const progress = items.map((i) => itemProgress(i, today))
  return {
    total: items.length,
    done: progress.filter((p) => p === 'done').length,
    overdue: progress.filter((p) => p === 'overdue').length,
  }
}

/**
 * An update must say something: a new status, or a note on progress
 * under the same one. The same status with no note changes nothing.
 */
export function isMeaningfulUpdate(
  current: RectificationStatus,
  next: RectificationStatus,
  note: string,
): boolean {
  return next !== current || note.trim().length > 0
}
