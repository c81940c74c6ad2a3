/**
 * Running a ballot from draft to published result, as the organisers do
 * it, and every rule on the way: who may organise, what an announcement
 * fixes, when votes are taken, and who sees the result when.
 */
import type { BallotDetail } from '@/core/api-types'
import { NOTICE_PERIOD } from '@/core/ballot-rules'
import type {
  BallotResult,
  DraftBallotRequest,
  ManagedBallot,
  RollPreview,
} from '@/core/voting-api'
import { readRecord } from '../../mock-server/services/record'
import { SMS_RESEND_AFTER } from '../../mock-server/services/sms'

import type { SignedIn, TestApp } from './helpers'
import {
  bearer,
  codeOf,
  DAY,
  errorOf,
  HOUR,
  postVote,
  signIn,
  stepUp,
  testApp,
} from './helpers'

let t: TestApp

beforeEach(async () => {
  t = await testApp()
})

afterEach(async () => {
  await t.app.close()
})

function draftBody(overrides: Partial<DraftBallotRequest> = {}) {
  const now = t.clock.now()
  return {
    title: '更换 1 号楼电梯',
    description: '1 号楼两部电梯已使用 18 年。',
    electorate: { kind: 'estate' },
    allowChanges: false,
    opensAt: new Date(now + NOTICE_PERIOD + DAY).toISOString(),
    closesAt: new Date(now + NOTICE_PERIOD + 8 * DAY).toISOString(),
    ...overrides,
  }
}

function post(token: string, url: string, payload: object = {}) {
  return t.app.inject({ method: 'POST', url, headers: bearer(token), payload })
}

function get(token: string, url: string) {
  return t.app.inject({ method: 'GET', url, headers: bearer(token) })
}

/** Moves the clock to `iso`; sessions last hours, so sign in again. */
async function at(iso: string, key: Parameters<typeof signIn>[1]) {
  // Signing in moves the clock past the SMS resend wait: start before.
  const signInTime = SMS_RESEND_AFTER + 1000
  t.clock.advance(Date.parse(iso) - signInTime - t.clock.now())
  return signIn(t, key)
}

async function draft(
  who: SignedIn,
  estateId = 'chenxi',
  overrides: Partial<DraftBallotRequest> = {},
): Promise<ManagedBallot> {
  const response = await post(
    who.token,
    `/api/estates/${estateId}/ballots`,
    draftBody(overrides),
  )
  expect(response.statusCode).toBe(201)
  return response.json<ManagedBallot>()
}

async function addItem(
  who: SignedIn,
  ballotId: string,
  matter: 'ordinary' | 'special' = 'ordinary',
  title = '使用专项维修资金更换电梯',
) {
  const response = await post(who.token, `/api/ballots/${ballotId}/items`, {
    title,
    description: '',
    matter,
  })
  expect(response.statusCode).toBe(201)
  return response.json<ManagedBallot>()
}

async function announced(who: SignedIn, overrides = {}) {
  const managed = await draft(who, 'chenxi', overrides)
  await addItem(who, managed.ballot.id)
  const response = await post(
    who.token,
    `/api/ballots/${managed.ballot.id}/announce`,
  )
  expect(response.statusCode).toBe(200)
  return response.json<ManagedBallot>()
}

describe('who may organise a ballot', () => {
  it('lets the owners’ committee draft one in its estate', async () => {
    const oc = await signIn(t, 'owners-committee')
    const managed = await draft(oc)
    expect(managed.ballot).toMatchObject({
      phase: 'draft',
      title: '更换 1 号楼电梯',
      organizer: { org: 'owners-committee', mandate: null },
    })
    expect(managed.canEdit).toBe(true)
    expect(managed.canAnnounce).toBe(false)
  })

  it('refuses the property company with NOT_BALLOT_ORGANIZER', async () => {
    const pc = await signIn(t, 'property-company')
    const response = await post(
      pc.token,
      '/api/estates/chenxi/ballots',
      draftBody(),
    )
    expect(response.statusCode).toBe(403)
    expect(codeOf(response)).toBe('NOT_BALLOT_ORGANIZER')
  })

  it('refuses the residents’ committee where the estate has an owners’ committee', async () => {
    const rc = await signIn(t, 'residents-committee')
    const response = await post(
      rc.token,
      '/api/estates/chenxi/ballots',
      draftBody(),
    )
    expect(codeOf(response)).toBe('NOT_BALLOT_ORGANIZER')
  })

  it('refuses an owner who is not staff', async () => {
    const owner = await signIn(t, 'owner')
    const response = await post(
      owner.token,
      '/api/estates/chenxi/ballots',
      draftBody(),
    )
    expect(codeOf(response)).toBe('NOT_BALLOT_ORGANIZER')
  })

  it('lets the residents’ committee organise under the recorded mandate (居代业)', async () => {
    const rc = await signIn(t, 'lize-residents-committee')
    const managed = await draft(rc, 'lize')
    expect(managed.ballot.organizer.org).toBe('residents-committee')
    expect(managed.ballot.organizer.mandate).toMatch(/^经丽泽华庭业主大会决定/)
  })

  it('refuses the residents’ committee of an estate with no mandate', async () => {
    const lize = await signIn(t, 'lize-residents-committee')
    const response = await post(
      lize.token,
      '/api/estates/xincheng/ballots',
      draftBody(),
    )
    expect(codeOf(response)).toBe('OTHER_ESTATE')
    t.app.ctx.db
      .prepare(
        "INSERT INTO staff_roles (person_id, estate_id, org) VALUES (?, 'xincheng', 'residents-committee')",
      )
      .run(lize.account.personId)
    const again = await post(
      lize.token,
      '/api/estates/xincheng/ballots',
      draftBody(),
    )
    expect(codeOf(again)).toBe('MANDATE_REQUIRED')
  })
})

describe('a draft', () => {
  it('takes items with their matter type, edits and removes them, numbering 1, 2, 3', async () => {
    const oc = await signIn(t, 'owners-committee')
    const { ballot } = await draft(oc)
    await addItem(oc, ballot.id, 'ordinary', '甲')
    await addItem(oc, ballot.id, 'special', '乙')
    const third = await addItem(oc, ballot.id, 'ordinary', '丙')
    const [first, second] = third.ballot.items

    const edited = await post(
      oc.token,
      `/api/ballots/${ballot.id}/items/${second.id}`,
      { title: '乙（改）', description: '改建绿地', matter: 'special' },
    )
    expect(edited.statusCode).toBe(200)
    const removed = await post(
      oc.token,
      `/api/ballots/${ballot.id}/items/${first.id}/remove`,
    )
    expect(
      removed
        .json<ManagedBallot>()
        .ballot.items.map((i) => [i.seq, i.title, i.matter]),
    ).toEqual([
      [1, '乙（改）', 'special'],
      [2, '丙', 'ordinary'],
    ])
  })

  it('is hidden from owners until announced', async () => {
    const oc = await signIn(t, 'owners-committee')
    const { ballot } = await draft(oc)
    const owner = await signIn(t, 'owner')
    expect(codeOf(await get(owner.token, `/api/ballots/${ballot.id}`))).toBe(
      'BALLOT_NOT_FOUND',
    )
  })

  it('refuses a closing before its opening, and a voting period under a day', async () => {
    const oc = await signIn(t, 'owners-committee')
    const now = t.clock.now()
    const backwards = await post(
      oc.token,
      '/api/estates/chenxi/ballots',
      draftBody({
        opensAt: new Date(now + 20 * DAY).toISOString(),
        closesAt: new Date(now + 19 * DAY).toISOString(),
      }),
    )
    expect(codeOf(backwards)).toBe('SCHEDULE_INVALID')
    const short = await post(
      oc.token,
      '/api/estates/chenxi/ballots',
      draftBody({
        opensAt: new Date(now + 20 * DAY).toISOString(),
        closesAt: new Date(now + 20 * DAY + 23 * HOUR).toISOString(),
      }),
    )
    expect(errorOf(short)).toMatchObject({
      code: 'SCHEDULE_INVALID',
      issues: [{ field: 'opensAt', message: '投票期至少 1 天' }],
    })
  })

  it('refuses a building the estate does not have', async () => {
    const oc = await signIn(t, 'owners-committee')
    const response = await post(
      oc.token,
      '/api/estates/chenxi/ballots',
      draftBody({ electorate: { kind: 'buildings', buildings: ['99'] } }),
    )
    expect(errorOf(response)).toMatchObject({
      code: 'VALIDATION_FAILED',
      issues: [{ field: 'electorate', message: '本小区没有 99 号楼' }],
    })
  })

  it('previews the roll with the core’s counting rules', async () => {
    const oc = await signIn(t, 'owners-committee')
    const { ballot } = await draft(oc, 'chenxi', {
      electorate: { kind: 'buildings', buildings: ['3', '4'] },
    })
    const response = await get(
      oc.token,
      `/api/ballots/${ballot.id}/roll-preview`,
    )
    const preview = response.json<RollPreview>()
    expect(preview.frozen).toBe(false)
    expect(preview.units).toBe(160)
    expect(preview.buildings.map((b) => [b.building, b.units])).toEqual([
      ['3', 80],
      ['4', 80],
    ])
    // Several units of one owner, and the developer's, count once.
    const expected = t.app.ctx.db
      .prepare(
        `SELECT count(DISTINCT CASE WHEN u.developer_held = 1 THEN 'developer'
                 ELSE (SELECT group_concat(person_id) FROM (SELECT person_id
                       FROM unit_owners o WHERE o.unit_id = u.id
                       ORDER BY person_id)) END) AS n
           FROM units u JOIN buildings b ON b.id = u.building_id
          WHERE u.estate_id = 'chenxi' AND b.number IN ('3', '4')`,
      )
      .get() as { n: number }
    expect(preview.headcount).toBe(expected.n)
  })
})

describe('announcing', () => {
  it('refuses a ballot with no items', async () => {
    const oc = await signIn(t, 'owners-committee')
    const { ballot } = await draft(oc)
    const response = await post(oc.token, `/api/ballots/${ballot.id}/announce`)
    expect(response.statusCode).toBe(422)
    expect(codeOf(response)).toBe('BALLOT_NO_ITEMS')
  })

  it('refuses an opening less than 15 days after the announcement', async () => {
    const oc = await signIn(t, 'owners-committee')
    const now = t.clock.now()
    const { ballot } = await draft(oc, 'chenxi', {
      opensAt: new Date(now + NOTICE_PERIOD - HOUR).toISOString(),
      closesAt: new Date(now + NOTICE_PERIOD + 7 * DAY).toISOString(),
    })
    await addItem(oc, ballot.id)
    const response = await post(oc.token, `/api/ballots/${ballot.id}/announce`)
    expect(errorOf(response)).toMatchObject({
      code: 'SCHEDULE_INVALID',
      issues: [{ field: 'opensAt', message: '投票开始须在公告 15 日以后' }],
    })
  })

  it('freezes the roll and the agenda, records them and tells the owners', async () => {
    const oc = await signIn(t, 'owners-committee')
    const managed = await announced(oc)
    const id = managed.ballot.id
    expect(managed.ballot.phase).toBe('announced')
    expect(managed.canEdit).toBe(false)
    expect(readRecord(t.app.ctx.db, id).map((e) => e.kind)).toEqual([
      'roll',
      'announce',
    ])
    const notice = t.app.ctx.db
      .prepare('SELECT category, title FROM notices WHERE source_ballot_id = ?')
      .get(id)
    expect(notice).toEqual({
      category: 'meeting',
      title: '表决公告：更换 1 号楼电梯',
    })
  })

  it('refuses every edit after the announcement with BALLOT_NOT_DRAFT', async () => {
    const oc = await signIn(t, 'owners-committee')
    const { ballot } = await announced(oc)
    const item = ballot.items[0]
    const attempts = [
      post(oc.token, `/api/ballots/${ballot.id}/draft`, draftBody()),
      post(oc.token, `/api/ballots/${ballot.id}/items`, {
        title: '追加',
        description: '',
        matter: 'ordinary',
      }),
      post(oc.token, `/api/ballots/${ballot.id}/items/${item.id}`, {
        title: '改',
        description: '',
        matter: 'special',
      }),
      post(oc.token, `/api/ballots/${ballot.id}/items/${item.id}/remove`),
      post(oc.token, `/api/ballots/${ballot.id}/announce`),
    ]
    for (const response of await Promise.all(attempts)) {
      expect(response.statusCode).toBe(409)
      expect(codeOf(response)).toBe('BALLOT_NOT_DRAFT')
    }
  })

  it('keeps the roll as announced when a unit is sold afterwards', async () => {
    const oc = await signIn(t, 'owners-committee')
    const owner = await signIn(t, 'owner')
    const { ballot } = await announced(oc)
    const before = await get(oc.token, `/api/ballots/${ballot.id}/roll-preview`)

    // The owner's flat changes hands in the property register.
    const unitId = owner.profile.units[0].id
    const buyer = await signIn(t, 'resident')
    t.app.ctx.db
      .prepare('DELETE FROM unit_owners WHERE unit_id = ?')
      .run(unitId)
    t.app.ctx.db
      .prepare('INSERT INTO unit_owners (unit_id, person_id) VALUES (?, ?)')
      .run(unitId, buyer.account.personId)

    const after = await get(oc.token, `/api/ballots/${ballot.id}/roll-preview`)
    expect(after.json<RollPreview>()).toEqual(before.json<RollPreview>())
    expect(after.json<RollPreview>().frozen).toBe(true)
    const seller = await get(owner.token, `/api/ballots/${ballot.id}`)
    expect(seller.json<BallotDetail>().myVoters).toHaveLength(1)
    const newOwner = await get(buyer.token, `/api/ballots/${ballot.id}`)
    expect(newOwner.json<BallotDetail>().myVoters).toEqual([])
  })
})

describe('the voting period', () => {
  async function vote(who: SignedIn, ballotId: string, choice = 'agree') {
    const detail = (
      await get(who.token, `/api/ballots/${ballotId}`)
    ).json<BallotDetail>()
    return postVote(t.app, who.token, ballotId, {
      voterId: detail.myVoters[0].voterId,
      choices: detail.items.map((i) => ({ itemId: i.id, choice })),
      stepUpToken: 'not-yet',
    })
  }

  it('refuses a vote before the opening and after the close', async () => {
    const oc = await signIn(t, 'owners-committee')
    const owner = await signIn(t, 'owner')
    const { ballot } = await announced(oc)
    expect(codeOf(await vote(owner, ballot.id))).toBe('BALLOT_NOT_OPEN')

    const later = await at(ballot.closesAt, 'owner')
    expect(codeOf(await vote(later, ballot.id))).toBe('BALLOT_CLOSED')
  })

  it('opens and closes on the clock alone', async () => {
    const oc = await signIn(t, 'owners-committee')
    const { ballot } = await announced(oc)
    const phase = async (who: SignedIn) =>
      (await get(who.token, `/api/ballots/${ballot.id}`)).json<BallotDetail>()
        .phase
    const opens = Date.parse(ballot.opensAt)
    const closes = Date.parse(ballot.closesAt)
    const before = await at(new Date(opens - 1).toISOString(), 'owner')
    expect(await phase(before)).toBe('announced')
    t.clock.advance(1)
    expect(await phase(before)).toBe('open')
    const late = await at(new Date(closes - 1).toISOString(), 'owner')
    expect(await phase(late)).toBe('open')
    t.clock.advance(1)
    expect(await phase(late)).toBe('closed')
  })
})

describe('the result', () => {
  async function castAll(
    ballotId: string,
    votes: [Parameters<typeof signIn>[1], 'agree' | 'oppose' | 'abstain'][],
  ) {
    for (const [key, choice] of votes) {
      const who = await signIn(t, key)
      const detail = (
        await get(who.token, `/api/ballots/${ballotId}`)
      ).json<BallotDetail>()
      const response = await postVote(t.app, who.token, ballotId, {
        voterId: detail.myVoters[0].voterId,
        choices: detail.items.map((i) => ({ itemId: i.id, choice })),
        stepUpToken: await stepUp(t, who.token, ballotId),
      })
      expect(response.statusCode).toBe(201)
    }
  }

  it('is hidden from everyone, organisers included, while the ballot is open', async () => {
    const oc = await signIn(t, 'owners-committee')
    const seeded = await get(oc.token, '/api/ballots/chenxi-parking/result')
    expect(codeOf(seeded)).toBe('RESULT_NOT_AVAILABLE')
    const { ballot } = await announced(oc)
    const open = await at(ballot.opensAt, 'owners-committee')
    const response = await get(open.token, `/api/ballots/${ballot.id}/result`)
    expect(response.statusCode).toBe(409)
    expect(codeOf(response)).toBe('RESULT_NOT_AVAILABLE')
  })

  it('may be published only after the close', async () => {
    const oc = await signIn(t, 'owners-committee')
    const { ballot } = await announced(oc)
    const open = await at(ballot.opensAt, 'owners-committee')
    const early = await post(open.token, `/api/ballots/${ballot.id}/publish`)
    expect(codeOf(early)).toBe('BALLOT_NOT_CLOSED')
  })

  it('counts a building-only electorate against its own totals', async () => {
    const oc = await signIn(t, 'owners-committee')
    const { ballot } = await announced(oc, {
      electorate: { kind: 'buildings', buildings: ['6'] },
    })
    const preview = (
      await get(oc.token, `/api/ballots/${ballot.id}/roll-preview`)
    ).json<RollPreview>()
    expect(preview.buildings.map((b) => b.building)).toEqual(['6'])
    t.clock.advance(Date.parse(ballot.opensAt) - t.clock.now())
    await castAll(ballot.id, [['co-owner-a', 'agree']])
    const owner = await signIn(t, 'owner')
    const outside = await get(owner.token, `/api/ballots/${ballot.id}`)
    expect(outside.json<BallotDetail>().notEligibleReason).toBe('not-on-roll')

    const closed = await at(ballot.closesAt, 'owners-committee')
    const result = (
      await get(closed.token, `/api/ballots/${ballot.id}/result`)
    ).json<BallotResult>()
    expect(result.items[0].totals).toEqual({
      area: preview.area,
      headcount: preview.headcount,
    })
    expect(result.items[0].agree.headcount).toBe(1)
    expect(result.items[0].quorum).toBe(false)
    expect(result.items[0].approved).toBe(false)
  })

  it('applies 3/4 to a special item and more than half to an ordinary one', async () => {
    const oc = await signIn(t, 'owners-committee')
    const managed = await draft(oc, 'chenxi', {
      electorate: { kind: 'units', units: ['3-1001', '3-1002', '3-1003'] },
    })
    const id = managed.ballot.id
    await addItem(oc, id, 'ordinary', '一般事项')
    await addItem(oc, id, 'special', '重大事项')
    expect(
      (await post(oc.token, `/api/ballots/${id}/announce`)).statusCode,
    ).toBe(200)
    // Each of the three units votes agree on item 1, split on item 2.
    const voters = t.app.ctx.db
      .prepare(
        'SELECT voter_id AS voterId, unit_id FROM ballot_roll WHERE ballot_id = ? ORDER BY unit_id',
      )
      .all(id) as { voterId: string }[]
    const open = await at(managed.ballot.opensAt, 'owners-committee')
    const items = (
      await get(open.token, `/api/ballots/${id}`)
    ).json<BallotDetail>().items
    const { appendVote } = await import('../../mock-server/services/voting')
    const second = ['agree', 'agree', 'oppose'] as const
    voters.forEach((v, i) => {
      appendVote(t.app.ctx.db, {
        ballotId: id,
        voterId: v.voterId,
        castBy: null,
        choices: [
          { itemId: items[0].id, choice: 'agree' },
          { itemId: items[1].id, choice: second[i] },
        ],
        at: t.clock.now(),
        idempotencyKey: `direct-${i}`,
        requestHash: `direct-${i}`,
      })
    })
    const closed = await at(managed.ballot.closesAt, 'owners-committee')
    const result = (
      await get(closed.token, `/api/ballots/${id}/result`)
    ).json<BallotResult>()
    expect(
      result.items.map((i) => [
        i.matter,
        i.quorum,
        i.approved,
        i.approvalThreshold.label,
      ]),
    ).toEqual([
      ['ordinary', true, true, '过半数'],
      ['special', true, false, '四分之三以上'],
    ])
  })

  it('is published once, with a record entry and a decision notice, then shown to owners', async () => {
    const { ballot } = await announced(await signIn(t, 'owners-committee'))
    t.clock.advance(Date.parse(ballot.opensAt) - t.clock.now())
    await castAll(ballot.id, [
      ['owner', 'agree'],
      ['multi-owner', 'oppose'],
    ])
    const oc = await at(ballot.closesAt, 'owners-committee')
    const owner = await signIn(t, 'owner')

    expect(
      codeOf(await get(owner.token, `/api/ballots/${ballot.id}/result`)),
    ).toBe('RESULT_NOT_PUBLISHED')
    const published = await post(oc.token, `/api/ballots/${ballot.id}/publish`)
    expect(published.statusCode).toBe(200)
    expect(published.json<BallotResult>()).toMatchObject({
      phase: 'published',
      publishedBy: 'organizer',
      votes: 2,
      proxyVotes: 0,
    })
    const again = await post(oc.token, `/api/ballots/${ballot.id}/publish`)
    expect(codeOf(again)).toBe('RESULT_ALREADY_PUBLISHED')

    const seen = (
      await get(owner.token, `/api/ballots/${ballot.id}/result`)
    ).json<BallotResult>()
    expect(seen.items[0].agree.headcount).toBe(1)
    expect(seen.items[0].oppose.headcount).toBe(1)
    expect(readRecord(t.app.ctx.db, ballot.id).at(-1)?.kind).toBe('result')
    const notice = t.app.ctx.db
      .prepare(
        "SELECT title, audience FROM notices WHERE source_ballot_id = ? AND category = 'decision'",
      )
      .get(ballot.id)
    expect(notice).toEqual({
      title: '表决结果公布：更换 1 号楼电梯',
      audience: '{"kind":"estate"}',
    })
  })

  it('is published at the 3-day deadline when nobody publishes it', async () => {
    const owner = await signIn(t, 'owner')
    // The seeded audit ballot closed a day before the seed time.
    const before = await get(owner.token, '/api/ballots/chenxi-audit-2025')
    expect(before.json<BallotDetail>().phase).toBe('closed')
    const closesAt = Date.parse(before.json<BallotDetail>().closesAt)
    const later = await at(new Date(closesAt + 3 * DAY).toISOString(), 'owner')
    const result = await get(
      later.token,
      '/api/ballots/chenxi-audit-2025/result',
    )
    expect(result.statusCode).toBe(200)
    expect(result.json<BallotResult>()).toMatchObject({
      phase: 'published',
      publishedBy: 'deadline',
      publishedAt: new Date(closesAt + 3 * DAY).toISOString(),
    })
  })
})

describe('the seeded results', () => {
  it('publish a property company chosen with a quorum, and an audit awaiting publication', async () => {
    const oc = await signIn(t, 'owners-committee')
    const published = (
      await get(oc.token, '/api/ballots/chenxi-property-2025/result')
    ).json<BallotResult>()
    expect(published.publishedBy).toBe('organizer')
    expect(published.items[0]).toMatchObject({ quorum: true, approved: true })
    const closed = await get(oc.token, '/api/ballots/chenxi-audit-2025/result')
    expect(closed.json<BallotResult>()).toMatchObject({
      phase: 'closed',
      publishedAt: null,
      items: [{ quorum: true, approved: true }],
    })
  })
})
