import type {
  CreateProjectRequest,
  ProjectDetail,
  RepairCaseDetail,
} from '@/core/repairs-api'

import type { SignedIn, TestApp } from './helpers'
import { bearer, codeOf, signIn, testApp } from './helpers'
import { postReport, ROAD_REPORT, uploadPhoto } from './repair-helpers'

let t: TestApp
let owner: SignedIn
let pc: SignedIn

beforeEach(async () => {
  t = await testApp()
  owner = await signIn(t, 'owner')
  pc = await signIn(t, 'property-company')
})

afterEach(async () => {
  await t.app.close()
})

const FACADE_REPORT = {
  ...ROAD_REPORT,
  category: 'walls-facade',
  place: { kind: 'building', building: '3' },
  description: '3号楼外墙开裂',
}

/** Building 3's owners pay 60% by area, the developer 40%. */
const PLAN: CreateProjectRequest = {
  title: '3号楼外墙修缮',
  budgetFen: 64_000_001,
  funding: 'maintenance-fund',
  approval: { kind: 'ballot', ballotId: 'chenxi-property-2025' },
  parties: [
    {
      name: '3号楼业主',
      share: { numerator: 6000, denominator: 10_000 },
      ownersOf: { buildings: ['3'] },
    },
    { name: '开发商', share: { numerator: 2, denominator: 5 } },
  ],
  milestones: [
    { title: '搭设脚手架', dueAt: '2026-12-10T02:00:00.000Z' },
    { title: '修补外墙', dueAt: '2027-01-10T02:00:00.000Z' },
  ],
}

async function facadeCase(): Promise<RepairCaseDetail> {
  const response = await postReport(t.app, owner.token, FACADE_REPORT)
  expect(response.statusCode).toBe(201)
  return response.json<RepairCaseDetail>()
}

function createProject(caseId: string, body: object, who = pc) {
  return t.app.inject({
    method: 'POST',
    url: `/api/repair-cases/${caseId}/project`,
    headers: bearer(who.token),
    payload: body,
  })
}

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0)
}

describe('making a project of a case on a common part', () => {
  it('splits the budget 60/40 and the owners’ part by area, to the fen', async () => {
    const kase = await facadeCase()
    const response = await createProject(kase.id, PLAN)
    expect(response.statusCode).toBe(201)
    const project = response.json<ProjectDetail>()

    // 64,000,001 × 3/5 = 38,400,000.6: the developer's remainder (0.4)
    // is smaller, so the owners get the left-over fen.
    expect(
      project.sharing.map((p) => [p.name, p.shareText, p.amountFen]),
    ).toEqual([
      ['3号楼业主', '60%', 38_400_001],
      ['开发商', '40%', 25_600_000],
    ])
    const units = project.sharing[0].units ?? []
    expect(units).toHaveLength(80)
    expect(sum(units.map((u) => u.amountFen))).toBe(38_400_001)
    expect(units.filter((u) => u.mine)).toEqual([])
    const asOwner = await t.app.inject({
      method: 'GET',
      url: `/api/repair-projects/${project.id}`,
      headers: bearer(owner.token),
    })
    const ownUnits = asOwner.json<ProjectDetail>().sharing[0].units ?? []
    expect(ownUnits.filter((u) => u.mine).map((u) => u.label)).toEqual(
      owner.account.units,
    )
    expect(project).toMatchObject({
      caseId: kase.id,
      budgetFen: 64_000_001,
      progress: 0,
      approval: {
        kind: 'ballot',
        ballotId: 'chenxi-property-2025',
        ballotTitle: '选聘物业服务企业',
      },
      canManage: true,
    })
    expect(project.milestones.map((m) => [m.title, m.doneAt])).toEqual([
      ['搭设脚手架', null],
      ['修补外墙', null],
    ])
  })

  it('records an emergency repair’s approval by the owners’ committee instead of a ballot', async () => {
    const kase = await facadeCase()
    const response = await createProject(kase.id, {
      ...PLAN,
      approval: {
        kind: 'emergency',
        approver: 'owners-committee',
        approvedBy: '晨曦名邸业主委员会',
        reason: '外墙饰面有脱落危险',
      },
    })
    expect(response.statusCode).toBe(201)
    expect(response.json<ProjectDetail>().approval).toMatchObject({
      kind: 'emergency',
      approver: 'owners-committee',
      approvedBy: '晨曦名邸业主委员会',
      ballotId: null,
    })
  })

  it('refuses the housing office as approver where an owners’ committee exists', async () => {
    const kase = await facadeCase()
    const response = await createProject(kase.id, {
      ...PLAN,
      approval: {
        kind: 'emergency',
        approver: 'housing-office',
        approvedBy: '区房管局',
        reason: '应急',
      },
    })
    expect(codeOf(response)).toBe('PROJECT_APPROVAL_INVALID')
  })

  it('refuses the maintenance fund without an approval, or with a ballot not yet published', async () => {
    const kase = await facadeCase()
    const none = await createProject(kase.id, { ...PLAN, approval: undefined })
    expect(none.statusCode).toBe(422)
    expect(codeOf(none)).toBe('PROJECT_APPROVAL_REQUIRED')
    const open = await createProject(kase.id, {
      ...PLAN,
      approval: { kind: 'ballot', ballotId: 'chenxi-property-roads' },
    })
    expect(codeOf(open)).toBe('PROJECT_APPROVAL_INVALID')
    const elsewhere = await createProject(kase.id, {
      ...PLAN,
      approval: { kind: 'ballot', ballotId: 'lize-cctv' },
    })
    expect(codeOf(elsewhere)).toBe('PROJECT_APPROVAL_INVALID')
  })

  it('needs no approval where the property company pays', async () => {
    const kase = await facadeCase()
    const response = await createProject(kase.id, {
      ...PLAN,
      funding: 'property-company',
      approval: undefined,
      parties: [{ name: '物业', share: { numerator: 1, denominator: 1 } }],
    })
    expect(response.statusCode).toBe(201)
    expect(response.json<ProjectDetail>().approval).toBeNull()
  })

  it('refuses shares that do not add up to 100%', async () => {
    const kase = await facadeCase()
    for (const numerator of [5999, 6001]) {
      const response = await createProject(kase.id, {
        ...PLAN,
        parties: [
          { ...PLAN.parties[0], share: { numerator, denominator: 10_000 } },
          PLAN.parties[1],
        ],
      })
      expect(response.statusCode).toBe(422)
      expect(codeOf(response)).toBe('COST_SHARES_INVALID')
    }
  })

  it('refuses owners of a building with no units', async () => {
    const kase = await facadeCase()
    const response = await createProject(kase.id, {
      ...PLAN,
      parties: [
        { ...PLAN.parties[0], ownersOf: { buildings: ['99'] } },
        PLAN.parties[1],
      ],
    })
    expect(codeOf(response)).toBe('COST_SHARES_INVALID')
  })

  it('refuses a case inside a unit, a second project, and a resident', async () => {
    const inside = await postReport(t.app, owner.token, {
      ...ROAD_REPORT,
      place: { kind: 'unit', unitId: owner.profile.units[0].id },
    })
    expect(
      codeOf(await createProject(inside.json<RepairCaseDetail>().id, PLAN)),
    ).toBe('PROJECT_NOT_COMMON_PART')

    const kase = await facadeCase()
    expect(codeOf(await createProject(kase.id, PLAN, owner))).toBe('FORBIDDEN')
    expect((await createProject(kase.id, PLAN)).statusCode).toBe(201)
    const again = await createProject(kase.id, PLAN)
    expect(again.statusCode).toBe(409)
    expect(codeOf(again)).toBe('PROJECT_EXISTS')
  })
})

describe('following a project', () => {
  it('shows the seeded façade repair: 60% of ¥186,500.00 on building 5 by area', async () => {
    const facadeOwner = await signIn(t, 'facade-owner')
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/repair-projects/PJ-S-XINCHENG-FACADE',
      headers: bearer(facadeOwner.token),
    })
    const project = response.json<ProjectDetail>()
    expect(project.sharing.map((p) => [p.shareText, p.amountFen])).toEqual([
      ['60%', 11_190_000],
      ['40%', 7_460_000],
    ])
    const units = project.sharing[0].units ?? []
    expect(sum(units.map((u) => u.amountFen))).toBe(11_190_000)
    expect(project.approval).toMatchObject({
      kind: 'emergency',
      approver: 'housing-office',
    })
    expect(project.canInspect).toBe(true)
  })

  it('moves progress, marks a milestone done and writes it on the case timeline', async () => {
    const kase = await facadeCase()
    const project = (await createProject(kase.id, PLAN)).json<ProjectDetail>()
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/repair-projects/${project.id}/progress`,
      headers: bearer(pc.token),
      payload: {
        progress: 40,
        milestoneId: project.milestones[0].id,
        note: '脚手架已搭好',
      },
    })
    expect(response.statusCode).toBe(200)
    const after = response.json<ProjectDetail>()
    expect(after.progress).toBe(40)
    expect(after.milestones[0].doneAt).toBe(
      new Date(t.clock.now()).toISOString(),
    )
    const timeline = (
      await t.app.inject({
        method: 'GET',
        url: `/api/repair-cases/${kase.id}`,
        headers: bearer(owner.token),
      })
    ).json<RepairCaseDetail>().timeline
    expect(timeline.map((e) => [e.action, e.note])).toEqual([
      ['report', null],
      ['project', '立项：3号楼外墙修缮'],
      ['progress', '工程进度 40%：脚手架已搭好'],
    ])
  })

  it('lets the inspection team log a site check with a photo, and nobody else', async () => {
    const inspector = await signIn(t, 'multi-owner')
    const photo = await uploadPhoto(t.app, inspector.token)
    const url = '/api/repair-projects/PJ-S-CHENXI-LIFT/inspections'
    const body = { passed: false, note: '控制柜未固定', photoIds: [photo.id] }

    const refused = await t.app.inject({
      method: 'POST',
      url,
      headers: bearer(owner.token),
      payload: body,
    })
    expect(refused.statusCode).toBe(403)
    expect(codeOf(refused)).toBe('NOT_INSPECTOR')

    const logged = await t.app.inject({
      method: 'POST',
      url,
      headers: bearer(inspector.token),
      payload: body,
    })
    expect(logged.statusCode).toBe(201)
    const [check] = logged.json<ProjectDetail>().inspections
    expect(check).toMatchObject({ passed: false, note: '控制柜未固定' })
    expect(check.photos.map((p) => p.id)).toEqual([photo.id])
  })
})
