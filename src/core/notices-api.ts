/**
 * The shapes of the notices API (公告), beside api-types.ts. Types only;
 * the backend checks requests with zod schemas built on the rules in
 * notices.ts, rectification.ts and public-income.ts.
 *
 * Conventions as in api-types.ts: times are ISO 8601 strings in UTC;
 * money is whole fen (integers), never floats; a deadline is a calendar
 * day in Shanghai (YYYY-MM-DD).
 */
import type { StaffOrg } from './api-types'
import type { NoticeAudience, NoticeCategory, NoticeState } from './notices'
import type { Statement } from './public-income'
import type {
  ItemProgress,
  RectificationParty,
  RectificationStatus,
} from './rectification'

export type AttachmentKind = 'image' | 'pdf'

/** Notices carry images and PDFs (the upload facility's FILE_TYPES). */
export const NOTICE_ATTACHMENTS_MAX = 9
export const ATTACHMENT_NAME_MAX = 60

export interface NoticeAttachment {
  /** The file's id in the shared upload facility (POST /api/files). */
  fileId: string
  kind: AttachmentKind
  name: string
  mime: string
  size: number
  /** Where the app fetches it, relative to the API base. */
  url: string
}

export interface NoticeSummary {
  id: string
  estateId: string
  category: NoticeCategory
  title: string
  /** The first line or so of the body, plain text. */
  excerpt: string
  authorOrg: StaffOrg
  audience: NoticeAudience
  pinned: boolean
  publishAt: string
  endsAt: string | null
  state: NoticeState
  withdrawal: { at: string; reason: string } | null
  /** Whether the viewer has opened it. */
  read: boolean
  attachmentCount: number
  /** Set on decision notices written when a ballot's result is published. */
  sourceBallotId: string | null
}

export interface NoticeFeed {
  notices: NoticeSummary[]
  /** Unread among the notices of this feed. */
  unreadCount: number
}

export interface NoticeFeedQuery {
  category?: NoticeCategory
  /** Words that must all appear in the title or body. */
  q?: string
}

export interface RectificationUpdateView {
  at: string
  status: RectificationStatus
  note: string
  byOrg: StaffOrg
}

export interface RectificationItemView {
  id: string
  seq: number
  title: string
  responsible: RectificationParty
  deadline: string
  status: RectificationStatus
  /** The status, or overdue when the deadline has passed undone. */
  progress: ItemProgress
  /** Oldest first; the first entry is the item as posted. */
  history: RectificationUpdateView[]
}

export interface NoticeDetail extends NoticeSummary {
  body: string
  attachments: NoticeAttachment[]
  rectification: RectificationItemView[] | null
  publicIncome: Statement | null
  /** Whether the viewer may pin, reschedule or withdraw it. */
  canManage: boolean
}

export interface NewRectificationItem {
  title: string
  responsible: RectificationParty
  deadline: string
  status?: RectificationStatus
}

export interface NewAttachment {
  fileId: string
  /** What the reader sees, such as the file's name; plain text. */
  name: string
}

export interface PostNoticeRequest {
  category: NoticeCategory
  title: string
  body: string
  /** Which of the poster's organisations the notice is posted as. */
  authorOrg: StaffOrg
  audience: NoticeAudience
  pinned?: boolean
  /** Missing: now. */
  publishAt?: string
  endsAt?: string | null
  /** Images and PDFs uploaded first through POST /api/files. */
  attachments?: NewAttachment[]
  /** Required for the rectification category, refused for others. */
  rectification?: NewRectificationItem[]
  /** Required for the public-income category, refused for others. */
  publicIncome?: Statement
}

export interface PinNoticeRequest {
  pinned: boolean
}

export interface ScheduleNoticeRequest {
  /** Only while the notice is still scheduled. */
  publishAt?: string
  /** null removes the end date. */
  endsAt?: string | null
}

export interface WithdrawNoticeRequest {
  reason: string
}

export interface RectificationUpdateRequest {
  status: RectificationStatus
  note: string
  /** Which of the updater's organisations writes this step. */
  byOrg: StaffOrg
}

export interface BuildingReads {
  building: string
  /** People who own or live in a unit of the building. */
  readers: number
  /** Of them, those who have opened the notice. */
  read: number
}

export interface ReadCounts {
  noticeId: string
  buildings: BuildingReads[]
  /** Distinct people: someone with units in two buildings counts once. */
  totalReaders: number
  totalRead: number
}

export interface NoticeBuildings {
  buildings: string[]
}
