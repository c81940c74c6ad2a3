/**
 * Works on common parts: a repair case about a building or a common area
 * becomes a project with milestones, progress, a budget and a cost-sharing
 * plan, approved by the ballot that decided it or, for an emergency repair
 * paid from the maintenance fund, by the owners' committee (the housing
 * office where the estate has no owners' assembly yet).
 *
 * The plan is frozen when the project is made: the units of each owners'
 * party and their registered areas are written into it, so later changes
 * to the register do not move anyone's amount. The amounts themselves are
 * computed by the core's `shareCost` each time the project is shown.
 */
import { randomUUID } from 'node:crypto'

import { AppError, ensure } from '@/core/errors'
import { formatArea } from '@/core/area'
import { PHOTO_TYPES, MAX_PHOTOS } from '@/core/files'
import { maskName } from '@/core/person'
import type { Fraction } from '@/core/cost-sharing'
import {
  BASIS_POINTS,
  REMAINDER_RULE_TEXT,
  shareCost,
} from '@/core/cost-sharing'
import type {
  ApprovalView,
  CreateProjectRequest,
  EmergencyApprover,
  Funding,
  InspectionRequest,
  ProjectDetail,
  ProgressRequest,
  SharePartyInput,
} from '@/core/repairs-api'

import { unitLabel } from '../registers/generate'
import type { Store } from '../store/database'
import { sql } from '../store/database'
import type { Context } from './context'
import { iso } from './context'
import { fileViews, ownFiles } from './files'
import type { Viewer } from './identity'
import { appendEvent, visibleCase } from './repairs'

interface FrozenUnit {
  unitId: string
  label: string
  area: number
}

interface FrozenParty {
  name: string
  share: Fraction
  units: FrozenUnit[] | null
}

interface ProjectRow {
  id: string
  case_id: string
  estate_id: string
  title: string
  budget_fen: number
  funding: Funding
  approval_kind: 'ballot' | 'emergency' | null
  ballot_id: string | null
  approver: EmergencyApprover | null
  approved_by: string | null
  approval_reason: string | null
  approved_at: number | null
  cost_plan: string
  progress: number
  created_at: number
}

function isInspector(db: Store, estateId: string, personId: string): boolean {
  return (
    sql(
      db,
      'SELECT 1 FROM inspection_team WHERE estate_id = ? AND person_id = ?',
    ).get(estateId, personId) !== undefined
  )
}

function unitsOf(
  db: Store,
  estateId: string,
  scope: NonNullable<SharePartyInput['ownersOf']>,
): FrozenUnit[] {
  const rows = sql(
    db,
    `SELECT u.id, b.number AS building, u.room, u.area FROM units u
       JOIN buildings b ON b.id = u.building_id
      WHERE u.estate_id = ? ORDER BY u.id`,
  ).all(estateId) as {
    id: string
    building: string
    room: string
    area: number
  }[]
  const buildings = 'buildings' in scope ? new Set(scope.buildings) : null
  return rows
    .filter((u) => buildings === null || buildings.has(u.building))
    .map((u) => ({
      unitId: u.id,
      label: unitLabel(u.building, u.room),
      area: u.area,
    }))
}

/** "60%" for a share of basis points, "1/3" for any other fraction. */
function shareText(share: Fraction): string {
  const { numerator: n, denominator: d } = share
  if ((n * 100) % d === 0) return `${(n * 100) / d}%`
  if ((n * BASIS_POINTS) % d === 0) return `${(n * 100) / d}%`
  return `${n}/${d}`
}

function checkApproval(
  ctx: Context,
  estateId: string,
  request: CreateProjectRequest,
): void {
  const approval = request.approval
  if (request.funding === 'maintenance-fund') {
    ensure(approval, 'PROJECT_APPROVAL_REQUIRED')
  }
  if (!approval) return
  if (approval.kind === 'ballot') {
    const ballot = sql(
      ctx.db,
      'SELECT estate_id, published_at FROM ballots WHERE id = ?',
    ).get(approval.ballotId) as
      { estate_id: string; published_at: number | null } | undefined
    ensure(
      ballot &&
        ballot.estate_id === estateId &&
        ballot.published_at !== null &&
        ballot.published_at <= ctx.now(),
      'PROJECT_APPROVAL_INVALID',
    )
    return
  }
  // Emergency repairs need no vote: the owners' committee approves, or
  // the housing office where there is no committee yet.
  const { has_owners_committee: hasCommittee } = sql(
    ctx.db,
    'SELECT has_owners_committee FROM estates WHERE id = ?',
  ).get(estateId) as { has_owners_committee: number }
  const expected: EmergencyApprover =
    hasCommittee === 1 ? 'owners-committee' : 'housing-office'
  ensure(approval.approver === expected, 'PROJECT_APPROVAL_INVALID')
}

export function createProject(
  ctx: Context,
  viewer: Viewer,
  caseId: string,
  request: CreateProjectRequest,
): ProjectDetail {
  const row = visibleCase(ctx, viewer, caseId)
  ensure(viewer.staffEstateIds.has(row.estate_id), 'FORBIDDEN')
  ensure(row.place_kind !== 'unit', 'PROJECT_NOT_COMMON_PART')
  ensure(
    !['rejected', 'cancelled', 'merged'].includes(row.state),
    'REPAIR_STATE_CONFLICT',
  )
  const existing = sql(
    ctx.db,
    'SELECT 1 FROM repair_projects WHERE case_id = ?',
  ).get(row.id)
  ensure(existing === undefined, 'PROJECT_EXISTS')
  checkApproval(ctx, row.estate_id, request)

  const parties: FrozenParty[] = request.parties.map((p) => ({
    name: p.name,
    share: p.share,
    units: p.ownersOf ? unitsOf(ctx.db, row.estate_id, p.ownersOf) : null,
  }))
  const check = shareCost(request.budgetFen, planOf(parties))
  ensure(check.ok, 'COST_SHARES_INVALID')

  const id = `PJ-${row.id}`
  const at = ctx.now()
  const approval = request.approval
  ctx.db.transaction(() => {
    sql(
      ctx.db,
      `INSERT INTO repair_projects (id, case_id, estate_id, title, budget_fen,
         funding, approval_kind, ballot_id, approver, approved_by,
         approval_reason, approved_at, cost_plan, created_by, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      id,
      row.id,
      row.estate_id,
      request.title,
      request.budgetFen,
      request.funding,
      approval?.kind ?? null,
      approval?.kind === 'ballot' ? approval.ballotId : null,
      approval?.kind === 'emergency' ? approval.approver : null,
      approval?.kind === 'emergency' ? approval.approvedBy : null,
      approval?.kind === 'emergency' ? approval.reason : null,
      approval ? at : null,
      JSON.stringify(parties),
      viewer.personId,
      at,
    )
    const milestone = sql(
      ctx.db,
      'INSERT INTO repair_milestones (id, project_id, seq, title, due_at) VALUES (?, ?, ?, ?, ?)',
    )
    request.milestones.forEach((m, i) =>
      milestone.run(`${id}-M${i + 1}`, id, i + 1, m.title, Date.parse(m.dueAt)),
    )
    appendEvent(ctx.db, {
      caseId: row.id,
      action: 'project',
      from: row.state,
      to: row.state,
      actorId: viewer.personId,
      actorOrg: staffOrgFor(ctx, viewer, row.estate_id),
      handler: row.handler,
      note: `立项：${request.title}`,
      at,
    })
  })()
  return projectDetail(ctx, viewer, id)
}

function staffOrgFor(ctx: Context, viewer: Viewer, estateId: string) {
  const row = sql(
    ctx.db,
    'SELECT org FROM staff_roles WHERE person_id = ? AND estate_id = ? ORDER BY org LIMIT 1',
  ).get(viewer.personId, estateId) as
    | { org: 'residents-committee' | 'owners-committee' | 'property-company' }
    | undefined
  return row?.org ?? null
}

function planOf(parties: readonly FrozenParty[]) {
  return parties.map((p, i) => ({
    // Party ids order the left-over fen between equal remainders: the
    // first party listed comes first.
    id: String(i).padStart(3, '0'),
    share: p.share,
    units: p.units?.map((u) => ({ unitId: u.unitId, area: u.area })),
  }))
}

function projectRow(ctx: Context, projectId: string): ProjectRow {
  const row = sql(ctx.db, 'SELECT * FROM repair_projects WHERE id = ?').get(
    projectId,
  ) as ProjectRow | undefined
  if (!row) throw new AppError('PROJECT_NOT_FOUND')
  return row
}

/** Anyone of the estate may read a project: it spends their money. */
function visibleProject(
  ctx: Context,
  viewer: Viewer,
  projectId: string,
): ProjectRow {
  const row = projectRow(ctx, projectId)
  if (!viewer.estateIds.includes(row.estate_id)) {
    throw new AppError('PROJECT_NOT_FOUND')
  }
  return row
}

function approvalView(ctx: Context, row: ProjectRow): ApprovalView | null {
  if (row.approval_kind === null || row.approved_at === null) return null
  const ballot = row.ballot_id
    ? (sql(ctx.db, 'SELECT title FROM ballots WHERE id = ?').get(
        row.ballot_id,
      ) as { title: string } | undefined)
    : undefined
  return {
    kind: row.approval_kind,
    ballotId: row.ballot_id,
    ballotTitle: ballot?.title ?? null,
    approver: row.approver,
    approvedBy: row.approved_by,
    reason: row.approval_reason,
    at: iso(row.approved_at),
  }
}

export function projectDetail(
  ctx: Context,
  viewer: Viewer,
  projectId: string,
): ProjectDetail {
  const row = visibleProject(ctx, viewer, projectId)
  const parties = JSON.parse(row.cost_plan) as FrozenParty[]
  const result = shareCost(row.budget_fen, planOf(parties))
  // The plan was checked when it was made and is frozen since.
  if (!result.ok) throw new AppError('INTERNAL')
  const mine = new Set(
    (
      sql(ctx.db, 'SELECT unit_id FROM unit_owners WHERE person_id = ?').all(
        viewer.personId,
      ) as { unit_id: string }[]
    ).map((r) => r.unit_id),
  )

  const milestones = sql(
    ctx.db,
    'SELECT id, seq, title, due_at, done_at FROM repair_milestones WHERE project_id = ? ORDER BY seq',
  ).all(row.id) as {
    id: string
    seq: number
    title: string
    due_at: number
    done_at: number | null
  }[]
  const inspections = sql(
    ctx.db,
    `SELECT i.id, i.at, i.passed, i.note, i.photo_ids, p.name
       FROM repair_inspections i JOIN persons p ON p.id = i.inspector_id
      WHERE i.project_id = ? ORDER BY i.at DESC`,
  ).all(row.id) as {
    id: string
    at: number
    passed: number
    note: string
    photo_ids: string
    name: string
  }[]

  return {
    id: row.id,
    caseId: row.case_id,
    estateId: row.estate_id,
    title: row.title,
    budgetFen: row.budget_fen,
    funding: row.funding,
    approval: approvalView(ctx, row),
    progress: row.progress,
    milestones: milestones.map((m) => ({
      id: m.id,
      seq: m.seq,
      title: m.title,
      dueAt: iso(m.due_at),
      doneAt: m.done_at === null ? null : iso(m.done_at),
    })),
    sharing: result.parties.map((p, i) => ({
      name: parties[i].name,
      shareText: shareText(parties[i].share),
      amountFen: p.amount,
      roundedUp: p.roundedUp,
      units:
        p.units?.map((u, j) => ({
          unitId: u.unitId,
          label: parties[i].units?.[j].label ?? u.unitId,
          area: formatArea(u.area),
          amountFen: u.amount,
          roundedUp: u.roundedUp,
          mine: mine.has(u.unitId),
        })) ?? null,
    })),
    remainderRule: REMAINDER_RULE_TEXT,
    inspections: inspections.map((i) => ({
      id: i.id,
      at: iso(i.at),
      inspector: maskName(i.name),
      passed: i.passed === 1,
      note: i.note,
      photos: fileViews(ctx, JSON.parse(i.photo_ids) as string[]),
    })),
    canManage: viewer.staffEstateIds.has(row.estate_id),
    canInspect: isInspector(ctx.db, row.estate_id, viewer.personId),
    createdAt: iso(row.created_at),
  }
}

export function updateProgress(
  ctx: Context,
  viewer: Viewer,
  projectId: string,
  request: ProgressRequest,
): ProjectDetail {
  const row = visibleProject(ctx, viewer, projectId)
  ensure(viewer.staffEstateIds.has(row.estate_id), 'FORBIDDEN')
  const at = ctx.now()
  const kase = sql(
    ctx.db,
    'SELECT state, handler FROM repair_cases WHERE id = ?',
  ).get(row.case_id) as {
    state: Parameters<typeof appendEvent>[1]['to']
    handler: Parameters<typeof appendEvent>[1]['handler']
  }
  ctx.db.transaction(() => {
    if (request.milestoneId) {
      const done = sql(
        ctx.db,
        'UPDATE repair_milestones SET done_at = ? WHERE id = ? AND project_id = ? AND done_at IS NULL',
      ).run(at, request.milestoneId, row.id)
      ensure(done.changes === 1, 'VALIDATION_FAILED', [
        { field: 'milestoneId', message: '没有这个未完成的节点' },
      ])
    }
    sql(ctx.db, 'UPDATE repair_projects SET progress = ? WHERE id = ?').run(
      request.progress,
      row.id,
    )
    appendEvent(ctx.db, {
      caseId: row.case_id,
      action: 'progress',
      from: kase.state,
      to: kase.state,
      actorId: viewer.personId,
      actorOrg: staffOrgFor(ctx, viewer, row.estate_id),
      handler: kase.handler,
      note: `工程进度 ${request.progress}%${request.note ? `：${request.note}` : ''}`,
      at,
    })
  })()
  return projectDetail(ctx, viewer, row.id)
}

export function addInspection(
  ctx: Context,
  viewer: Viewer,
  projectId: string,
  request: InspectionRequest,
): ProjectDetail {
  const row = visibleProject(ctx, viewer, projectId)
  ensure(isInspector(ctx.db, row.estate_id, viewer.personId), 'NOT_INSPECTOR')
  ensure(request.photoIds.length <= MAX_PHOTOS, 'TOO_MANY_PHOTOS')
  ownFiles(ctx, viewer.personId, row.estate_id, request.photoIds, PHOTO_TYPES)
  sql(
    ctx.db,
    `INSERT INTO repair_inspections (id, project_id, inspector_id, passed, note, photo_ids, at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    randomUUID(),
    row.id,
    viewer.personId,
    request.passed ? 1 : 0,
    request.note,
    JSON.stringify(request.photoIds),
    ctx.now(),
  )
  return projectDetail(ctx, viewer, row.id)
}
