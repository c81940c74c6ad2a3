import { maskName } from '@/core/person'
import type { RepairAction, RepairState } from '@/core/repair-case'
import {
  PROMISED,
  REPAIR_ACTIONS,
  REPAIR_STATES,
  TRANSITIONS,
} from '@/core/repair-case'
import type { RepairCaseDetail, RepairCaseList } from '@/core/repairs-api'

import type { SignedIn, TestApp } from './helpers'
import {
  bearer,
  codeOf,
  DAY,
  MINUTE,
  newIdempotencyKey,
  signIn,
  testApp,
} from './helpers'
import { act, postReport, ROAD_REPORT, uploadPhoto } from './repair-helpers'

let t: TestApp
let owner: SignedIn
let pc: SignedIn
let rc: SignedIn

// A fresh store and fresh sessions for every test: the clock moves in
// some of them, and a session lasts two hours.
beforeEach(async () => {
  t = await testApp()
  owner = await signIn(t, 'owner')
  pc = await signIn(t, 'property-company')
  rc = await signIn(t, 'residents-committee')
})

afterEach(async () => {
  await t.app.close()
})

async function report(body: object = ROAD_REPORT, who = owner) {
  const response = await postReport(t.app, who.token, body)
  expect(response.statusCode).toBe(201)
  return response.json<RepairCaseDetail>()
}

async function detail(caseId: string, who = owner) {
  const response = await t.app.inject({
    method: 'GET',
    url: `/api/repair-cases/${caseId}`,
    headers: bearer(who.token),
  })
  return response
}

/** What each action needs besides its name. */
function bodyFor(action: RepairAction, kase: RepairCaseDetail, other: string) {
  return {
    action,
    note: '现场核实',
    team: '工程维修组',
    handler:
      kase.handler === 'property-company'
        ? 'residents-committee'
        : 'property-company',
    intoCaseId: other,
  }
}

/** The staff member who acts for whoever holds the case now. */
function handlerOf(kase: RepairCaseDetail): SignedIn {
  return kase.handler === 'property-company' ? pc : rc
}

async function step(kase: RepairCaseDetail, action: RepairAction) {
  const rule = TRANSITIONS[action]
  const who = rule.by === 'reporter' ? owner : handlerOf(kase)
  const other = await report()
  const response = await act(
    t.app,
    who.token,
    kase.id,
    bodyFor(action, kase, other.id),
  )
  expect(response.statusCode).toBe(200)
  return response.json<RepairCaseDetail>()
}

/** The shortest path from a new report to each state. */
const PATHS: Record<RepairState, RepairAction[]> = {
  submitted: [],
  accepted: ['accept'],
  assigned: ['accept', 'assign'],
  'in-progress': ['accept', 'assign', 'start'],
  resolved: ['accept', 'assign', 'start', 'resolve'],
  closed: ['accept', 'assign', 'start', 'resolve', 'confirm'],
  reopened: ['accept', 'assign', 'start', 'resolve', 'reopen'],
  rejected: ['reject'],
  transferred: ['transfer'],
  cancelled: ['cancel'],
  merged: ['merge'],
}

async function caseIn(state: RepairState): Promise<RepairCaseDetail> {
  let kase = await report()
  for (const action of PATHS[state]) kase = await step(kase, action)
  expect(kase.state).toBe(state)
  return kase
}

describe('reporting a problem', () => {
  it('opens a case with the property company, promised times and a first timeline entry', async () => {
    const photo = await uploadPhoto(t.app, owner.token)
    const kase = await report({
      ...ROAD_REPORT,
      urgency: 'urgent',
      photoIds: [photo.id],
      contactTime: '工作日晚上 7 点后',
    })
    const now = t.clock.now()
    expect(kase).toMatchObject({
      id: 'R20261203-' + kase.id.slice(-4),
      estateId: 'chenxi',
      state: 'submitted',
      handler: 'property-company',
      category: 'roads-paving',
      place: { kind: 'common-area', label: '主干道路（1–8号楼）' },
      urgency: 'urgent',
      contactTime: '工作日晚上 7 点后',
      acceptBy: new Date(now + PROMISED.urgent.acceptWithin).toISOString(),
      resolveBy: new Date(now + PROMISED.urgent.resolveWithin).toISOString(),
      overdue: false,
      photoCount: 1,
      mine: true,
      myActions: ['cancel'],
      canRate: false,
      reporter: null,
    })
    expect(kase.photos.map((p) => p.id)).toEqual([photo.id])
    expect(kase.timeline).toEqual([
      {
        seq: 1,
        action: 'report',
        from: null,
        to: 'submitted',
        at: new Date(now).toISOString(),
        actor: '报修人',
        note: null,
        team: null,
        handler: 'property-company',
        otherCaseId: null,
      },
    ])
  })

  it('sends shop fumes to the residents’ committee first', async () => {
    const kase = await report({
      ...ROAD_REPORT,
      category: 'shop-nuisance',
      place: { kind: 'common-area', commonAreaId: 'chenxi-area-13' },
    })
    expect(kase.handler).toBe('residents-committee')
  })

  it('accepts the reporter’s own unit as the place', async () => {
    const unitId = owner.profile.units[0].id
    const kase = await report({
      ...ROAD_REPORT,
      category: 'water-drains',
      place: { kind: 'unit', unitId },
    })
    expect(kase.place).toEqual({
      kind: 'unit',
      label: owner.profile.units[0].label,
    })
  })

  it('refuses someone else’s unit, a building or area of another estate', async () => {
    const places = [
      { kind: 'unit', unitId: 'chenxi-1-101' },
      { kind: 'building', building: '99' },
      { kind: 'common-area', commonAreaId: 'lize-area-1' },
    ]
    for (const place of places) {
      const response = await postReport(t.app, owner.token, {
        ...ROAD_REPORT,
        place,
      })
      expect(response.statusCode).toBe(422)
      expect(codeOf(response)).toBe('REPAIR_PLACE_INVALID')
    }
  })

  it('gives the same case back when a send is retried with the same key', async () => {
    const key = newIdempotencyKey()
    const first = await postReport(t.app, owner.token, ROAD_REPORT, key)
    const again = await postReport(t.app, owner.token, ROAD_REPORT, key)
    expect(first.statusCode).toBe(201)
    expect(again.statusCode).toBe(200)
    expect(again.json<RepairCaseDetail>().id).toBe(
      first.json<RepairCaseDetail>().id,
    )
    const stored = t.app.ctx.db
      .prepare(
        'SELECT count(*) AS n FROM repair_cases WHERE idempotency_key = ?',
      )
      .get(key)
    expect(stored).toEqual({ n: 1 })
  })

  it('refuses a reused key with a different report', async () => {
    const key = newIdempotencyKey()
    await postReport(t.app, owner.token, ROAD_REPORT, key)
    const changed = await postReport(
      t.app,
      owner.token,
      { ...ROAD_REPORT, description: '另一个问题' },
      key,
    )
    expect(changed.statusCode).toBe(422)
    expect(codeOf(changed)).toBe('IDEMPOTENCY_KEY_REUSED')
  })

  it('refuses a report without an idempotency key', async () => {
    const response = await postReport(t.app, owner.token, ROAD_REPORT, null)
    expect(response.statusCode).toBe(400)
    expect(codeOf(response)).toBe('IDEMPOTENCY_KEY_MISSING')
  })

  it('refuses ten photos with TOO_MANY_PHOTOS', async () => {
    const photos = []
    for (let i = 0; i < 10; i++)
      photos.push(await uploadPhoto(t.app, owner.token))
    const response = await postReport(t.app, owner.token, {
      ...ROAD_REPORT,
      photoIds: photos.map((p) => p.id),
    })
    expect(response.statusCode).toBe(422)
    expect(codeOf(response)).toBe('TOO_MANY_PHOTOS')

    const nine = await postReport(t.app, owner.token, {
      ...ROAD_REPORT,
      photoIds: photos.slice(0, 9).map((p) => p.id),
    })
    expect(nine.statusCode).toBe(201)
    expect(nine.json<RepairCaseDetail>().photoCount).toBe(9)
  })

  it('refuses a photo someone else uploaded', async () => {
    const theirs = await uploadPhoto(t.app, pc.token)
    const response = await postReport(t.app, owner.token, {
      ...ROAD_REPORT,
      photoIds: [theirs.id],
    })
    expect(codeOf(response)).toBe('PHOTO_INVALID')
  })

  it('refuses an empty description with the field named', async () => {
    const response = await postReport(t.app, owner.token, {
      ...ROAD_REPORT,
      description: '   ',
    })
    expect(response.statusCode).toBe(400)
    expect(codeOf(response)).toBe('VALIDATION_FAILED')
    expect(response.json().error.issues[0].field).toBe('description')
  })

  // Found by trying the app: a NUL typed into a report reached the queue.
  it('stores a report without the control characters nobody can see', async () => {
    const kase = await report({
      ...ROAD_REPORT,
      description: '电梯\u0000坏了\u202e，请尽快\r\n修理',
    })
    expect(kase.description).toBe('电梯坏了，请尽快\n修理')
  })
})

describe('every state change of the table', () => {
  const cases = REPAIR_ACTIONS.flatMap((action) =>
    REPAIR_STATES.map((state) => ({
      action,
      state,
      allowed: TRANSITIONS[action].from.includes(state),
    })),
  )

  it.each(cases)(
    '$action from $state: allowed $allowed',
    async ({ action, state, allowed }) => {
      const kase = await caseIn(state)
      const rule = TRANSITIONS[action]
      const who = rule.by === 'reporter' ? owner : handlerOf(kase)
      const other = await report()
      const response = await act(
        t.app,
        who.token,
        kase.id,
        bodyFor(action, kase, other.id),
      )
      if (allowed) {
        expect(response.statusCode).toBe(200)
        const after = response.json<RepairCaseDetail>()
        expect(after.state).toBe(rule.to)
        expect(after.timeline.at(-1)).toMatchObject({
          action,
          from: state,
          to: rule.to,
        })
      } else {
        expect(response.statusCode).toBe(409)
        expect(codeOf(response)).toBe('REPAIR_STATE_CONFLICT')
      }
    },
  )

  it.each(REPAIR_ACTIONS.map((action) => ({ action })))(
    '$action is refused to the other party',
    async ({ action }) => {
      const rule = TRANSITIONS[action]
      const kase = await caseIn(rule.from[0])
      const wrong = rule.by === 'reporter' ? handlerOf(kase) : owner
      const other = await report()
      const response = await act(
        t.app,
        wrong.token,
        kase.id,
        bodyFor(action, kase, other.id),
      )
      expect(response.statusCode).toBe(403)
      expect(codeOf(response)).toBe('REPAIR_ACTION_FORBIDDEN')
    },
  )
})

describe('handling a case', () => {
  it('records who, when and why for the whole path to a confirmed, rated fix', async () => {
    const kase = await report()
    const at = (n: number) => new Date(t.clock.now() + n).toISOString()
    const moves: [SignedIn, object][] = [
      [pc, { action: 'accept' }],
      [pc, { action: 'assign', team: '工程维修组' }],
      [pc, { action: 'start' }],
      [pc, { action: 'resolve', note: '已用沥青填平' }],
      [owner, { action: 'confirm' }],
    ]
    for (const [who, body] of moves) {
      t.clock.advance(10 * MINUTE)
      expect((await act(t.app, who.token, kase.id, body)).statusCode).toBe(200)
    }
    t.clock.advance(10 * MINUTE)
    const rated = await t.app.inject({
      method: 'POST',
      url: `/api/repair-cases/${kase.id}/rating`,
      headers: bearer(owner.token),
      payload: { stars: 4, comment: '修得及时' },
    })
    expect(rated.statusCode).toBe(200)
    const after = rated.json<RepairCaseDetail>()
    expect(after.state).toBe('closed')
    expect(after.team).toBe('工程维修组')
    expect(after.rating).toEqual({
      stars: 4,
      comment: '修得及时',
      at: at(0),
    })
    expect(
      after.timeline.map((e) => [e.action, e.to, e.note, e.team, e.at]),
    ).toEqual([
      ['report', 'submitted', null, null, at(-60 * MINUTE)],
      ['accept', 'accepted', null, null, at(-50 * MINUTE)],
      ['assign', 'assigned', null, '工程维修组', at(-40 * MINUTE)],
      ['start', 'in-progress', null, null, at(-30 * MINUTE)],
      ['resolve', 'resolved', '已用沥青填平', null, at(-20 * MINUTE)],
      ['confirm', 'closed', null, null, at(-10 * MINUTE)],
      ['rated', 'closed', '4 星：修得及时', null, at(0)],
    ])
    expect(after.timeline[1].actor).toBe(`物业 ${maskName(pc.account.name)}`)
    expect(after.timeline[5].actor).toBe('报修人')
  })

  it('asks for a reason to reject, reopen, transfer, cancel or merge', async () => {
    const kase = await report()
    const response = await act(t.app, pc.token, kase.id, { action: 'reject' })
    expect(response.statusCode).toBe(422)
    expect(codeOf(response)).toBe('REPAIR_NOTE_REQUIRED')
  })

  it('asks for a team to assign to', async () => {
    const kase = await caseIn('accepted')
    const response = await act(t.app, pc.token, kase.id, { action: 'assign' })
    expect(codeOf(response)).toBe('VALIDATION_FAILED')
  })

  it('passes a case 物业 → 居委会 → 城管 and back, the committee acting for 城管', async () => {
    let kase = await report()
    const transfer = async (who: SignedIn, handler: string, note: string) => {
      const response = await act(t.app, who.token, kase.id, {
        action: 'transfer',
        handler,
        note,
      })
      expect(response.statusCode).toBe(200)
      kase = response.json<RepairCaseDetail>()
    }
    await transfer(pc, 'residents-committee', '属居委会协调事项')
    expect(
      codeOf(await act(t.app, pc.token, kase.id, { action: 'accept' })),
    ).toBe('REPAIR_ACTION_FORBIDDEN')
    await transfer(rc, 'city-management', '占道经营，转城管')
    expect(kase).toMatchObject({
      state: 'transferred',
      handler: 'city-management',
    })
    await transfer(rc, 'property-company', '城管答复：属物业管理范围')
    expect(kase.handler).toBe('property-company')
    expect(
      kase.timeline
        .filter((e) => e.action === 'transfer')
        .map((e) => [e.handler, e.note, e.actor.split(' ')[0]]),
    ).toEqual([
      ['residents-committee', '属居委会协调事项', '物业'],
      ['city-management', '占道经营，转城管', '居委会'],
      ['property-company', '城管答复：属物业管理范围', '居委会'],
    ])
  })

  it('merges a duplicate: its reporter follows the kept case', async () => {
    const resident = await signIn(t, 'resident')
    const kept = await report()
    const duplicate = await report(ROAD_REPORT, resident)
    const merged = await act(t.app, pc.token, duplicate.id, {
      action: 'merge',
      intoCaseId: kept.id,
      note: '同一处路面',
    })
    expect(merged.json<RepairCaseDetail>()).toMatchObject({
      state: 'merged',
      mergedInto: kept.id,
    })

    const list = await t.app.inject({
      method: 'GET',
      url: '/api/me/repair-cases',
      headers: bearer(resident.token),
    })
    const ids = list.json<RepairCaseList>().cases.map((c) => c.id)
    expect(ids).toEqual(expect.arrayContaining([kept.id, duplicate.id]))

    const keptNow = (await detail(kept.id, resident)).json<RepairCaseDetail>()
    expect(keptNow.mergedFrom).toEqual([duplicate.id])
    expect(keptNow.mine).toBe(true)
    expect(keptNow.timeline.at(-1)).toMatchObject({
      action: 'merged-in',
      otherCaseId: duplicate.id,
      note: '同一处路面',
    })
    // Following is not reporting: only the kept case's reporter confirms.
    expect(keptNow.myActions).toEqual([])
  })

  it('refuses to merge into a finished case or into itself', async () => {
    const duplicate = await report()
    const closed = await caseIn('cancelled')
    for (const intoCaseId of [closed.id, duplicate.id, 'R00000000-0000']) {
      const response = await act(t.app, pc.token, duplicate.id, {
        action: 'merge',
        intoCaseId,
        note: '重复',
      })
      expect(codeOf(response)).toBe('REPAIR_MERGE_INVALID')
    }
  })

  it('lets the reporter reopen a resolved case with a reason, back to the handler', async () => {
    const kase = await caseIn('resolved')
    const reopened = await act(t.app, owner.token, kase.id, {
      action: 'reopen',
      note: '下雨又积水了',
    })
    expect(reopened.json<RepairCaseDetail>()).toMatchObject({
      state: 'reopened',
      myActions: ['cancel'],
    })
    const staffView = (await detail(kase.id, pc)).json<RepairCaseDetail>()
    expect(staffView.myActions).toEqual([
      'accept',
      'reject',
      'transfer',
      'merge',
    ])
  })

  it('hides a case from a resident who neither reported nor follows it', async () => {
    const kase = await report()
    const other = await signIn(t, 'co-owner-a')
    const response = await detail(kase.id, other)
    expect(response.statusCode).toBe(404)
    expect(codeOf(response)).toBe('REPAIR_CASE_NOT_FOUND')
  })

  it('shows staff the reporter’s name and masked phone', async () => {
    const kase = await report()
    const staffView = (await detail(kase.id, pc)).json<RepairCaseDetail>()
    expect(staffView.reporter).toEqual({
      name: owner.account.name,
      phoneMasked: owner.profile.person.phoneMasked,
    })
  })
})

describe('rating the outcome', () => {
  const rate = (caseId: string, who: SignedIn, stars = 5) =>
    t.app.inject({
      method: 'POST',
      url: `/api/repair-cases/${caseId}/rating`,
      headers: bearer(who.token),
      payload: { stars, comment: '' },
    })

  it('waits for the reporter’s confirmation', async () => {
    const kase = await caseIn('resolved')
    expect(codeOf(await rate(kase.id, owner))).toBe('REPAIR_NOT_RATABLE')
  })

  it('is given once, by the reporter only, from 1 to 5 stars', async () => {
    const kase = await caseIn('closed')
    expect(codeOf(await rate(kase.id, pc))).toBe('REPAIR_ACTION_FORBIDDEN')
    expect(codeOf(await rate(kase.id, owner, 6))).toBe('VALIDATION_FAILED')
    expect((await rate(kase.id, owner, 1)).statusCode).toBe(200)
    expect(codeOf(await rate(kase.id, owner))).toBe('REPAIR_ALREADY_RATED')
  })
})

describe('the staff queue', () => {
  const queue = (who: SignedIn, query = '') =>
    t.app.inject({
      method: 'GET',
      url: `/api/estates/chenxi/repair-queue${query}`,
      headers: bearer(who.token),
    })

  it('is for staff of the estate only', async () => {
    const response = await queue(owner)
    expect(response.statusCode).toBe(403)
    expect(codeOf(response)).toBe('NOT_REPAIR_STAFF')
  })

  it('filters by state, category, urgency and age, overdue first', async () => {
    const fresh = await testApp()
    let reporter = await signIn(fresh, 'owner')
    const make = async (body: object) =>
      (
        await postReport(fresh.app, reporter.token, body)
      ).json<RepairCaseDetail>()
    const lift = await make({
      ...ROAD_REPORT,
      category: 'lift',
      place: { kind: 'building', building: '3' },
      urgency: 'emergency',
    })
    fresh.clock.advance(2 * DAY)
    reporter = await signIn(fresh, 'owner')
    const road = await make(ROAD_REPORT)
    const staff = await signIn(fresh, 'property-company')
    const get = async (query: string) =>
      (
        await fresh.app.inject({
          method: 'GET',
          url: `/api/estates/chenxi/repair-queue${query}`,
          headers: bearer(staff.token),
        })
      )
        .json<RepairCaseList>()
        .cases.filter((c) => c.id.startsWith('R'))
        .map((c) => [c.id, c.overdue])

    expect(await get('')).toEqual([
      [lift.id, true],
      [road.id, false],
    ])
    expect(await get('?category=lift')).toEqual([[lift.id, true]])
    expect(await get('?urgency=normal')).toEqual([[road.id, false]])
    expect(await get('?age=today')).toEqual([[road.id, false]])
    expect(await get('?age=week')).toEqual([[lift.id, true]])
    expect(await get('?state=accepted')).toEqual([])
    await act(fresh.app, staff.token, road.id, { action: 'accept' })
    expect(await get('?state=accepted')).toEqual([[road.id, false]])
    await fresh.app.close()
  })

  it('lists the seeded cases, the overdue ones marked', async () => {
    const cases = (await queue(pc)).json<RepairCaseList>().cases
    const seeded = cases.filter((c) => c.id.startsWith('S-'))
    expect(seeded.map((c) => [c.id, c.state, c.overdue])).toEqual([
      ['S-CHENXI-LIFT', 'in-progress', true],
      ['S-CHENXI-FUMES', 'transferred', true],
      ['S-CHENXI-GARAGE', 'submitted', true],
      ['S-CHENXI-ROAD', 'in-progress', false],
    ])
  })
})
