import type { FastifyInstance } from 'fastify'

import type { Session, SmsSent } from '@/core/api-types'
import type { StoredFile } from '@/core/files-api'
import type {
  NoticeDetail,
  NoticeFeed,
  PostNoticeRequest,
  ReadCounts,
  RectificationItemView,
} from '@/core/notices-api'
import type { Statement } from '@/core/public-income'
import { totalsOf } from '@/core/public-income'

import { insertNotice } from '../../mock-server/services/notices-store'
import type { SignedIn, TestApp } from './helpers'
import {
  bearer,
  codeOf,
  DAY,
  errorOf,
  HOUR,
  login,
  requestSms,
  signIn,
  testApp,
} from './helpers'
import { SMS_RESEND_AFTER } from '../../mock-server/services/sms'

let t: TestApp
let rc: SignedIn
let owner: SignedIn
let otherBuilding: SignedIn

beforeEach(async () => {
  t = await testApp()
  rc = await signIn(t, 'residents-committee')
  owner = await signIn(t, 'owner')
  otherBuilding = await signIn(t, 'co-owner-a')
})

afterEach(async () => {
  await t.app.close()
})

/** Signs in someone of the registers who has no test account. */
async function signInPerson(personId: string): Promise<string> {
  const person = t.app.ctx.db
    .prepare('SELECT name, id_number, phone FROM persons WHERE id = ?')
    .get(personId) as { name: string; id_number: string; phone: string }
  const session = await login(t.app, `device-${personId}`)
  t.clock.advance(SMS_RESEND_AFTER + 1000)
  const sms: SmsSent = await requestSms(t.app, session.token, person.phone)
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/identity/verify',
    headers: bearer(session.token),
    payload: {
      name: person.name,
      idNumber: person.id_number,
      phone: person.phone,
      smsCode: sms.mockCode,
    },
  })
  expect(response.statusCode).toBe(200)
  return response.json<Session>().token
}

function staffPerson(estateId: string, org: string): string {
  const row = t.app.ctx.db
    .prepare(
      'SELECT person_id FROM staff_roles WHERE estate_id = ? AND org = ? ORDER BY person_id LIMIT 1',
    )
    .get(estateId, org) as { person_id: string }
  return row.person_id
}

const NOTICE: PostNoticeRequest = {
  category: 'announcement',
  title: '3号楼电梯年检',
  body: '3号楼两部电梯将于周五上午轮流年检，每部约两小时。',
  authorOrg: 'residents-committee',
  audience: { kind: 'buildings', buildings: ['3'] },
}

function post(
  token: string,
  body: object,
  estateId = 'chenxi',
  app: FastifyInstance = t.app,
) {
  return app.inject({
    method: 'POST',
    url: `/api/estates/${estateId}/notices`,
    headers: bearer(token),
    payload: body,
  })
}

async function posted(token: string, body: object): Promise<NoticeDetail> {
  const response = await post(token, body)
  expect(response.statusCode).toBe(201)
  return response.json<NoticeDetail>()
}

async function feed(
  token: string,
  query: Record<string, string> = {},
  estateId = 'chenxi',
): Promise<NoticeFeed> {
  const response = await t.app.inject({
    method: 'GET',
    url: `/api/estates/${estateId}/notices`,
    query,
    headers: bearer(token),
  })
  expect(response.statusCode).toBe(200)
  return response.json<NoticeFeed>()
}

function open(token: string, noticeId: string) {
  return t.app.inject({
    method: 'GET',
    url: `/api/notices/${noticeId}`,
    headers: bearer(token),
  })
}

function change(token: string, noticeId: string, what: string, body: object) {
  return t.app.inject({
    method: 'POST',
    url: `/api/notices/${noticeId}/${what}`,
    headers: bearer(token),
    payload: body,
  })
}

describe('posting rights', () => {
  it('lets the residents committee post to its estate, marked as the author', async () => {
    const notice = await posted(rc.token, NOTICE)
    expect(notice).toMatchObject({
      estateId: 'chenxi',
      category: 'announcement',
      title: '3号楼电梯年检',
      authorOrg: 'residents-committee',
      state: 'live',
      canManage: true,
      publishAt: new Date(t.clock.now()).toISOString(),
    })
  })

  it('refuses posting in the name of an organisation the person does not serve', async () => {
    const response = await post(rc.token, {
      ...NOTICE,
      authorOrg: 'owners-committee',
    })
    expect(response.statusCode).toBe(403)
    expect(codeOf(response)).toBe('NOTICE_NOT_STAFF')
  })

  it('refuses a notice from an owner who is not staff', async () => {
    const response = await post(owner.token, NOTICE)
    expect(codeOf(response)).toBe('NOTICE_NOT_STAFF')
  })

  it('refuses posting to another estate', async () => {
    const response = await post(rc.token, NOTICE, 'lize')
    expect(response.statusCode).toBe(403)
    expect(codeOf(response)).toBe('OTHER_ESTATE')
  })

  it('keeps meeting announcements from the property company', async () => {
    const pc = await signInPerson(staffPerson('chenxi', 'property-company'))
    const meeting = await post(pc, {
      ...NOTICE,
      category: 'meeting',
      authorOrg: 'property-company',
    })
    expect(meeting.statusCode).toBe(403)
    expect(codeOf(meeting)).toBe('NOTICE_CATEGORY_NOT_ALLOWED')
    const water = await post(pc, {
      ...NOTICE,
      category: 'emergency',
      authorOrg: 'property-company',
    })
    expect(water.statusCode).toBe(201)
  })

  it('lets the residents committee publish public income only where there is no owners committee', async () => {
    const here = await post(rc.token, {
      ...NOTICE,
      category: 'public-income',
      publicIncome: statement({ year: 2026, quarter: 4 }, 142_635_356),
    })
    expect(codeOf(here)).toBe('NOTICE_CATEGORY_NOT_ALLOWED')

    const lizeRc = await signInPerson(
      staffPerson('lize', 'residents-committee'),
    )
    const lize = await post(
      lizeRc,
      {
        ...NOTICE,
        audience: { kind: 'estate' },
        category: 'public-income',
        publicIncome: statement({ year: 2026, quarter: 4 }, 39_472_640),
      },
      'lize',
    )
    expect(lize.statusCode).toBe(201)
  })

  it('refuses a title longer than 60 characters and a body of blanks', async () => {
    const response = await post(rc.token, {
      ...NOTICE,
      title: '长'.repeat(61),
      body: '   \n  ',
    })
    expect(response.statusCode).toBe(400)
    expect(codeOf(response)).toBe('VALIDATION_FAILED')
    expect(errorOf(response).issues?.map((i) => i.field)).toEqual([
      'title',
      'body',
    ])
  })
})

describe('who sees a notice', () => {
  it('shows a notice for building 3 to its owner and not to an owner of building 6', async () => {
    const notice = await posted(rc.token, NOTICE)

    expect((await feed(owner.token)).notices.map((n) => n.id)).toContain(
      notice.id,
    )
    expect(
      (await feed(otherBuilding.token)).notices.map((n) => n.id),
    ).not.toContain(notice.id)
    const refused = await open(otherBuilding.token, notice.id)
    expect(refused.statusCode).toBe(404)
    expect(codeOf(refused)).toBe('NOTICE_NOT_FOUND')
  })

  it('shows a notice to a tenant who lives in the targeted building', async () => {
    const resident = await signIn(t, 'resident')
    const { building } = t.app.ctx.db
      .prepare(
        `SELECT b.number AS building FROM persons p
           JOIN units u ON u.id = p.residence_unit_id
           JOIN buildings b ON b.id = u.building_id
          WHERE p.id_number = ?`,
      )
      .get(resident.account.idNumber) as { building: string }
    const notice = await posted(rc.token, {
      ...NOTICE,
      audience: { kind: 'buildings', buildings: [building] },
    })
    expect((await open(resident.token, notice.id)).statusCode).toBe(200)
  })

  it('shows every notice of the estate to its staff', async () => {
    const notice = await posted(rc.token, NOTICE)
    const oc = await signIn(t, 'owners-committee')
    expect((await open(oc.token, notice.id)).statusCode).toBe(200)
  })

  it('refuses a building the estate does not have', async () => {
    const response = await post(rc.token, {
      ...NOTICE,
      audience: { kind: 'buildings', buildings: ['3', '99'] },
    })
    expect(response.statusCode).toBe(422)
    expect(codeOf(response)).toBe('NOTICE_BUILDING_UNKNOWN')
  })

  it('keeps another estate notices from its feed', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/estates/lize/notices',
      headers: bearer(owner.token),
    })
    expect(codeOf(response)).toBe('OTHER_ESTATE')
  })
})

describe('the feed', () => {
  it('lists pinned notices first, then the newest', async () => {
    const notices = (await feed(owner.token)).notices
    expect(notices.slice(0, 2).map((n) => [n.title, n.pinned])).toEqual([
      ['3号楼、4号楼二次供水水箱清洗临时停水', true],
      ['《三方联建协议》整改事项及完成情况公示', true],
    ])
    const rest = notices.slice(2)
    expect(rest.every((n) => !n.pinned)).toBe(true)
    const times = rest.map((n) => n.publishAt)
    expect(times).toEqual([...times].sort().reverse())
    expect(rest.map((n) => n.title)).toEqual(
      expect.arrayContaining([
        '电动自行车集中充电设施建设方案征求意见',
        '2026年第三季度公共收益收支情况公示',
        '2026年第二季度公共收益收支情况公示',
      ]),
    )
  })

  it('leaves out notices for buildings the owner has nothing in', async () => {
    const titles = (await feed(otherBuilding.token)).notices.map((n) => n.title)
    expect(titles).not.toContain('3号楼、4号楼二次供水水箱清洗临时停水')
    expect(titles).toContain('《三方联建协议》整改事项及完成情况公示')
  })

  it('filters by category and searches title and body', async () => {
    const income = await feed(owner.token, { category: 'public-income' })
    expect(income.notices.map((n) => n.category)).toEqual([
      'public-income',
      'public-income',
    ])
    const found = await feed(owner.token, { q: '水箱 储水' })
    expect(found.notices.map((n) => n.title)).toEqual([
      '3号楼、4号楼二次供水水箱清洗临时停水',
    ])
  })

  it('marks notices unread until opened', async () => {
    const before = await feed(owner.token)
    expect(before.unreadCount).toBe(before.notices.length)
    const first = before.notices[0]
    expect(first.read).toBe(false)

    expect((await open(owner.token, first.id)).statusCode).toBe(200)
    const after = await feed(owner.token)
    expect(after.unreadCount).toBe(before.notices.length - 1)
    expect(after.notices.find((n) => n.id === first.id)?.read).toBe(true)
  })

  it('shows the decision notice a published ballot result writes', async () => {
    const id = insertNotice(t.app.ctx.db, {
      estateId: 'chenxi',
      category: 'decision',
      title: '表决结果公布：选聘物业服务企业',
      body: '第 1 项 选聘上海申晨物业管理有限公司：通过。',
      authorOrg: 'owners-committee',
      authorPersonId: null,
      audience: { kind: 'estate' },
      publishAt: t.clock.now(),
      sourceBallotId: 'chenxi-property-2025',
      createdAt: t.clock.now(),
    })
    const decisions = await feed(owner.token, { category: 'decision' })
    expect(decisions.notices[0]).toMatchObject({
      id,
      category: 'decision',
      sourceBallotId: 'chenxi-property-2025',
    })
    expect(decisions.notices.every((n) => n.category === 'decision')).toBe(true)
  })
})

describe('read receipts', () => {
  it('counts each reader once per building, for staff only', async () => {
    const notice = await posted(rc.token, NOTICE)
    await open(owner.token, notice.id)
    await open(owner.token, notice.id)
    await open(rc.token, notice.id)

    const response = await t.app.inject({
      method: 'GET',
      url: `/api/notices/${notice.id}/reads`,
      headers: bearer(rc.token),
    })
    expect(response.statusCode).toBe(200)
    const counts = response.json<ReadCounts>()
    const { readers } = t.app.ctx.db
      .prepare(
        `SELECT count(*) AS readers FROM (
           SELECT o.person_id FROM unit_owners o
             JOIN units u ON u.id = o.unit_id
             JOIN buildings b ON b.id = u.building_id
            WHERE u.estate_id = 'chenxi' AND b.number = '3'
           UNION
           SELECT p.id FROM persons p
             JOIN units u ON u.id = p.residence_unit_id
             JOIN buildings b ON b.id = u.building_id
            WHERE u.estate_id = 'chenxi' AND b.number = '3')`,
      )
      .get() as { readers: number }
    expect(counts.buildings).toEqual([{ building: '3', readers, read: 1 }])
    expect(counts).toMatchObject({ totalReaders: readers, totalRead: 1 })

    const refused = await t.app.inject({
      method: 'GET',
      url: `/api/notices/${notice.id}/reads`,
      headers: bearer(owner.token),
    })
    expect(codeOf(refused)).toBe('NOTICE_NOT_STAFF')
  })
})

describe('withdrawal', () => {
  it('keeps a withdrawn notice in the feed with its reason, unpinned', async () => {
    const notice = await posted(rc.token, { ...NOTICE, pinned: true })
    t.clock.advance(HOUR)
    const response = await change(rc.token, notice.id, 'withdraw', {
      reason: '年检改期，另行通知',
    })
    expect(response.statusCode).toBe(200)

    const shown = (await feed(owner.token)).notices.find(
      (n) => n.id === notice.id,
    )
    expect(shown).toMatchObject({
      state: 'withdrawn',
      pinned: false,
      withdrawal: {
        at: new Date(t.clock.now()).toISOString(),
        reason: '年检改期，另行通知',
      },
    })
  })

  it('lets only the authoring organisation withdraw', async () => {
    const notice = await posted(rc.token, NOTICE)
    const oc = await signIn(t, 'owners-committee')
    const response = await change(oc.token, notice.id, 'withdraw', {
      reason: '不对',
    })
    expect(response.statusCode).toBe(403)
    expect(codeOf(response)).toBe('NOTICE_MANAGE_FORBIDDEN')
  })

  it('refuses a withdrawal without a reason, and a second withdrawal', async () => {
    const notice = await posted(rc.token, NOTICE)
    const blank = await change(rc.token, notice.id, 'withdraw', { reason: ' ' })
    expect(codeOf(blank)).toBe('VALIDATION_FAILED')
    await change(rc.token, notice.id, 'withdraw', { reason: '发错楼栋' })
    const again = await change(rc.token, notice.id, 'withdraw', {
      reason: '再撤一次',
    })
    expect(again.statusCode).toBe(409)
    expect(codeOf(again)).toBe('NOTICE_WITHDRAWN')
  })
})

describe('scheduling', () => {
  it('shows a scheduled notice to residents only from its publish time', async () => {
    const publishAt = new Date(t.clock.now() + DAY).toISOString()
    const notice = await posted(rc.token, { ...NOTICE, publishAt })
    expect(notice.state).toBe('scheduled')

    const ids = async () => (await feed(owner.token)).notices.map((n) => n.id)
    expect(await ids()).not.toContain(notice.id)
    expect(codeOf(await open(owner.token, notice.id))).toBe('NOTICE_NOT_FOUND')
    expect((await feed(rc.token)).notices.map((n) => n.id)).toContain(notice.id)

    t.clock.advance(DAY)
    // Sessions last two hours; the owner signs in again the next day.
    owner = await signIn(t, 'owner')
    expect(await ids()).toContain(notice.id)
  })

  it('takes a notice out of the feed at its end date', async () => {
    const endsAt = new Date(t.clock.now() + HOUR).toISOString()
    const notice = await posted(rc.token, { ...NOTICE, endsAt })
    t.clock.advance(HOUR)
    const notices = (await feed(owner.token)).notices
    expect(notices.map((n) => n.id)).not.toContain(notice.id)
    expect(
      (await open(owner.token, notice.id)).json<NoticeDetail>().state,
    ).toBe('ended')
  })

  it('moves a scheduled notice, but not one already published', async () => {
    const later = new Date(t.clock.now() + DAY).toISOString()
    const scheduled = await posted(rc.token, { ...NOTICE, publishAt: later })
    const evenLater = new Date(t.clock.now() + 2 * DAY).toISOString()
    const moved = await change(rc.token, scheduled.id, 'schedule', {
      publishAt: evenLater,
    })
    expect(moved.json<NoticeDetail>().publishAt).toBe(evenLater)

    const live = await posted(rc.token, NOTICE)
    const refused = await change(rc.token, live.id, 'schedule', {
      publishAt: evenLater,
    })
    expect(refused.statusCode).toBe(409)
    expect(codeOf(refused)).toBe('NOTICE_ALREADY_PUBLISHED')
  })

  it('refuses an end date before the publish time', async () => {
    const response = await post(rc.token, {
      ...NOTICE,
      publishAt: new Date(t.clock.now() + DAY).toISOString(),
      endsAt: new Date(t.clock.now() + HOUR).toISOString(),
    })
    expect(codeOf(response)).toBe('NOTICE_TIMES_INVALID')
  })

  it('pins and unpins for the author', async () => {
    const notice = await posted(rc.token, NOTICE)
    const pinned = await change(rc.token, notice.id, 'pin', { pinned: true })
    expect(pinned.json<NoticeDetail>().pinned).toBe(true)
    expect((await feed(owner.token)).notices[0].id).toBe(notice.id)
  })
})

function statement(period: Statement['period'], openingFen: number): Statement {
  const lines = {
    openingFen,
    income: [
      { label: '地面停车位租金', amountFen: 190_000_00 },
      { label: '电梯轿厢广告', amountFen: 24_600_50 },
    ],
    expense: [{ label: '绿化补种', amountFen: 12_345_67 }],
  }
  return { period, ...lines, ...totalsOf(lines) }
}

describe('the public-income statement', () => {
  // 2026 Q3 of 晨曦名邸 closed at 1,426,353.56 yuan (seed).
  const Q4 = { year: 2026, quarter: 4 }
  const CARRIED = 142_635_356
  let oc: SignedIn

  beforeEach(async () => {
    oc = await signIn(t, 'owners-committee')
  })

  function postIncome(s: Statement) {
    return post(oc.token, {
      ...NOTICE,
      title: '2026年第四季度公共收益收支情况公示',
      authorOrg: 'owners-committee',
      audience: { kind: 'estate' },
      category: 'public-income',
      publicIncome: s,
    })
  }

  it('publishes a statement that adds up and opens with the balance carried', async () => {
    const response = await postIncome(statement(Q4, CARRIED))
    expect(response.statusCode).toBe(201)
    expect(response.json<NoticeDetail>().publicIncome).toEqual({
      period: Q4,
      openingFen: 142_635_356,
      income: [
        { label: '地面停车位租金', amountFen: 19_000_000 },
        { label: '电梯轿厢广告', amountFen: 2_460_050 },
      ],
      expense: [{ label: '绿化补种', amountFen: 1_234_567 }],
      incomeTotalFen: 21_460_050,
      expenseTotalFen: 1_234_567,
      closingFen: 162_860_839,
    })
  })

  it('refuses a statement whose closing balance does not add up, saying what it should be', async () => {
    const wrong = { ...statement(Q4, CARRIED), closingFen: 162_860_000 }
    const response = await postIncome(wrong)
    expect(response.statusCode).toBe(422)
    expect(codeOf(response)).toBe('PUBLIC_INCOME_UNBALANCED')
    expect(errorOf(response).issues).toEqual([
      {
        field: 'publicIncome.closing',
        message:
          '期末结余应为 1,628,608.39 元（期初 + 收入 − 支出），填写的是 1,628,600.00 元',
      },
    ])
  })

  it('refuses an income total that is not the sum of its lines', async () => {
    const wrong = { ...statement(Q4, CARRIED), incomeTotalFen: 21_460_000 }
    expect(codeOf(await postIncome(wrong))).toBe('PUBLIC_INCOME_UNBALANCED')
  })

  it('refuses an opening balance that is not the last quarter closing one', async () => {
    const response = await postIncome(statement(Q4, CARRIED + 100))
    expect(codeOf(response)).toBe('PUBLIC_INCOME_NOT_CARRIED')
  })

  it('refuses the same quarter twice', async () => {
    await postIncome(statement(Q4, CARRIED))
    const again = await postIncome(statement(Q4, CARRIED))
    expect(again.statusCode).toBe(409)
    expect(codeOf(again)).toBe('PUBLIC_INCOME_DUPLICATE')
  })

  it('refuses amounts in fractions of a fen', async () => {
    const s = statement(Q4, CARRIED)
    const response = await postIncome({
      ...s,
      income: [{ label: '停车', amountFen: 10.5 }],
    })
    expect(codeOf(response)).toBe('VALIDATION_FAILED')
  })

  it('refuses a statement on a notice of another category', async () => {
    const response = await post(oc.token, {
      ...NOTICE,
      authorOrg: 'owners-committee',
      publicIncome: statement(Q4, CARRIED),
    })
    expect(codeOf(response)).toBe('NOTICE_CONTENT_MISMATCH')
  })
})

describe('the rectification list', () => {
  async function rectification(): Promise<NoticeDetail> {
    return posted(rc.token, {
      ...NOTICE,
      category: 'rectification',
      title: '三方联建整改事项',
      audience: { kind: 'estate' },
      rectification: [
        {
          title: '沿街商铺油烟扰民',
          responsible: 'property-company',
          deadline: '2026-12-20',
        },
        {
          title: '地面停车位划线',
          responsible: 'property-company',
          deadline: '2026-12-01',
          status: 'in-progress',
        },
      ],
    })
  }

  it('posts items with their party, deadline and status, overdue when past the deadline', async () => {
    const notice = await rectification()
    expect(
      notice.rectification?.map((i) => [i.title, i.status, i.progress]),
    ).toEqual([
      ['沿街商铺油烟扰民', 'pending', 'pending'],
      ['地面停车位划线', 'in-progress', 'overdue'],
    ])
  })

  it('appends each update to the item history', async () => {
    const notice = await rectification()
    const item = notice.rectification?.[0]
    if (!item) throw new Error('no item')
    t.clock.advance(HOUR)
    const url = `rectification/${item.id}/updates`
    const first = await change(rc.token, notice.id, url, {
      status: 'in-progress',
      note: '已完成 12 家商铺排烟管道改造',
      byOrg: 'residents-committee',
    })
    expect(first.statusCode).toBe(200)
    const updated = first.json<RectificationItemView>()
    expect(updated.status).toBe('in-progress')
    expect(updated.history.map((h) => [h.status, h.note, h.byOrg])).toEqual([
      ['pending', '列入整改清单', 'residents-committee'],
      ['in-progress', '已完成 12 家商铺排烟管道改造', 'residents-committee'],
    ])
    expect(updated.history[1].at).toBe(new Date(t.clock.now()).toISOString())
  })

  it('refuses an update that says nothing new, and one from an owner', async () => {
    const notice = await rectification()
    const item = notice.rectification?.[0]
    if (!item) throw new Error('no item')
    const url = `rectification/${item.id}/updates`
    const empty = await change(rc.token, notice.id, url, {
      status: 'pending',
      note: ' ',
      byOrg: 'residents-committee',
    })
    expect(codeOf(empty)).toBe('RECTIFICATION_UPDATE_EMPTY')
    const byOwner = await change(owner.token, notice.id, url, {
      status: 'done',
      note: '好了',
      byOrg: 'residents-committee',
    })
    expect(codeOf(byOwner)).toBe('NOTICE_NOT_STAFF')
  })
})

describe('staff text', () => {
  it('keeps markup as the plain text it was typed as', async () => {
    const notice = await posted(rc.token, {
      ...NOTICE,
      title: '<b>通知</b>',
      body: '<script>alert("x")</script>\r\n<img src=x onerror=alert(1)>',
    })
    const shown = (await open(owner.token, notice.id)).json<NoticeDetail>()
    expect(shown.title).toBe('<b>通知</b>')
    expect(shown.body).toBe(
      '<script>alert("x")</script>\n<img src=x onerror=alert(1)>',
    )
  })
})

const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4e30000000049454e44ae426082',
  'hex',
)

async function upload(
  token: string,
  bytes: Buffer,
  estateId = 'chenxi',
): Promise<StoredFile> {
  const boundary = 'notice-test-boundary'
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ])
  const response = await t.app.inject({
    method: 'POST',
    url: `/api/files?estateId=${estateId}`,
    headers: {
      ...bearer(token),
      'content-type': `multipart/form-data; boundary=${boundary}`,
    },
    payload,
  })
  expect(response.statusCode).toBe(201)
  return response.json<StoredFile>()
}

describe('attachments', () => {
  it('attaches an uploaded image and a PDF, with links a reader can open', async () => {
    const image = await upload(rc.token, PNG)
    const pdf = await upload(rc.token, Buffer.from('%PDF-1.4\n%%EOF\n'))
    const notice = await posted(rc.token, {
      ...NOTICE,
      attachments: [
        { fileId: image.id, name: '电梯年检安排' },
        { fileId: pdf.id, name: '年检通知书.pdf' },
      ],
    })
    const shown = (await open(owner.token, notice.id)).json<NoticeDetail>()
    expect(
      shown.attachments.map((a) => [a.kind, a.name, a.mime, a.size]),
    ).toEqual([
      ['image', '电梯年检安排', 'image/png', PNG.length],
      ['pdf', '年检通知书.pdf', 'application/pdf', 15],
    ])
    const file = await t.app.inject({
      method: 'GET',
      url: shown.attachments[0].url,
    })
    expect(file.statusCode).toBe(200)
    expect(file.headers['content-type']).toBe('image/png')
  })

  it('refuses to attach a file someone else uploaded', async () => {
    const theirs = await upload(owner.token, PNG)
    const response = await post(rc.token, {
      ...NOTICE,
      attachments: [{ fileId: theirs.id, name: '照片' }],
    })
    expect(response.statusCode).toBe(422)
    expect(codeOf(response)).toBe('NOTICE_ATTACHMENT_INVALID')
  })

  it('refuses an upload that is neither image nor PDF by its content', async () => {
    const boundary = 'b'
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/files?estateId=chenxi',
      headers: {
        ...bearer(rc.token),
        'content-type': `multipart/form-data; boundary=${boundary}`,
      },
      payload: `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="x.pdf"\r\nContent-Type: application/pdf\r\n\r\n<html><script>alert(1)</script></html>\r\n--${boundary}--\r\n`,
    })
    expect(codeOf(response)).toBe('FILE_TYPE_NOT_ALLOWED')
  })
})
