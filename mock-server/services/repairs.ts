/**
 * Repair cases (报事报修): reporting, the handling timeline and the staff
 * queue. Every state change goes through `checkTransition` from the core
 * table and is written as one append-only event in the same transaction
 * as the new state, so the timeline the reporter reads is the history.
 *
 * Who sees a case: its reporter, whoever follows it (reporters of cases
 * merged into it), and staff of its estate. Everyone else gets
 * REPAIR_CASE_NOT_FOUND, so case numbers can not be probed.
 */
import { createHash } from 'node:crypto'

import { STAFF_ORG_TEXT, type StaffOrg } from '@/core/api-types'
import { AppError, ensure } from '@/core/errors'
import { PHOTO_TYPES, MAX_PHOTOS } from '@/core/files'
import { maskName, maskPhone } from '@/core/person'
import { canonicalJson } from '@/core/record'
import type {
  HandlerOrg,
  PlaceKind,
  RepairActor,
  RepairCategory,
  RepairState,
  Urgency,
} from '@/core/repair-case'
import {
  actingOrgOf,
  actionsFor,
  canRate,
  checkTransition,
  deadlinesOf,
  FINAL_STATES,
  firstHandler,
  isOpen,
  isOverdue,
  REPAIR_STATES,
  TRANSITIONS,
} from '@/core/repair-case'
import type {
  AgeFilter,
  CaseActionRequest,
  PlaceInput,
  PlaceOptions,
  RateRequest,
  RepairCaseDetail,
  RepairCaseSummary,
  RepairEventView,
  ReportRequest,
} from '@/core/repairs-api'

import { unitLabel } from '../registers/generate'
import type { Store } from '../store/database'
import { sql } from '../store/database'
import type { Context } from './context'
import { DAY, iso, shanghaiDate } from './context'
import { fileViews, ownFiles } from './files'
import type { Viewer } from './identity'

export interface CaseRow {
  id: string
  estate_id: string
  reporter_id: string
  category: RepairCategory
  place_kind: PlaceKind
  place_ref: string
  place_label: string
  description: string
  urgency: Urgency
  contact_time: string | null
  state: RepairState
  handler: HandlerOrg
  team: string | null
  merged_into: string | null
  reported_at: number
  updated_at: number
  accept_by: number
  resolve_by: number
  rating: number | null
  rating_comment: string | null
  rated_at: number | null
  request_hash: string
}

interface EventRow {
  seq: number
  action: RepairEventView['action']
  from_state: RepairState | null
  to_state: RepairState
  actor_id: string
  actor_org: StaffOrg | null
  actor_name: string
  handler: HandlerOrg
  note: string | null
  team: string | null
  other_case_id: string | null
  at: number
}

// ---- who is who ---------------------------------------------------------

export function staffOrgsIn(
  ctx: Context,
  personId: string,
  estateId: string,
): StaffOrg[] {
  return (
    sql(
      ctx.db,
      'SELECT org FROM staff_roles WHERE person_id = ? AND estate_id = ?',
    ).all(personId, estateId) as { org: StaffOrg }[]
  ).map((r) => r.org)
}

function hasPropertyCompany(db: Store, estateId: string): boolean {
  return (
    sql(
      db,
      "SELECT 1 FROM staff_roles WHERE estate_id = ? AND org = 'property-company' LIMIT 1",
    ).get(estateId) !== undefined
  )
}

function follows(ctx: Context, caseId: string, personId: string): boolean {
  return (
    sql(
      ctx.db,
      'SELECT 1 FROM repair_followers WHERE case_id = ? AND person_id = ?',
    ).get(caseId, personId) !== undefined
  )
}

/** The roles the viewer holds on this case right now. */
function rolesOn(ctx: Context, viewer: Viewer, row: CaseRow): RepairActor[] {
  const roles: RepairActor[] = []
  if (row.reporter_id === viewer.personId) roles.push('reporter')
  const orgs = staffOrgsIn(ctx, viewer.personId, row.estate_id)
  if (orgs.includes(actingOrgOf(row.handler))) roles.push('handler')
  return roles
}

function caseRow(ctx: Context, caseId: string): CaseRow | undefined {
  return sql(ctx.db, 'SELECT * FROM repair_cases WHERE id = ?').get(caseId) as
    CaseRow | undefined
}

/** A case the viewer may see, or REPAIR_CASE_NOT_FOUND. */
export function visibleCase(
  ctx: Context,
  viewer: Viewer,
  caseId: string,
): CaseRow {
  const row = caseRow(ctx, caseId)
  const visible =
    row !== undefined &&
    (row.reporter_id === viewer.personId ||
      viewer.staffEstateIds.has(row.estate_id) ||
      follows(ctx, row.id, viewer.personId))
  if (!visible) throw new AppError('REPAIR_CASE_NOT_FOUND')
  return row
}

// ---- places -------------------------------------------------------------

function checkEstate(viewer: Viewer, estateId: string): void {
  if (!viewer.estateIds.includes(estateId)) throw new AppError('OTHER_ESTATE')
}

export function placeOptions(
  ctx: Context,
  viewer: Viewer,
  estateId: string,
): PlaceOptions {
  checkEstate(viewer, estateId)
  const buildings = (
    sql(ctx.db, 'SELECT number FROM buildings WHERE estate_id = ?').all(
      estateId,
    ) as { number: string }[]
  )
    .map((b) => b.number)
    .sort((a, b) => Number(a) - Number(b) || (a < b ? -1 : 1))
  const commonAreas = sql(
    ctx.db,
    'SELECT id, name FROM common_areas WHERE estate_id = ? ORDER BY seq',
  ).all(estateId) as { id: string; name: string }[]
  return { estateId, buildings, commonAreas }
}

interface ResolvedPlace {
  kind: PlaceKind
  ref: string
  label: string
}

/** A unit the reporter owns or lives in; a building or area of the estate. */
function resolvePlace(
  ctx: Context,
  viewer: Viewer,
  estateId: string,
  place: PlaceInput,
): ResolvedPlace {
  const invalid = () => new AppError('REPAIR_PLACE_INVALID')
  if (place.kind === 'unit') {
    const unit = sql(
      ctx.db,
      `SELECT u.id, b.number AS building, u.room FROM units u
         JOIN buildings b ON b.id = u.building_id
        WHERE u.id = ? AND u.estate_id = ?
          AND (EXISTS (SELECT 1 FROM unit_owners o
                        WHERE o.unit_id = u.id AND o.person_id = ?)
               OR EXISTS (SELECT 1 FROM persons p
                           WHERE p.id = ? AND p.residence_unit_id = u.id))`,
    ).get(place.unitId, estateId, viewer.personId, viewer.personId) as
      { id: string; building: string; room: string } | undefined
    if (!unit) throw invalid()
    return {
      kind: 'unit',
      ref: unit.id,
      label: unitLabel(unit.building, unit.room),
    }
  }
  if (place.kind === 'building') {
    const building = sql(
      ctx.db,
      'SELECT id, number FROM buildings WHERE estate_id = ? AND number = ?',
    ).get(estateId, place.building) as
      { id: string; number: string } | undefined
    if (!building) throw invalid()
    return {
      kind: 'building',
      ref: building.number,
      label: `${building.number}号楼`,
    }
  }
  const area = sql(
    ctx.db,
    'SELECT id, name FROM common_areas WHERE id = ? AND estate_id = ?',
  ).get(place.commonAreaId, estateId) as
    { id: string; name: string } | undefined
  if (!area) throw invalid()
  return { kind: 'common-area', ref: area.id, label: area.name }
}

// ---- events -------------------------------------------------------------

interface NewEvent {
  caseId: string
  action: RepairEventView['action']
  from: RepairState | null
  to: RepairState
  actorId: string
  actorOrg: StaffOrg | null
  handler: HandlerOrg
  note?: string | null
  team?: string | null
  otherCaseId?: string | null
  at: number
}

export function appendEvent(db: Store, event: NewEvent): void {
  const { next } = sql(
    db,
    'SELECT coalesce(max(seq), 0) + 1 AS next FROM repair_events WHERE case_id = ?',
  ).get(event.caseId) as { next: number }
  sql(
    db,
    `INSERT INTO repair_events (case_id, seq, action, from_state, to_state,
       actor_id, actor_org, handler, note, team, other_case_id, at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    event.caseId,
    next,
    event.action,
    event.from,
    event.to,
    event.actorId,
    event.actorOrg,
    event.handler,
    event.note ?? null,
    event.team ?? null,
    event.otherCaseId ?? null,
    event.at,
  )
}

function timelineOf(ctx: Context, row: CaseRow): RepairEventView[] {
  const events = sql(
    ctx.db,
    `SELECT e.*, p.name AS actor_name FROM repair_events e
       JOIN persons p ON p.id = e.actor_id
      WHERE e.case_id = ? ORDER BY e.seq`,
  ).all(row.id) as EventRow[]
  return events.map((e) => ({
    seq: e.seq,
    action: e.action,
    from: e.from_state,
    to: e.to_state,
    at: iso(e.at),
    // Staff act in their org's name, shown with a masked name so the
    // reporter knows who to ask; a reporter is named by role only.
    actor:
      e.actor_org === null
        ? e.actor_id === row.reporter_id
          ? '报修人'
          : '业主'
        : `${STAFF_ORG_TEXT[e.actor_org]} ${maskName(e.actor_name)}`,
    note: e.note,
    team: e.team,
    handler: e.handler,
    otherCaseId: e.other_case_id,
  }))
}

// ---- views --------------------------------------------------------------

function firstLine(text: string): string {
  const line = text.split('\n')[0].trim()
  return line.length > 30 ? `${line.slice(0, 30)}…` : line
}

function photoIdsOf(db: Store, caseId: string): string[] {
  return (
    sql(
      db,
      'SELECT file_id FROM repair_case_photos WHERE case_id = ? ORDER BY seq',
    ).all(caseId) as { file_id: string }[]
  ).map((r) => r.file_id)
}

function summaryOf(
  ctx: Context,
  viewer: Viewer,
  row: CaseRow,
): RepairCaseSummary {
  return {
    id: row.id,
    estateId: row.estate_id,
    category: row.category,
    place: { kind: row.place_kind, label: row.place_label },
    title: firstLine(row.description),
    urgency: row.urgency,
    state: row.state,
    handler: row.handler,
    reportedAt: iso(row.reported_at),
    updatedAt: iso(row.updated_at),
    acceptBy: iso(row.accept_by),
    resolveBy: iso(row.resolve_by),
    overdue: isOverdue(
      row.state,
      { acceptBy: row.accept_by, resolveBy: row.resolve_by },
      ctx.now(),
    ),
    photoCount: photoIdsOf(ctx.db, row.id).length,
    mine:
      row.reporter_id === viewer.personId ||
      follows(ctx, row.id, viewer.personId),
  }
}

export function caseDetail(
  ctx: Context,
  viewer: Viewer,
  caseId: string,
): RepairCaseDetail {
  const row = visibleCase(ctx, viewer, caseId)
  const roles = rolesOn(ctx, viewer, row)
  const myActions = Array.from(
    new Set(roles.flatMap((role) => actionsFor(row.state, role))),
  )
  const isReporter = roles.includes('reporter')
  const reporter = viewer.staffEstateIds.has(row.estate_id)
    ? (sql(ctx.db, 'SELECT name, phone FROM persons WHERE id = ?').get(
        row.reporter_id,
      ) as { name: string; phone: string })
    : null
  const mergedFrom = (
    sql(
      ctx.db,
      'SELECT id FROM repair_cases WHERE merged_into = ? ORDER BY reported_at',
    ).all(row.id) as { id: string }[]
  ).map((r) => r.id)
  const project = sql(
    ctx.db,
    'SELECT id FROM repair_projects WHERE case_id = ?',
  ).get(row.id) as { id: string } | undefined

  return {
    ...summaryOf(ctx, viewer, row),
    description: row.description,
    contactTime: row.contact_time,
    photos: fileViews(ctx, photoIdsOf(ctx.db, row.id)),
    team: row.team,
    mergedInto: row.merged_into,
    mergedFrom,
    timeline: timelineOf(ctx, row),
    rating:
      row.rating === null || row.rated_at === null
        ? null
        : {
            stars: row.rating,
            comment: row.rating_comment ?? '',
            at: iso(row.rated_at),
          },
    myActions,
    canRate: isReporter && canRate(row.state, row.rating !== null),
    reporter: reporter
      ? { name: reporter.name, phoneMasked: maskPhone(reporter.phone) }
      : null,
    projectId: project?.id ?? null,
  }
}

// ---- reporting ----------------------------------------------------------

function reportHash(estateId: string, request: ReportRequest): string {
  return createHash('sha256')
    .update(
      canonicalJson({
        estateId,
        ...request,
        contactTime: request.contactTime ?? null,
      }),
    )
    .digest('hex')
}

/** R20261203-0001: the day in Shanghai and a running number that day. */
function newCaseId(db: Store, at: number): string {
  const day = shanghaiDate(at)
  const { n } = sql(
    db,
    'SELECT count(*) AS n FROM repair_cases WHERE id LIKE ?',
  ).get(`R${day}-%`) as { n: number }
  return `R${day}-${String(n + 1).padStart(4, '0')}`
}

export interface ReportResult {
  /** 201 for a new case, 200 when a retry finds the first one. */
  status: 200 | 201
  detail: RepairCaseDetail
}

export function reportCase(
  ctx: Context,
  viewer: Viewer,
  estateId: string,
  request: ReportRequest,
  idempotencyKey: string | undefined,
): ReportResult {
  if (!idempotencyKey) throw new AppError('IDEMPOTENCY_KEY_MISSING')
  const hash = reportHash(estateId, request)

  return ctx.db.transaction((): ReportResult => {
    const earlier = sql(
      ctx.db,
      'SELECT id, request_hash FROM repair_cases WHERE reporter_id = ? AND idempotency_key = ?',
    ).get(viewer.personId, idempotencyKey) as
      { id: string; request_hash: string } | undefined
    if (earlier) {
      ensure(earlier.request_hash === hash, 'IDEMPOTENCY_KEY_REUSED')
      return { status: 200, detail: caseDetail(ctx, viewer, earlier.id) }
    }

    checkEstate(viewer, estateId)
    ensure(request.photoIds.length <= MAX_PHOTOS, 'TOO_MANY_PHOTOS')
    const place = resolvePlace(ctx, viewer, estateId, request.place)
    ownFiles(ctx, viewer.personId, estateId, request.photoIds, PHOTO_TYPES)

    const at = ctx.now()
    const id = newCaseId(ctx.db, at)
    const handler = firstHandler(
      request.category,
      hasPropertyCompany(ctx.db, estateId),
    )
    const { acceptBy, resolveBy } = deadlinesOf(request.urgency, at)
    sql(
      ctx.db,
      `INSERT INTO repair_cases (id, estate_id, reporter_id, category,
         place_kind, place_ref, place_label, description, urgency,
         contact_time, state, handler, reported_at, updated_at, accept_by,
         resolve_by, idempotency_key, request_hash)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'submitted', ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      id,
      estateId,
      viewer.personId,
      request.category,
      place.kind,
      place.ref,
      place.label,
      request.description,
      request.urgency,
      request.contactTime || null,
      handler,
      at,
      at,
      acceptBy,
      resolveBy,
      idempotencyKey,
      hash,
    )
    const photo = sql(
      ctx.db,
      'INSERT INTO repair_case_photos (case_id, seq, file_id) VALUES (?, ?, ?)',
    )
    request.photoIds.forEach((fileId, i) => photo.run(id, i + 1, fileId))
    sql(
      ctx.db,
      'INSERT INTO repair_followers (case_id, person_id, since) VALUES (?, ?, ?)',
    ).run(id, viewer.personId, at)
    appendEvent(ctx.db, {
      caseId: id,
      action: 'report',
      from: null,
      to: 'submitted',
      actorId: viewer.personId,
      actorOrg: null,
      handler,
      at,
    })
    return { status: 201, detail: caseDetail(ctx, viewer, id) }
  })()
}

/** Cases the person reported or follows, newest change first. */
export function myCases(ctx: Context, viewer: Viewer): RepairCaseSummary[] {
  const rows = sql(
    ctx.db,
    `SELECT c.* FROM repair_cases c
       JOIN repair_followers f ON f.case_id = c.id
      WHERE f.person_id = ?
      ORDER BY c.updated_at DESC, c.id DESC`,
  ).all(viewer.personId) as CaseRow[]
  return rows.map((row) => summaryOf(ctx, viewer, row))
}

// ---- handling -----------------------------------------------------------

export function actOnCase(
  ctx: Context,
  viewer: Viewer,
  caseId: string,
  request: CaseActionRequest,
): RepairCaseDetail {
  const row = visibleCase(ctx, viewer, caseId)
  const rule = TRANSITIONS[request.action]
  const roles = rolesOn(ctx, viewer, row)
  ensure(roles.includes(rule.by), 'REPAIR_ACTION_FORBIDDEN')
  const check = checkTransition(row.state, request.action, rule.by)
  if (!check.ok) throw new AppError('REPAIR_STATE_CONFLICT')
  const note = request.note?.trim() || null
  ensure(!rule.needsNote || note !== null, 'REPAIR_NOTE_REQUIRED', [
    { field: 'note', message: '请写明原因或处理情况' },
  ])

  let handler = row.handler
  let team = row.team
  let into: CaseRow | null = null
  if (request.action === 'assign') {
    ensure(request.team, 'VALIDATION_FAILED', [
      { field: 'team', message: '请填写承接的班组或人员' },
    ])
    team = request.team
  }
  if (request.action === 'transfer') {
    const target = request.handler
    ensure(target && target !== row.handler, 'VALIDATION_FAILED', [
      { field: 'handler', message: '请选择转给哪个单位（不能是当前单位）' },
    ])
    ensure(
      target !== 'property-company' ||
        hasPropertyCompany(ctx.db, row.estate_id),
      'VALIDATION_FAILED',
      [{ field: 'handler', message: '本小区没有在本应用办理的物业' }],
    )
    handler = target
    team = null
  }
  if (request.action === 'merge') {
    const kept = request.intoCaseId ? caseRow(ctx, request.intoCaseId) : null
    ensure(
      kept &&
        kept.id !== row.id &&
        kept.estate_id === row.estate_id &&
        isOpen(kept.state),
      'REPAIR_MERGE_INVALID',
    )
    into = kept
  }

  const at = ctx.now()
  // Staff act in the name of the org holding the case before the move.
  const org = rule.by === 'handler' ? actingOrgOf(row.handler) : null
  ctx.db.transaction(() => {
    // The state is checked again under the write: two staff pressing
    // at once must not both move the case.
    const changed = sql(
      ctx.db,
      `UPDATE repair_cases SET state = ?, handler = ?, team = ?,
         merged_into = ?, updated_at = ? WHERE id = ? AND state = ?`,
    ).run(check.to, handler, team, into?.id ?? null, at, row.id, row.state)
    ensure(changed.changes === 1, 'REPAIR_STATE_CONFLICT')
    appendEvent(ctx.db, {
      caseId: row.id,
      action: request.action,
      from: row.state,
      to: check.to,
      actorId: viewer.personId,
      actorOrg: org,
      handler,
      note,
      team: request.action === 'assign' ? team : null,
      otherCaseId: into?.id ?? null,
      at,
    })
    if (into) mergeFollowers(ctx, row, into, viewer.personId, org, note, at)
  })()
  return caseDetail(ctx, viewer, row.id)
}

/** Everyone who followed the duplicate now follows the kept case. */
function mergeFollowers(
  ctx: Context,
  duplicate: CaseRow,
  kept: CaseRow,
  actorId: string,
  org: StaffOrg | null,
  note: string | null,
  at: number,
): void {
  sql(
    ctx.db,
    `INSERT OR IGNORE INTO repair_followers (case_id, person_id, since)
       SELECT ?, person_id, ? FROM repair_followers WHERE case_id = ?`,
  ).run(kept.id, at, duplicate.id)
  sql(ctx.db, 'UPDATE repair_cases SET updated_at = ? WHERE id = ?').run(
    at,
    kept.id,
  )
  appendEvent(ctx.db, {
    caseId: kept.id,
    action: 'merged-in',
    from: kept.state,
    to: kept.state,
    actorId,
    actorOrg: org,
    handler: kept.handler,
    note,
    otherCaseId: duplicate.id,
    at,
  })
}

export function rateCase(
  ctx: Context,
  viewer: Viewer,
  caseId: string,
  request: RateRequest,
): RepairCaseDetail {
  const row = visibleCase(ctx, viewer, caseId)
  ensure(row.reporter_id === viewer.personId, 'REPAIR_ACTION_FORBIDDEN')
  ensure(row.rating === null, 'REPAIR_ALREADY_RATED')
  ensure(canRate(row.state, false), 'REPAIR_NOT_RATABLE')
  const at = ctx.now()
  ctx.db.transaction(() => {
    sql(
      ctx.db,
      `UPDATE repair_cases SET rating = ?, rating_comment = ?, rated_at = ?,
         updated_at = ? WHERE id = ? AND rating IS NULL`,
    ).run(request.stars, request.comment, at, at, row.id)
    appendEvent(ctx.db, {
      caseId: row.id,
      action: 'rated',
      from: row.state,
      to: row.state,
      actorId: viewer.personId,
      actorOrg: null,
      handler: row.handler,
      note: `${request.stars} 星${request.comment ? `：${request.comment}` : ''}`,
      at,
    })
  })()
  return caseDetail(ctx, viewer, row.id)
}

// ---- the staff queue ----------------------------------------------------

export interface QueueFilter {
  state: RepairState | 'open' | 'all'
  category?: RepairCategory
  urgency?: Urgency
  age: AgeFilter
}

function ageRange(age: AgeFilter, now: number): [number, number] {
  switch (age) {
    case 'all':
      return [0, Number.MAX_SAFE_INTEGER]
    case 'today':
      return [now - DAY, Number.MAX_SAFE_INTEGER]
    case 'week':
      return [now - 7 * DAY, now - DAY]
    case 'older':
      return [0, now - 7 * DAY]
  }
}

const URGENCY_ORDER: Record<Urgency, number> = {
  emergency: 0,
  urgent: 1,
  normal: 2,
}

/**
 * An estate's cases for its staff: overdue first, then the most urgent,
 * then the oldest, so the top of the list is what to do next.
 */
export function repairQueue(
  ctx: Context,
  viewer: Viewer,
  estateId: string,
  filter: QueueFilter,
): RepairCaseSummary[] {
  ensure(viewer.staffEstateIds.has(estateId), 'NOT_REPAIR_STAFF')
  const states =
    filter.state === 'all'
      ? REPAIR_STATES
      : filter.state === 'open'
        ? REPAIR_STATES.filter((s) => !FINAL_STATES.includes(s))
        : [filter.state]
  const [from, until] = ageRange(filter.age, ctx.now())
  const rows = sql(
    ctx.db,
    `SELECT * FROM repair_cases
      WHERE estate_id = ?
        AND state IN (SELECT value FROM json_each(?))
        AND (? IS NULL OR category = ?)
        AND (? IS NULL OR urgency = ?)
        AND reported_at >= ? AND reported_at <= ?`,
  ).all(
    estateId,
    JSON.stringify(states),
    filter.category ?? null,
    filter.category ?? null,
    filter.urgency ?? null,
    filter.urgency ?? null,
    from,
    until,
  ) as CaseRow[]
  return rows
    .map((row) => summaryOf(ctx, viewer, row))
    .sort(
      (a, b) =>
        Number(b.overdue) - Number(a.overdue) ||
        URGENCY_ORDER[a.urgency] - URGENCY_ORDER[b.urgency] ||
        a.reportedAt.localeCompare(b.reportedAt),
    )
}
