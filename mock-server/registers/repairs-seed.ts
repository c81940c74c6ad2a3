/**
 * Seed of the repair case feature: each estate's common areas (the list a
 * reporter picks a place from), its residents' inspection team, and a few
 * cases in different states with their timelines, including two works on
 * common parts: an emergency lift repair the owners' committee approved,
 * and an emergency façade repair the housing office approved where the
 * estate has no owners' committee, shared 60% / 40% between the
 * building's owners and the developer.
 *
 * Test accounts are left out as reporters, so their "my cases" start
 * empty; a few are on the inspection teams so a tester can log a check.
 */
import type { StaffOrg } from '@/core/api-types'
import type {
  HandlerOrg,
  RepairAction,
  RepairCategory,
  RepairState,
  Urgency,
} from '@/core/repair-case'
import { deadlinesOf } from '@/core/repair-case'
import type { RepairEventView, SharePartyInput } from '@/core/repairs-api'

import { DAY, HOUR, MINUTE } from '../services/context'
import { appendEvent } from '../services/repairs'
import type { Store } from '../store/database'
import { sql } from '../store/database'
import type { FeatureSeed } from './feature-seeds'
import { ESTATE, unitLabel } from './generate'
import { testAccounts } from './test-accounts'

const COMMON_AREAS: Record<string, readonly string[]> = {
  [ESTATE.chenxi]: [
    '南大门及门岗',
    '北大门',
    '中心花园',
    '儿童游乐场',
    '健身步道',
    '主干道路（1–8号楼）',
    '主干道路（9–24号楼）',
    '河边步道（25–30号楼）',
    '地下车库',
    '地面停车场',
    '自行车棚（8号楼与16号楼之间）',
    '垃圾分类投放点',
    '沿街商铺',
  ],
  [ESTATE.lize]: [
    '小区大门',
    '中心绿地',
    '地面停车场',
    '自行车棚',
    '垃圾分类投放点',
    '沿街商铺',
  ],
  [ESTATE.xincheng]: [
    '东大门',
    '西大门',
    '中央景观水池',
    '地下车库',
    '自行车棚',
    '垃圾分类投放点',
    '沿街商铺',
  ],
}

const INSPECTORS_PER_ESTATE = 3

interface SeedEvent {
  action: RepairAction | RepairEventView['action']
  to: RepairState
  by: 'reporter' | StaffOrg
  after: number
  note?: string
  team?: string
  handler?: HandlerOrg
}

interface SeedCase {
  id: string
  estateId: string
  /** A building number whose resident owner reports the case. */
  reporterBuilding: string
  category: RepairCategory
  place:
    | { kind: 'building'; building: string }
    | { kind: 'common-area'; name: string }
    | { kind: 'unit' }
  description: string
  urgency: Urgency
  /** Offset from the seed time. */
  reported: number
  handler: HandlerOrg
  events: SeedEvent[]
  rating?: { stars: number; comment: string }
  project?: SeedProject
}

interface SeedProject {
  title: string
  budgetFen: number
  funding: 'maintenance-fund'
  approver: 'owners-committee' | 'housing-office'
  approvedBy: string
  reason: string
  progress: number
  parties: SharePartyInput[]
  milestones: { title: string; due: number; done: boolean }[]
}

const CASES: readonly SeedCase[] = [
  {
    id: 'S-CHENXI-ROAD',
    estateId: ESTATE.chenxi,
    reporterBuilding: '12',
    category: 'roads-paving',
    place: { kind: 'common-area', name: '主干道路（9–24号楼）' },
    description:
      '12号楼北侧道路路面塌陷，约一米见方，晚上看不清，已有电动车摔倒。',
    urgency: 'urgent',
    reported: -2 * DAY,
    handler: 'property-company',
    events: [
      { action: 'accept', to: 'accepted', by: 'property-company', after: HOUR },
      {
        action: 'assign',
        to: 'assigned',
        by: 'property-company',
        after: 2 * HOUR,
        team: '工程维修组',
      },
      {
        action: 'start',
        to: 'in-progress',
        by: 'property-company',
        after: 5 * HOUR,
        note: '已设置围挡和警示灯，等待沥青料进场',
      },
    ],
  },
  {
    id: 'S-CHENXI-GARAGE',
    estateId: ESTATE.chenxi,
    reporterBuilding: '20',
    category: 'water-drains',
    place: { kind: 'common-area', name: '地下车库' },
    description: '地下车库B区顶板渗水，下雨后车位积水，车顶有水泥渣。',
    urgency: 'normal',
    reported: -2 * DAY,
    handler: 'property-company',
    events: [],
  },
  {
    id: 'S-CHENXI-FUMES',
    estateId: ESTATE.chenxi,
    reporterBuilding: '2',
    category: 'shop-nuisance',
    place: { kind: 'common-area', name: '沿街商铺' },
    description: '沿街烧烤店油烟直排，2号楼低层每晚开不了窗，营业到凌晨两点。',
    urgency: 'normal',
    reported: -5 * DAY,
    handler: 'residents-committee',
    events: [
      {
        action: 'accept',
        to: 'accepted',
        by: 'residents-committee',
        after: 3 * HOUR,
      },
      {
        action: 'transfer',
        to: 'transferred',
        by: 'residents-committee',
        after: 1 * DAY,
        handler: 'city-management',
        note: '已上门劝导无效。油烟直排和夜间噪声属城管执法范围，已转新桥镇城管中队。',
      },
    ],
  },
  {
    id: 'S-CHENXI-LIGHT',
    estateId: ESTATE.chenxi,
    reporterBuilding: '3',
    category: 'power',
    place: { kind: 'building', building: '3' },
    description: '3号楼2单元楼道7至9层的灯都不亮。',
    urgency: 'normal',
    reported: -9 * DAY,
    handler: 'property-company',
    events: [
      {
        action: 'accept',
        to: 'accepted',
        by: 'property-company',
        after: 40 * MINUTE,
      },
      {
        action: 'assign',
        to: 'assigned',
        by: 'property-company',
        after: HOUR,
        team: '水电维修组',
      },
      {
        action: 'start',
        to: 'in-progress',
        by: 'property-company',
        after: 3 * HOUR,
      },
      {
        action: 'resolve',
        to: 'resolved',
        by: 'property-company',
        after: 4 * HOUR,
        note: '更换声控开关 3 个、灯泡 5 个',
      },
      { action: 'confirm', to: 'closed', by: 'reporter', after: 1 * DAY },
    ],
    rating: { stars: 5, comment: '当天就修好了，谢谢师傅' },
  },
  {
    id: 'S-CHENXI-LIFT',
    estateId: ESTATE.chenxi,
    reporterBuilding: '9',
    category: 'lift',
    place: { kind: 'building', building: '9' },
    description:
      '9号楼1号电梯年检不合格被特种设备检验所责令停用，楼里老人上下楼困难。',
    urgency: 'emergency',
    reported: -6 * DAY,
    handler: 'property-company',
    events: [
      {
        action: 'accept',
        to: 'accepted',
        by: 'property-company',
        after: 20 * MINUTE,
      },
      {
        action: 'assign',
        to: 'assigned',
        by: 'property-company',
        after: HOUR,
        team: '电梯维保单位',
      },
      {
        action: 'start',
        to: 'in-progress',
        by: 'property-company',
        after: 2 * DAY,
        note: '业委会已批准使用维修资金应急更换曳引机和控制柜',
      },
    ],
    project: {
      title: '9号楼1号电梯应急维修',
      budgetFen: 28_650_000,
      funding: 'maintenance-fund',
      approver: 'owners-committee',
      approvedBy: '晨曦名邸业主委员会',
      reason: '电梯被责令停用，属可以使用维修资金应急维修的情形',
      progress: 60,
      parties: [
        {
          name: '9号楼业主',
          share: { numerator: 1, denominator: 1 },
          ownersOf: { buildings: ['9'] },
        },
      ],
      milestones: [
        { title: '拆除旧曳引机', due: -2 * DAY, done: true },
        { title: '安装新曳引机和控制柜', due: 2 * DAY, done: false },
        { title: '特种设备检验所复检', due: 6 * DAY, done: false },
      ],
    },
  },
  {
    id: 'S-XINCHENG-FACADE',
    estateId: ESTATE.xincheng,
    reporterBuilding: '5',
    category: 'walls-facade',
    place: { kind: 'building', building: '5' },
    description:
      '5号楼南侧外墙18层附近有一块外墙砖松动，大风天掉过碎片，楼下是出入口。',
    urgency: 'emergency',
    reported: -12 * DAY,
    handler: 'residents-committee',
    events: [
      {
        action: 'accept',
        to: 'accepted',
        by: 'residents-committee',
        after: 15 * MINUTE,
        note: '已拉警戒线，出入口临时改道',
      },
      {
        action: 'assign',
        to: 'assigned',
        by: 'residents-committee',
        after: 3 * HOUR,
        team: '外墙专业施工队',
      },
      {
        action: 'start',
        to: 'in-progress',
        by: 'residents-committee',
        after: 2 * DAY,
      },
    ],
    project: {
      title: '5号楼外墙危险部位应急排险',
      budgetFen: 18_650_000,
      funding: 'maintenance-fund',
      approver: 'housing-office',
      approvedBy: '松江区房屋管理局',
      reason:
        '外墙饰面有脱落危险，危及人身安全；小区尚未成立业主大会，由区房屋管理部门批准应急使用维修资金',
      progress: 35,
      parties: [
        {
          name: '5号楼业主',
          share: { numerator: 6000, denominator: 10_000 },
          ownersOf: { buildings: ['5'] },
        },
        {
          name: '开发商（保修期内责任）',
          share: { numerator: 4000, denominator: 10_000 },
        },
      ],
      milestones: [
        { title: '搭设吊篮和防护网', due: -8 * DAY, done: true },
        { title: '拆除松动饰面', due: 3 * DAY, done: false },
        { title: '修补并做防水', due: 14 * DAY, done: false },
      ],
    },
  },
]

function staffOf(db: Store, estateId: string, org: StaffOrg): string {
  const row = sql(
    db,
    'SELECT person_id FROM staff_roles WHERE estate_id = ? AND org = ? ORDER BY person_id LIMIT 1',
  ).get(estateId, org) as { person_id: string } | undefined
  if (!row) throw new Error(`[seed] ${estateId} has no ${org}`)
  return row.person_id
}

/** Owners living in their unit in a building, test accounts left out. */
function residentOwners(
  db: Store,
  estateId: string,
  building: string | null,
  reserved: Set<string>,
): { personId: string; unitId: string; label: string }[] {
  const rows = sql(
    db,
    `SELECT o.person_id, u.id AS unit_id, b.number AS building, u.room
       FROM unit_owners o
       JOIN units u ON u.id = o.unit_id
       JOIN buildings b ON b.id = u.building_id
       JOIN persons p ON p.id = o.person_id AND p.residence_unit_id = u.id
      WHERE u.estate_id = ? AND (? IS NULL OR b.number = ?)
      ORDER BY u.id`,
  ).all(estateId, building, building) as {
    person_id: string
    unit_id: string
    building: string
    room: string
  }[]
  return rows
    .filter((r) => !reserved.has(r.person_id))
    .map((r) => ({
      personId: r.person_id,
      unitId: r.unit_id,
      label: unitLabel(r.building, r.room),
    }))
}

function writeCommonAreas(db: Store): Map<string, string> {
  const ids = new Map<string, string>()
  const insert = sql(
    db,
    'INSERT INTO common_areas (id, estate_id, seq, name) VALUES (?, ?, ?, ?)',
  )
  for (const [estateId, names] of Object.entries(COMMON_AREAS)) {
    names.forEach((name, i) => {
      const id = `${estateId}-area-${i + 1}`
      insert.run(id, estateId, i + 1, name)
      ids.set(`${estateId}:${name}`, id)
    })
  }
  return ids
}

function writeInspectors(db: Store, reserved: Set<string>): void {
  const insert = sql(
    db,
    'INSERT INTO inspection_team (estate_id, person_id) VALUES (?, ?)',
  )
  const members: Record<string, string[]> = {}
  for (const account of testAccounts()) {
    if (['multi-owner', 'facade-owner', 'lize-owner'].includes(account.key)) {
      members[account.estateId] = [account.personId]
    }
  }
  for (const estateId of Object.values(ESTATE)) {
    const others = residentOwners(db, estateId, null, reserved)
      // Spread over the estate rather than the first building's flats.
      .filter((_, i) => i % 97 === 0)
      .slice(0, INSPECTORS_PER_ESTATE - 1)
      .map((o) => o.personId)
    for (const personId of [...(members[estateId] ?? []), ...others]) {
      insert.run(estateId, personId)
    }
  }
}

function writeCase(
  db: Store,
  plan: SeedCase,
  now: number,
  areaIds: Map<string, string>,
  reserved: Set<string>,
): void {
  const reporter = residentOwners(
    db,
    plan.estateId,
    plan.reporterBuilding,
    reserved,
  )[0]
  if (!reporter) throw new Error(`[seed] no reporter for ${plan.id}`)
  const place =
    plan.place.kind === 'unit'
      ? { ref: reporter.unitId, label: reporter.label }
      : plan.place.kind === 'building'
        ? { ref: plan.place.building, label: `${plan.place.building}号楼` }
        : {
            ref: areaIds.get(`${plan.estateId}:${plan.place.name}`) ?? '',
            label: plan.place.name,
          }
  const reportedAt = now + plan.reported
  const { acceptBy, resolveBy } = deadlinesOf(plan.urgency, reportedAt)
  const last = plan.events[plan.events.length - 1]
  const handler =
    [...plan.events].reverse().find((e) => e.handler)?.handler ?? plan.handler
  const team = [...plan.events].reverse().find((e) => e.team)?.team ?? null
  const updatedAt = reportedAt + (last?.after ?? 0)

  sql(
    db,
    `INSERT INTO repair_cases (id, estate_id, reporter_id, category,
       place_kind, place_ref, place_label, description, urgency, state,
       handler, team, reported_at, updated_at, accept_by, resolve_by,
       rating, rating_comment, rated_at, idempotency_key, request_hash)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    plan.id,
    plan.estateId,
    reporter.personId,
    plan.category,
    plan.place.kind,
    place.ref,
    place.label,
    plan.description,
    plan.urgency,
    last?.to ?? 'submitted',
    handler,
    team,
    reportedAt,
    updatedAt,
    acceptBy,
    resolveBy,
    plan.rating?.stars ?? null,
    plan.rating?.comment ?? null,
    plan.rating ? updatedAt + HOUR : null,
    `seed-${plan.id}`,
    'seed',
  )
  sql(
    db,
    'INSERT INTO repair_followers (case_id, person_id, since) VALUES (?, ?, ?)',
  ).run(plan.id, reporter.personId, reportedAt)

  appendEvent(db, {
    caseId: plan.id,
    action: 'report',
    from: null,
    to: 'submitted',
    actorId: reporter.personId,
    actorOrg: null,
    handler: plan.handler,
    at: reportedAt,
  })
  let state: RepairState = 'submitted'
  let holder = plan.handler
  for (const event of plan.events) {
    holder = event.handler ?? holder
    const staff = event.by === 'reporter' ? null : event.by
    appendEvent(db, {
      caseId: plan.id,
      action: event.action,
      from: state,
      to: event.to,
      actorId: staff ? staffOf(db, plan.estateId, staff) : reporter.personId,
      actorOrg: staff,
      handler: holder,
      note: event.note ?? null,
      team: event.team ?? null,
      at: reportedAt + event.after,
    })
    state = event.to
  }
  if (plan.rating) {
    appendEvent(db, {
      caseId: plan.id,
      action: 'rated',
      from: state,
      to: state,
      actorId: reporter.personId,
      actorOrg: null,
      handler: holder,
      note: `${plan.rating.stars} 星：${plan.rating.comment}`,
      at: updatedAt + HOUR,
    })
  }
  if (plan.project) {
    writeProject(db, plan, plan.project, now, {
      at: reportedAt + (plan.events[1]?.after ?? HOUR),
      state,
      handler: holder,
    })
  }
}

function writeProject(
  db: Store,
  plan: SeedCase,
  project: SeedProject,
  now: number,
  when: { at: number; state: RepairState; handler: HandlerOrg },
): void {
  const id = `PJ-${plan.id}`
  // The same freezing as a project made through the API.
  const parties = project.parties.map((p) => ({
    name: p.name,
    share: p.share,
    units:
      p.ownersOf && 'buildings' in p.ownersOf
        ? (
            sql(
              db,
              `SELECT u.id, b.number AS building, u.room, u.area FROM units u
                 JOIN buildings b ON b.id = u.building_id
                WHERE u.estate_id = ? AND b.number IN (SELECT value FROM json_each(?))
                ORDER BY u.id`,
            ).all(plan.estateId, JSON.stringify(p.ownersOf.buildings)) as {
              id: string
              building: string
              room: string
              area: number
            }[]
          ).map((u) => ({
            unitId: u.id,
            label: unitLabel(u.building, u.room),
            area: u.area,
          }))
        : null,
  }))
  const approverOrg: StaffOrg =
    project.approver === 'owners-committee'
      ? 'property-company'
      : 'residents-committee'
  const createdBy = staffOf(db, plan.estateId, approverOrg)
  sql(
    db,
    `INSERT INTO repair_projects (id, case_id, estate_id, title, budget_fen,
       funding, approval_kind, approver, approved_by, approval_reason,
       approved_at, cost_plan, progress, created_by, created_at)
     VALUES (?, ?, ?, ?, ?, ?, 'emergency', ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    id,
    plan.id,
    plan.estateId,
    project.title,
    project.budgetFen,
    project.funding,
    project.approver,
    project.approvedBy,
    project.reason,
    when.at,
    JSON.stringify(parties),
    project.progress,
    createdBy,
    when.at,
  )
  const milestone = sql(
    db,
    'INSERT INTO repair_milestones (id, project_id, seq, title, due_at, done_at) VALUES (?, ?, ?, ?, ?, ?)',
  )
  project.milestones.forEach((m, i) =>
    milestone.run(
      `${id}-M${i + 1}`,
      id,
      i + 1,
      m.title,
      now + m.due,
      m.done ? now + m.due : null,
    ),
  )
  appendEvent(db, {
    caseId: plan.id,
    action: 'project',
    from: when.state,
    to: when.state,
    actorId: createdBy,
    actorOrg: approverOrg,
    handler: when.handler,
    note: `立项：${project.title}`,
    at: when.at,
  })
}

export const repairsSeed: FeatureSeed = {
  name: 'repairs',
  run(db, now) {
    const reserved = new Set(testAccounts().map((a) => a.personId))
    const areaIds = writeCommonAreas(db)
    writeInspectors(db, reserved)
    for (const plan of CASES) writeCase(db, plan, now, areaIds, reserved)
  },
}
