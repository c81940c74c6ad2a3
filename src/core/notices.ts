/**
 * Notices (公告): who may post what, who sees a notice, and how a notice
 * looks over time. Pure rules shared by the backend (which enforces them)
 * and the app (which offers only what they allow).
 *
 * Audience: a notice goes to the whole estate or to some of its
 * buildings. A person sees it when they own or live in a unit of a
 * targeted building; staff of the estate see every notice of it, so that
 * they can check what went out.
 */
import type { Electorate, StaffOrg } from './api-types'

export const NOTICE_CATEGORIES = [
  'announcement',
  'meeting',
  'decision',
  'rectification',
  'public-income',
  'emergency',
] as const

export type NoticeCategory = (typeof NOTICE_CATEGORIES)[number]

export const NOTICE_CATEGORY_TEXT: Record<NoticeCategory, string> = {
  announcement: '通知公告',
  meeting: '会议与表决公告',
  decision: '决定公布',
  rectification: '整改公示',
  'public-income': '公共收益公示',
  emergency: '紧急通知',
}

/** Same shape as a ballot's electorate: the estate, or some buildings. */
export type NoticeAudience = Electorate

// A title fits on two lines of a phone; a body is a page or two of text.
export const NOTICE_TITLE_MAX = 60
export const NOTICE_BODY_MAX = 5000
export const WITHDRAW_REASON_MAX = 200
export const NOTICE_SEARCH_MAX = 40
/** More buildings than any estate has; a longer list is a mistake. */
export const NOTICE_BUILDINGS_MAX = 100

// ---- who may post what ----------------------------------------------

/**
 * Which organisation may post which category. Everyone may inform and
 * warn; meetings and decisions of the owners' assembly are convened and
 * published by the owners' committee, or by the residents' committee
 * (居代业 and its organising role); the public-income accounts are kept
 * by the property company for the owners' committee, so those two
 * publish them, and the residents' committee does only where the estate
 * has no owners' committee. The rectification list belongs to all three
 * parties of the tripartite agreement.
 */
const POSTERS: Record<NoticeCategory, readonly StaffOrg[]> = {
  announcement: ['residents-committee', 'owners-committee', 'property-company'],
  emergency: ['residents-committee', 'owners-committee', 'property-company'],
  rectification: [
    'residents-committee',
    'owners-committee',
    'property-company',
  ],
  meeting: ['residents-committee', 'owners-committee'],
  decision: ['residents-committee', 'owners-committee'],
  'public-income': ['owners-committee', 'property-company'],
}

export interface StaffRole {
  estateId: string
  org: StaffOrg
}

export interface PostingRight {
  estateId: string
  /** The organisation the notice is posted as (its author). */
  org: StaffOrg
  category: NoticeCategory
  estateHasOwnersCommittee: boolean
}

export type PostingCheck =
  { ok: true } | { ok: false; problem: 'not-staff' | 'category' }

/** Whether a person with these roles may post this notice as `org`. */
export function checkPostingRight(
  roles: readonly StaffRole[],
  right: PostingRight,
): PostingCheck {
  const holds = roles.some(
    (r) => r.estateId === right.estateId && r.org === right.org,
  )
  if (!holds) return { ok: false, problem: 'not-staff' }
  return categoriesFor(right.org, right.estateHasOwnersCommittee).includes(
    right.category,
  )
    ? { ok: true }
    : { ok: false, problem: 'category' }
}

/** The categories an organisation may post in, in catalogue order. */
export function categoriesFor(
  org: StaffOrg,
  estateHasOwnersCommittee: boolean,
): NoticeCategory[] {
  return NOTICE_CATEGORIES.filter(
    (c) =>
      POSTERS[c].includes(org) ||
      // 居代业: without an owners' committee the residents' committee
      // publishes the public income in its stead.
      (c === 'public-income' &&
        org === 'residents-committee' &&
        !estateHasOwnersCommittee),
  )
}

/**
 * Only the organisation that posted a notice may pin, reschedule or
 * withdraw it: the property company can not take down what the owners'
 * committee published.
 */
export function mayManage(
  roles: readonly StaffRole[],
  notice: { estateId: string; authorOrg: StaffOrg },
): boolean {
  return roles.some(
    (r) => r.estateId === notice.estateId && r.org === notice.authorOrg,
  )
}

// ---- who sees a notice ----------------------------------------------

export interface NoticeReader {
  /** Buildings of this estate where the person owns or lives in a unit. */
  buildings: readonly string[]
  /** Staff of this estate see every notice of it. */
  staff: boolean
}

export function audienceIncludes(
  audience: NoticeAudience,
  reader: NoticeReader,
): boolean {
  if (reader.staff) return true
  if (audience.kind === 'estate') return reader.buildings.length > 0
  return audience.buildings.some((b) => reader.buildings.includes(b))
}

// ---- a notice over time ---------------------------------------------

/**
 * scheduled: not yet published; live: showing; ended: past its end date;
 * withdrawn: taken back, and still shown with the reason, so that a
 * notice can not quietly disappear.
 */
export type NoticeState = 'scheduled' | 'live' | 'ended' | 'withdrawn'

export const NOTICE_STATE_TEXT: Record<NoticeState, string> = {
  scheduled: '定时发布',
  live: '公示中',
  ended: '已结束',
  withdrawn: '已撤回',
}

export interface NoticeTimes {
  /** Epoch milliseconds. */
  publishAt: number
  endsAt: number | null
  withdrawnAt: number | null
}

export function noticeStateAt(t: NoticeTimes, now: number): NoticeState {
  if (t.withdrawnAt !== null && t.withdrawnAt <= now) return 'withdrawn'
  if (now < t.publishAt) return 'scheduled'
  if (t.endsAt !== null && t.endsAt <= now) return 'ended'
  return 'live'
}

/**
 * Whether the notice belongs in a reader's feed now. Residents see live
 * and withdrawn notices (a withdrawn one until its end date, like any
 * other); staff also see what is scheduled and what has ended.
 */
export function inFeed(t: NoticeTimes, staff: boolean, now: number): boolean {
  if (staff) return true
  if (now < t.publishAt) return false
  return t.endsAt === null || now < t.endsAt
}

/** Whether a reader may open it: anything once published, for staff all. */
export function mayOpen(t: NoticeTimes, staff: boolean, now: number): boolean {
  return staff || t.publishAt <= now
}

export type TimesProblem = 'ends-before-publish' | 'publish-in-past'

/**
 * A new schedule is sound when it ends after it starts, and does not
 * start in the past (a few minutes of slack allow for a slow form).
 */
export const PUBLISH_SLACK_MS = 5 * 60_000

export function checkTimes(
  publishAt: number,
  endsAt: number | null,
  now: number,
): TimesProblem | null {
  if (publishAt < now - PUBLISH_SLACK_MS) return 'publish-in-past'
  if (endsAt !== null && endsAt <= Math.max(publishAt, now)) {
    return 'ends-before-publish'
  }
  return null
}

// ---- the feed -------------------------------------------------------

export interface FeedEntry extends NoticeTimes {
  id: string
  pinned: boolean
}

/**
 * Pinned live notices first, then newest first. A withdrawn or ended
 * notice loses its pin: it must not sit above what is current.
 */
export function compareFeed(a: FeedEntry, b: FeedEntry, now: number): number {
  const pinA = a.pinned && noticeStateAt(a, now) === 'live' ? 1 : 0
  const pinB = b.pinned && noticeStateAt(b, now) === 'live' ? 1 : 0
  if (pinA !== pinB) return pinB - pinA
  if (a.publishAt !== b.publishAt) return b.publishAt - a.publishAt
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
}

/** Case-insensitive search over title and body; blank matches all. */
export function matchesSearch(
  notice: { title: string; body: string },
  query: string,
): boolean {
  const words = query.trim().toLowerCase().split(/\s+/).filter(Boolean)
  if (words.length === 0) return true
  const text = `${notice.title}\n${notice.body}`.toLowerCase()
  return words.every((w) => text.includes(w))
}

// ---- plain text -----------------------------------------------------

// Shared with every feature that stores what people type.
export { cleanBody, cleanTitle } from './plain-text'
