/**
 * Notices as staff post them and people read them: the feed of an estate
 * for one viewer, opening a notice (which leaves a read receipt), staff
 * changes (pin, schedule, withdraw), the rectification list's updates and
 * read counts per building. The rules live in the core (notices.ts,
 * rectification.ts, public-income.ts); this file applies them to the
 * store. Writing a notice row goes through insertNotice, the same path
 * a published ballot result takes.
 */
import { randomUUID } from 'node:crypto'

import type { StaffOrg } from '@/core/api-types'
import { AppError, ensure } from '@/core/errors'
import type {
  BuildingReads,
  NoticeDetail,
  NoticeFeed,
  NoticeFeedQuery,
  NoticeSummary,
  PostNoticeRequest,
  ReadCounts,
  RectificationItemView,
  RectificationUpdateRequest,
  ScheduleNoticeRequest,
} from '@/core/notices-api'
import type {
  NoticeAudience,
  NoticeCategory,
  NoticeReader,
  StaffRole,
} from '@/core/notices'
import {
  audienceIncludes,
  checkPostingRight,
  checkTimes,
  cleanBody,
  cleanTitle,
  compareFeed,
  inFeed,
  matchesSearch,
  mayManage,
  mayOpen,
  noticeStateAt,
} from '@/core/notices'
import type { Statement } from '@/core/public-income'
import {
  checkStatement,
  previousQuarter,
  sameQuarter,
  statementProblemText,
} from '@/core/public-income'
import type {
  RectificationParty,
  RectificationStatus,
} from '@/core/rectification'
import { isMeaningfulUpdate, itemProgress } from '@/core/rectification'

import { sql } from '../store/database'
import type { Context } from './context'
import { iso, shanghaiDate } from './context'
import type { Viewer } from './identity'
import { noticeAttachments, saveAttachments } from './notice-attachments'
import { insertNotice } from './notices-store'

/** A feed longer than this is cut; nobody scrolls further on a phone. */
export const FEED_LIMIT = 100
const EXCERPT_LENGTH = 60

interface NoticeRow {
  id: string
  estate_id: string
  category: NoticeCategory
  title: string
  body: string
  author_org: StaffOrg
  audience: string
  pinned: number
  publish_at: number
  ends_at: number | null
  withdrawn_at: number | null
  withdrawn_reason: string | null
  source_ballot_id: string | null
  data: string | null
  created_at: number
}

// ---- who is reading ---------------------------------------------------

function staffRolesOf(ctx: Context, personId: string): StaffRole[] {
  return sql(
    ctx.db,
    'SELECT estate_id AS estateId, org FROM staff_roles WHERE person_id = ?',
  ).all(personId) as StaffRole[]
}

/** Buildings of the estate where the person owns or lives in a unit. */
function readerOf(ctx: Context, viewer: Viewer, estateId: string) {
  const rows = sql(
    ctx.db,
    `SELECT b.number AS building FROM unit_owners o
       JOIN units u ON u.id = o.unit_id
       JOIN buildings b ON b.id = u.building_id
      WHERE o.person_id = ? AND u.estate_id = ?
     UNION
     SELECT b.number FROM persons p
       JOIN units u ON u.id = p.residence_unit_id
       JOIN buildings b ON b.id = u.building_id
      WHERE p.id = ? AND u.estate_id = ?`,
  ).all(viewer.personId, estateId, viewer.personId, estateId) as {
    building: string
  }[]
  const reader: NoticeReader = {
    buildings: rows.map((r) => r.building),
    staff: viewer.staffEstateIds.has(estateId),
  }
  return reader
}

function checkEstate(viewer: Viewer, estateId: string): void {
  if (!viewer.estateIds.includes(estateId)) throw new AppError('OTHER_ESTATE')
}

// ---- rows to views ----------------------------------------------------

function audienceOf(row: NoticeRow): NoticeAudience {
  return JSON.parse(row.audience) as NoticeAudience
}

function timesOf(row: NoticeRow) {
  return {
    publishAt: row.publish_at,
    endsAt: row.ends_at,
    withdrawnAt: row.withdrawn_at,
  }
}

function excerptOf(body: string): string {
  const flat = body.replace(/\s+/g, ' ').trim()
  return flat.length > EXCERPT_LENGTH
    ? `${flat.slice(0, EXCERPT_LENGTH)}…`
    : flat
}

function attachmentCount(ctx: Context, noticeId: string): number {
  const row = sql(
    ctx.db,
    'SELECT count(*) AS n FROM notice_attachments WHERE notice_id = ?',
  ).get(noticeId) as { n: number }
  return row.n
}

function summaryOf(ctx: Context, row: NoticeRow, read: boolean): NoticeSummary {
  return {
    id: row.id,
    estateId: row.estate_id,
    category: row.category,
    title: row.title,
    excerpt: excerptOf(row.body),
    authorOrg: row.author_org,
    audience: audienceOf(row),
    pinned: row.pinned === 1,
    publishAt: iso(row.publish_at),
    endsAt: row.ends_at === null ? null : iso(row.ends_at),
    state: noticeStateAt(timesOf(row), ctx.now()),
    withdrawal:
      row.withdrawn_at === null
        ? null
        : { at: iso(row.withdrawn_at), reason: row.withdrawn_reason ?? '' },
    read,
    attachmentCount: attachmentCount(ctx, row.id),
    sourceBallotId: row.source_ballot_id,
  }
}

function noticeRow(ctx: Context, noticeId: string): NoticeRow {
  const row = sql(ctx.db, 'SELECT * FROM notices WHERE id = ?').get(
    noticeId,
  ) as NoticeRow | undefined
  if (!row) throw new AppError('NOTICE_NOT_FOUND')
  return row
}

/**
 * The notice if the viewer may open it. A notice of another building, or
 * one not yet published, answers as not found: its title is not public.
 */
function visibleNotice(
  ctx: Context,
  viewer: Viewer,
  noticeId: string,
): { row: NoticeRow; reader: NoticeReader } {
  const row = noticeRow(ctx, noticeId)
  checkEstate(viewer, row.estate_id)
  const reader = readerOf(ctx, viewer, row.estate_id)
  if (
    !audienceIncludes(audienceOf(row), reader) ||
    !mayOpen(timesOf(row), reader.staff, ctx.now())
  ) {
    throw new AppError('NOTICE_NOT_FOUND')
  }
  return { row, reader }
}

// ---- the feed and one notice --------------------------------------------

export function noticeFeed(
  ctx: Context,
  viewer: Viewer,
  estateId: string,
  query: NoticeFeedQuery,
): NoticeFeed {
  checkEstate(viewer, estateId)
  const reader = readerOf(ctx, viewer, estateId)
  const now = ctx.now()
  const rows = sql(
    ctx.db,
    `SELECT n.*, r.read_at IS NOT NULL AS read FROM notices n
       LEFT JOIN notice_reads r ON r.notice_id = n.id AND r.person_id = ?
      WHERE n.estate_id = ?`,
  ).all(viewer.personId, estateId) as (NoticeRow & { read: number })[]

  const shown = rows
    .filter(
      (row) =>
        inFeed(timesOf(row), reader.staff, now) &&
        audienceIncludes(audienceOf(row), reader) &&
        (query.category === undefined || row.category === query.category) &&
        matchesSearch(row, query.q ?? ''),
    )
    .map((row) => ({
      row,
      entry: { ...timesOf(row), id: row.id, pinned: row.pinned === 1 },
    }))
    .sort((a, b) => compareFeed(a.entry, b.entry, now))
    .slice(0, FEED_LIMIT)

  const notices = shown.map(({ row }) => summaryOf(ctx, row, row.read === 1))
  return {
    notices,
    unreadCount: notices.filter((n) => !n.read && n.state !== 'scheduled')
      .length,
  }
}

function rectificationOf(
  ctx: Context,
  noticeId: string,
): RectificationItemView[] {
  const items = sql(
    ctx.db,
    'SELECT * FROM rectification_items WHERE notice_id = ? ORDER BY seq',
  ).all(noticeId) as {
    id: string
    seq: number
    title: string
    responsible: RectificationParty
    deadline: string
  }[]
  const history = sql(
    ctx.db,
    'SELECT * FROM rectification_updates WHERE item_id = ? ORDER BY seq',
  )
  const today = dayOf(ctx.now())
  return items.map((item) => {
    const updates = (
      history.all(item.id) as {
        at: number
        status: RectificationStatus
        note: string
        by_org: StaffOrg
      }[]
    ).map((u) => ({
      at: iso(u.at),
      status: u.status,
      note: u.note,
      byOrg: u.by_org,
    }))
    const status = updates[updates.length - 1].status
    return {
      id: item.id,
      seq: item.seq,
      title: item.title,
      responsible: item.responsible,
      deadline: item.deadline,
      status,
      progress: itemProgress({ status, deadline: item.deadline }, today),
      history: updates,
    }
  })
}

/** YYYY-MM-DD in Shanghai, the form deadlines are kept in. */
function dayOf(ms: number): string {
  const d = shanghaiDate(ms)
  return `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6)}`
}

function detailOf(
  ctx: Context,
  viewer: Viewer,
  row: NoticeRow,
  read: boolean,
): NoticeDetail {
  const data = row.data === null ? null : (JSON.parse(row.data) as unknown)
  return {
    ...summaryOf(ctx, row, read),
    body: row.body,
    attachments: noticeAttachments(ctx, row.id),
    rectification:
      row.category === 'rectification' ? rectificationOf(ctx, row.id) : null,
    publicIncome: row.category === 'public-income' ? (data as Statement) : null,
    canManage: mayManage(staffRolesOf(ctx, viewer.personId), {
      estateId: row.estate_id,
      authorOrg: row.author_org,
    }),
  }
}

/**
 * Opens a notice and records that the viewer read it (the first time
 * only: read counts are of people, not of openings). A scheduled notice a
 * staff member previews is not counted as read.
 */
export function openNotice(
  ctx: Context,
  viewer: Viewer,
  noticeId: string,
): NoticeDetail {
  const { row } = visibleNotice(ctx, viewer, noticeId)
  const now = ctx.now()
  if (row.publish_at <= now) {
    sql(
      ctx.db,
      'INSERT OR IGNORE INTO notice_reads (notice_id, person_id, read_at) VALUES (?, ?, ?)',
    ).run(row.id, viewer.personId, now)
  }
  return detailOf(ctx, viewer, row, row.publish_at <= now)
}

// ---- posting ------------------------------------------------------------

function estateHasOwnersCommittee(ctx: Context, estateId: string): boolean {
  const row = sql(
    ctx.db,
    'SELECT has_owners_committee FROM estates WHERE id = ?',
  ).get(estateId) as { has_owners_committee: number } | undefined
  if (!row) throw new AppError('OTHER_ESTATE')
  return row.has_owners_committee === 1
}

export function estateBuildings(ctx: Context, estateId: string): string[] {
  const rows = sql(
    ctx.db,
    'SELECT number FROM buildings WHERE estate_id = ?',
  ).all(estateId) as { number: string }[]
  return rows
    .map((r) => r.number)
    .sort((a, b) => a.localeCompare(b, 'zh-CN', { numeric: true }))
}

export function noticeBuildings(
  ctx: Context,
  viewer: Viewer,
  estateId: string,
): string[] {
  checkEstate(viewer, estateId)
  ensure(viewer.staffEstateIds.has(estateId), 'NOTICE_NOT_STAFF')
  return estateBuildings(ctx, estateId)
}

function checkAudience(
  ctx: Context,
  estateId: string,
  audience: NoticeAudience,
): NoticeAudience {
  if (audience.kind === 'estate') return audience
  const known = new Set(estateBuildings(ctx, estateId))
  const unknown = audience.buildings.filter((b) => !known.has(b))
  ensure(
    unknown.length === 0 && audience.buildings.length > 0,
    'NOTICE_BUILDING_UNKNOWN',
    unknown.map((b) => ({
      field: 'audience.buildings',
      message: `没有 ${b} 号楼`,
    })),
  )
  return {
    kind: 'buildings',
    buildings: Array.from(new Set(audience.buildings)),
  }
}

function statementsOf(ctx: Context, estateId: string): Statement[] {
  const rows = sql(
    ctx.db,
    `SELECT data FROM notices WHERE estate_id = ?
       AND category = 'public-income' AND withdrawn_at IS NULL
       AND data IS NOT NULL`,
  ).all(estateId) as { data: string }[]
  return rows.map((r) => JSON.parse(r.data) as Statement)
}

/**
 * A statement must add up, must not repeat a quarter already shown, and
 * must open with the balance the quarter before closed with (when that
 * quarter was published here).
 */
function checkPublicIncome(
  ctx: Context,
  estateId: string,
  statement: Statement,
): void {
  const problems = checkStatement(statement)
  ensure(
    problems.length === 0,
    'PUBLIC_INCOME_UNBALANCED',
    problems.map((p) => ({
      field:
        p.kind === 'amount'
          ? `publicIncome.${p.field}`
          : `publicIncome.${p.kind}`,
      message: statementProblemText(p),
    })),
  )
  const earlier = statementsOf(ctx, estateId)
  ensure(
    !earlier.some((s) => sameQuarter(s.period, statement.period)),
    'PUBLIC_INCOME_DUPLICATE',
  )
  const before = earlier.find((s) =>
    sameQuarter(s.period, previousQuarter(statement.period)),
  )
  ensure(
    !before || before.closingFen === statement.openingFen,
    'PUBLIC_INCOME_NOT_CARRIED',
  )
}

function checkContent(request: PostNoticeRequest): void {
  const wantsList = request.category === 'rectification'
  const wantsStatement = request.category === 'public-income'
  ensure(
    wantsList === (request.rectification !== undefined) &&
      wantsStatement === (request.publicIncome !== undefined) &&
      (!wantsList || (request.rectification ?? []).length > 0),
    'NOTICE_CONTENT_MISMATCH',
  )
}

function parseTime(text: string | undefined | null): number | null {
  return text === undefined || text === null ? null : Date.parse(text)
}

export function postNotice(
  ctx: Context,
  viewer: Viewer,
  estateId: string,
  request: PostNoticeRequest,
): NoticeDetail {
  checkEstate(viewer, estateId)
  const now = ctx.now()
  const right = checkPostingRight(staffRolesOf(ctx, viewer.personId), {
    estateId,
    org: request.authorOrg,
    category: request.category,
    estateHasOwnersCommittee: estateHasOwnersCommittee(ctx, estateId),
  })
  if (!right.ok) {
    throw new AppError(
      right.problem === 'not-staff'
        ? 'NOTICE_NOT_STAFF'
        : 'NOTICE_CATEGORY_NOT_ALLOWED',
    )
  }
  const audience = checkAudience(ctx, estateId, request.audience)
  checkContent(request)
  const publishAt = parseTime(request.publishAt) ?? now
  const endsAt = parseTime(request.endsAt)
  ensure(checkTimes(publishAt, endsAt, now) === null, 'NOTICE_TIMES_INVALID')
  if (request.publicIncome) {
    checkPublicIncome(ctx, estateId, request.publicIncome)
  }

  const id = ctx.db.transaction(() => {
    const noticeId = insertNotice(ctx.db, {
      estateId,
      category: request.category,
      title: cleanTitle(request.title),
      body: cleanBody(request.body),
      authorOrg: request.authorOrg,
      authorPersonId: viewer.personId,
      audience,
      pinned: request.pinned ?? false,
      // A time "now" from a slow form is the time it arrived.
      publishAt: Math.max(publishAt, now),
      endsAt,
      data: request.publicIncome,
      createdAt: now,
    })
    saveAttachments(ctx, viewer, estateId, noticeId, request.attachments ?? [])
    ;(request.rectification ?? []).forEach((item, index) => {
      const itemId = randomUUID()
      sql(
        ctx.db,
        'INSERT INTO rectification_items (id, notice_id, seq, title, responsible, deadline) VALUES (?, ?, ?, ?, ?, ?)',
      ).run(
        itemId,
        noticeId,
        index + 1,
        cleanTitle(item.title),
        item.responsible,
        item.deadline,
      )
      appendUpdate(ctx, itemId, {
        at: now,
        status: item.status ?? 'pending',
        note: '列入整改清单',
        byOrg: request.authorOrg,
        byPersonId: viewer.personId,
      })
    })
    return noticeId
  })()
  return detailOf(ctx, viewer, noticeRow(ctx, id), false)
}

// ---- staff changes ------------------------------------------------------

function managedNotice(
  ctx: Context,
  viewer: Viewer,
  noticeId: string,
): NoticeRow {
  const row = noticeRow(ctx, noticeId)
  checkEstate(viewer, row.estate_id)
  ensure(viewer.staffEstateIds.has(row.estate_id), 'NOTICE_NOT_FOUND')
  ensure(
    mayManage(staffRolesOf(ctx, viewer.personId), {
      estateId: row.estate_id,
      authorOrg: row.author_org,
    }),
    'NOTICE_MANAGE_FORBIDDEN',
  )
  ensure(row.withdrawn_at === null, 'NOTICE_WITHDRAWN')
  return row
}

export function pinNotice(
  ctx: Context,
  viewer: Viewer,
  noticeId: string,
  pinned: boolean,
): NoticeDetail {
  const row = managedNotice(ctx, viewer, noticeId)
  sql(ctx.db, 'UPDATE notices SET pinned = ? WHERE id = ?').run(
    pinned ? 1 : 0,
    row.id,
  )
  return detailOf(ctx, viewer, noticeRow(ctx, row.id), false)
}

export function scheduleNotice(
  ctx: Context,
  viewer: Viewer,
  noticeId: string,
  request: ScheduleNoticeRequest,
): NoticeDetail {
  const row = managedNotice(ctx, viewer, noticeId)
  const now = ctx.now()
  const scheduled = row.publish_at > now
  ensure(
    request.publishAt === undefined || scheduled,
    'NOTICE_ALREADY_PUBLISHED',
  )
  const publishAt = parseTime(request.publishAt) ?? row.publish_at
  const endsAt =
    request.endsAt === undefined ? row.ends_at : parseTime(request.endsAt)
  // Once published, the publish time is history: only the end must
  // still lie ahead.
  ensure(
    checkTimes(scheduled ? publishAt : now, endsAt, now) === null,
    'NOTICE_TIMES_INVALID',
  )
  sql(
    ctx.db,
    'UPDATE notices SET publish_at = ?, ends_at = ? WHERE id = ?',
  ).run(scheduled ? Math.max(publishAt, now) : row.publish_at, endsAt, row.id)
  return detailOf(ctx, viewer, noticeRow(ctx, row.id), false)
}

/**
 * Withdraws a notice: it stays in the feed, marked, with the reason, so
 * that nobody can make a notice quietly disappear. It loses its pin.
 */
export function withdrawNotice(
  ctx: Context,
  viewer: Viewer,
  noticeId: string,
  reason: string,
): NoticeDetail {
  const row = managedNotice(ctx, viewer, noticeId)
  sql(
    ctx.db,
    `UPDATE notices SET withdrawn_at = ?, withdrawn_reason = ?,
       withdrawn_by = ?, pinned = 0 WHERE id = ?`,
  ).run(ctx.now(), cleanTitle(reason), viewer.personId, row.id)
  return detailOf(ctx, viewer, noticeRow(ctx, row.id), false)
}

// ---- the rectification list --------------------------------------------

interface NewUpdate {
  at: number
  status: RectificationStatus
  note: string
  byOrg: StaffOrg
  byPersonId: string | null
}

function appendUpdate(ctx: Context, itemId: string, u: NewUpdate): void {
  sql(
    ctx.db,
    `INSERT INTO rectification_updates
       (item_id, seq, at, status, note, by_org, by_person_id)
     VALUES (?, (SELECT coalesce(max(seq), 0) + 1 FROM rectification_updates
                  WHERE item_id = ?), ?, ?, ?, ?, ?)`,
  ).run(itemId, itemId, u.at, u.status, u.note, u.byOrg, u.byPersonId)
}

/**
 * Records progress on one item. Any of the three parties of the estate
 * may, each under its own name: the list is the tripartite agreement's,
 * and who wrote each step is part of what the public reads.
 */
export function updateRectification(
  ctx: Context,
  viewer: Viewer,
  noticeId: string,
  itemId: string,
  request: RectificationUpdateRequest,
): RectificationItemView {
  const row = noticeRow(ctx, noticeId)
  checkEstate(viewer, row.estate_id)
  ensure(
    staffRolesOf(ctx, viewer.personId).some(
      (r) => r.estateId === row.estate_id && r.org === request.byOrg,
    ),
    'NOTICE_NOT_STAFF',
  )
  ensure(row.withdrawn_at === null, 'NOTICE_WITHDRAWN')
  const items = rectificationOf(ctx, noticeId)
  const item = items.find((i) => i.id === itemId)
  if (!item) throw new AppError('RECTIFICATION_ITEM_NOT_FOUND')
  const note = cleanBody(request.note)
  ensure(
    isMeaningfulUpdate(item.status, request.status, note),
    'RECTIFICATION_UPDATE_EMPTY',
  )
  appendUpdate(ctx, itemId, {
    at: ctx.now(),
    status: request.status,
    note,
    byOrg: request.byOrg,
    byPersonId: viewer.personId,
  })
  const updated = rectificationOf(ctx, noticeId).find((i) => i.id === itemId)
  if (!updated) throw new AppError('RECTIFICATION_ITEM_NOT_FOUND')
  return updated
}

// ---- read counts ----------------------------------------------------------

/**
 * How many of the people a notice reaches have read it, per building:
 * everyone who owns or lives in a unit there. Staff of the estate only.
 */
export function readCounts(
  ctx: Context,
  viewer: Viewer,
  noticeId: string,
): ReadCounts {
  const row = noticeRow(ctx, noticeId)
  checkEstate(viewer, row.estate_id)
  ensure(viewer.staffEstateIds.has(row.estate_id), 'NOTICE_NOT_STAFF')
  const audience = audienceOf(row)

  const people = sql(
    ctx.db,
    `WITH people AS (
       SELECT b.number AS building, o.person_id FROM unit_owners o
         JOIN units u ON u.id = o.unit_id
         JOIN buildings b ON b.id = u.building_id
        WHERE u.estate_id = ?
       UNION
       SELECT b.number, p.id FROM persons p
         JOIN units u ON u.id = p.residence_unit_id
         JOIN buildings b ON b.id = u.building_id
        WHERE u.estate_id = ?
     )
     SELECT people.building, people.person_id,
            r.person_id IS NOT NULL AS read
       FROM people
       LEFT JOIN notice_reads r
         ON r.person_id = people.person_id AND r.notice_id = ?`,
  ).all(row.estate_id, row.estate_id, row.id) as {
    building: string
    person_id: string
    read: number
  }[]

  const targeted = (b: string) =>
    audience.kind === 'estate' || audience.buildings.includes(b)
  const byBuilding = new Map<string, BuildingReads>()
  const readers = new Set<string>()
  const readBy = new Set<string>()
  for (const p of people) {
    if (!targeted(p.building)) continue
    const counts = byBuilding.get(p.building) ?? {
      building: p.building,
      readers: 0,
      read: 0,
    }
    counts.readers += 1
    counts.read += p.read
    byBuilding.set(p.building, counts)
    readers.add(p.person_id)
    if (p.read === 1) readBy.add(p.person_id)
  }
  return {
    noticeId: row.id,
    buildings: Array.from(byBuilding.values()).sort((a, b) =>
      a.building.localeCompare(b.building, 'zh-CN', { numeric: true }),
    ),
    totalReaders: readers.size,
    totalRead: readBy.size,
  }
}
