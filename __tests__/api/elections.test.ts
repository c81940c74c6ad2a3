/**
 * An election from draft to published result: staff enter candidates
 * with what each agreed to publish, owners pick up to the allowed number
 * (more is refused with TOO_MANY_PICKS), and the result names who was
 * elected, counted by the core's countElection and recountable from the
 * exported record with the auditor's command.
 */
import type { BallotDetail, Receipt } from '@/core/api-types'
import { formatArea } from '@/core/area'
import { NOTICE_PERIOD } from '@/core/ballot-rules'
import type { CandidateRequest } from '@/core/election-api'
import { countElection } from '@/core/election'
import { electionOutput } from '@/core/election-input'
import type { RecordExport } from '@/core/record-api'
import { readRecordExport, tallyInputOf } from '@/core/record-export'
import type { BallotResult, ManagedBallot } from '@/core/voting-api'
import { SMS_RESEND_AFTER } from '../../mock-server/services/sms'
import { appendVote } from '../../mock-server/services/voting'

import type { SignedIn, TestApp } from './helpers'
import {
  account,
  bearer,
  codeOf,
  DAY,
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

function post(token: string, url: string, payload: object = {}) {
  return t.app.inject({ method: 'POST', url, headers: bearer(token), payload })
}

function get(token: string, url: string) {
  return t.app.inject({ method: 'GET', url, headers: bearer(token) })
}

async function at(iso: string, key: Parameters<typeof signIn>[1]) {
  const signInTime = SMS_RESEND_AFTER + 1000
  t.clock.advance(Date.parse(iso) - signInTime - t.clock.now())
  return signIn(t, key)
}

function person(name: string, consentToName: boolean): CandidateRequest {
  return {
    kind: 'person',
    name,
    statement: `${name}的参选声明`,
    photoFileId: null,
    documentFileIds: [],
    consent: { name: consentToName, photo: false, statement: consentToName },
  }
}

const CANDIDATES = [
  person('王建明', true),
  person('李秀英', true),
  person('张国华', false),
  person('陈美玲', true),
  person('刘志强', true),
]

interface RollUnitRow {
  label: string
  area: number
}

/** The owner's unit and four more sole-owned units of building 3. */
function electorateUnits(): RollUnitRow[] {
  const owner = account('owner')
  const rows = t.app.ctx.db
    .prepare(
      `SELECT b.number || '-' || u.room AS label, u.area, o.person_id AS personId
         FROM units u JOIN buildings b ON b.id = u.building_id
         JOIN unit_owners o ON o.unit_id = u.id
        WHERE u.estate_id = 'chenxi' AND u.developer_held = 0
          AND u.id IN (SELECT unit_id FROM unit_owners
                        GROUP BY unit_id HAVING count(*) = 1)
          AND o.person_id IN (SELECT person_id FROM unit_owners
                               GROUP BY person_id HAVING count(*) = 1)
        ORDER BY u.id`,
    )
    .all() as (RollUnitRow & { personId: string })[]
  const mine = rows.find((r) => r.personId === owner.personId)
  if (!mine) throw new Error('the owner test account owns no single unit')
  const others = rows.filter((r) => r.personId !== owner.personId).slice(0, 4)
  return [mine, ...others]
}

async function draftElection(oc: SignedIn, units: string[]) {
  const now = t.clock.now()
  const created = await post(oc.token, '/api/estates/chenxi/ballots', {
    title: '补选业主委员会委员',
    description: '两名委员任期届满，补选两名。',
    electorate: { kind: 'units', units },
    allowChanges: false,
    opensAt: new Date(now + NOTICE_PERIOD + DAY).toISOString(),
    closesAt: new Date(now + NOTICE_PERIOD + 8 * DAY).toISOString(),
  })
  expect(created.statusCode).toBe(201)
  return created.json<ManagedBallot>().ballot.id
}

function electionItem(overrides: object = {}) {
  return {
    title: '补选业主委员会委员',
    description: '从 5 名候选人中选出 2 名。',
    matter: 'ordinary',
    election: { seats: 2, maxPicks: 2, candidates: CANDIDATES, ...overrides },
  }
}

describe('an election item in the ballot editor', () => {
  it('refuses more picks per owner than seats with ELECTION_INVALID', async () => {
    const oc = await signIn(t, 'owners-committee')
    const id = await draftElection(oc, ['3-1001', '3-1002'])
    const response = await post(
      oc.token,
      `/api/ballots/${id}/items`,
      electionItem({ maxPicks: 3 }),
    )
    expect(response.statusCode).toBe(400)
    expect(codeOf(response)).toBe('ELECTION_INVALID')
  })

  it('refuses a tender for the property company with more than one seat', async () => {
    const oc = await signIn(t, 'owners-committee')
    const id = await draftElection(oc, ['3-1001', '3-1002'])
    const companies = [
      '甲物业有限公司',
      '乙物业有限公司',
      '丙物业有限公司',
    ].map((name) => ({ ...person(name, true), kind: 'company' }))
    const response = await post(
      oc.token,
      `/api/ballots/${id}/items`,
      electionItem({ candidates: companies }),
    )
    expect(codeOf(response)).toBe('ELECTION_INVALID')
  })

  it('shows owners only what each candidate agreed to publish', async () => {
    const oc = await signIn(t, 'owners-committee')
    const units = electorateUnits().map((u) => u.label)
    const id = await draftElection(oc, units)
    const added = await post(
      oc.token,
      `/api/ballots/${id}/items`,
      electionItem(),
    )
    expect(added.statusCode).toBe(201)
    const managed = added.json<ManagedBallot>()
    expect(managed.elections?.[0].election.candidates[2].name).toBe('张国华')

    const item = managed.ballot.items[0]
    expect(item.election?.seats).toBe(2)
    expect(item.election?.candidates.map((c) => [c.name, c.statement])).toEqual(
      [
        ['王建明', '王建明的参选声明'],
        ['李秀英', '李秀英的参选声明'],
        ['张*华', null],
        ['陈美玲', '陈美玲的参选声明'],
        ['刘志强', '刘志强的参选声明'],
      ],
    )
  })
})

describe('a full election', () => {
  it('takes picks, refuses too many, and publishes who was elected', async () => {
    const oc = await signIn(t, 'owners-committee')
    const roll = electorateUnits()
    const id = await draftElection(
      oc,
      roll.map((u) => u.label),
    )
    await post(oc.token, `/api/ballots/${id}/items`, electionItem())
    expect(
      (await post(oc.token, `/api/ballots/${id}/announce`)).statusCode,
    ).toBe(200)
    const ballot = (
      await get(oc.token, `/api/ballots/${id}`)
    ).json<BallotDetail>()
    const [c1, c2, c3, c4] = (ballot.items[0].election?.candidates ?? []).map(
      (c) => c.id,
    )
    const itemId = ballot.items[0].id

    // The owner votes through the API: three picks of two allowed first.
    const owner = await at(ballot.opensAt, 'owner')
    const mine = (
      await get(owner.token, `/api/ballots/${id}`)
    ).json<BallotDetail>()
    const stepUpToken = await stepUp(t, owner.token, id)
    const tooMany = await postVote(t.app, owner.token, id, {
      voterId: mine.myVoters[0].voterId,
      choices: [{ itemId, picks: [c1, c2, c3] }],
      stepUpToken,
    })
    expect(tooMany.statusCode).toBe(422)
    expect(codeOf(tooMany)).toBe('TOO_MANY_PICKS')
    const asMotion = await postVote(t.app, owner.token, id, {
      voterId: mine.myVoters[0].voterId,
      choices: [{ itemId, choice: 'agree' }],
      stepUpToken,
    })
    expect(codeOf(asMotion)).toBe('ELECTION_MISMATCH')
    const cast = await postVote(t.app, owner.token, id, {
      voterId: mine.myVoters[0].voterId,
      choices: [{ itemId, picks: [c1, c2] }],
      stepUpToken,
    })
    expect(cast.statusCode).toBe(201)
    expect(cast.json<Receipt>().choices).toEqual([
      {
        itemId,
        itemTitle: '补选业主委员会委员',
        picks: [c1, c2],
        pickNames: ['王建明', '李秀英'],
      },
    ])

    // The four others: two for c1, one for c2 and c4, one abstains.
    const others = t.app.ctx.db
      .prepare(
        `SELECT DISTINCT voter_id AS voterId FROM ballot_roll
          WHERE ballot_id = ? AND voter_id != ? ORDER BY unit_id`,
      )
      .all(id, mine.myVoters[0].voterId) as { voterId: string }[]
    const picks = [[c1, c3], [c1], [c2, c4], []]
    others.forEach((v, i) => {
      appendVote(t.app.ctx.db, {
        ballotId: id,
        voterId: v.voterId,
        castBy: null,
        choices: [{ itemId, picks: picks[i] }],
        at: t.clock.now(),
        idempotencyKey: `election-${i}`,
        requestHash: `election-${i}`,
      })
    })

    const closed = await at(ballot.closesAt, 'owners-committee')
    const published = await post(closed.token, `/api/ballots/${id}/publish`)
    expect(published.statusCode).toBe(200)
    const result = published.json<BallotResult>().items[0]

    // Owner and the next two units back c1 (3 of 5), owner and the
    // fourth back c2 (2 of 5): only c1 is above half of the headcount.
    const area = (indexes: number[]) =>
      formatArea(indexes.reduce((sum, i) => sum + roll[i].area, 0))
    expect(result.participating).toEqual({
      area: area([0, 1, 2, 3, 4]),
      headcount: 5,
    })
    expect(result.abstain).toEqual({ area: area([4]), headcount: 1 })
    expect(
      result.election?.candidates.map((c) => [c.name, c.headcount, c.area]),
    ).toEqual([
      ['王建明', 3, area([0, 1, 2])],
      ['李秀英', 2, area([0, 3])],
      ['张*华', 1, area([1])],
      ['陈美玲', 1, area([3])],
      ['刘志强', 0, '0.00'],
    ])
    const c1Qualifies =
      2 * (roll[0].area + roll[1].area + roll[2].area) >
      roll.reduce((sum, u) => sum + u.area, 0)
    expect(result.election?.elected).toEqual(c1Qualifies ? [c1] : [])
    expect(result.election?.outcome).toBe(
      c1Qualifies ? 'elected' : 'nobody-qualified',
    )
    expect(result.approved).toBe(c1Qualifies)

    // The exported record recounts to the same with the auditor's command.
    const exported = (
      await get(closed.token, `/api/ballots/${id}/record`)
    ).json<RecordExport>()
    const input = tallyInputOf(readRecordExport(exported), itemId)
    if (!('kind' in input)) throw new Error('not an election item')
    const recount = electionOutput(
      input,
      countElection(input, input.units, input.votes),
    )
    expect(recount.elected).toEqual(result.election?.elected)
    expect(recount.candidates.map((c) => c.headcount)).toEqual([3, 2, 1, 1, 0])
  })
})

describe('the seeded company tender', () => {
  it('shows owners of 晨曦名邸 three bidders for one seat, with their bid summaries', async () => {
    const owner = await signIn(t, 'owner')
    const response = await get(owner.token, '/api/ballots/chenxi-tender-2027')
    expect(response.statusCode).toBe(200)
    const ballot = response.json<BallotDetail>()
    expect(ballot.phase).toBe('announced')
    const election = ballot.items[0].election
    expect([election?.seats, election?.maxPicks]).toEqual([1, 1])
    expect(election?.candidates.map((c) => [c.kind, c.name])).toEqual([
      ['company', '上海申安物业管理有限公司'],
      ['company', '上海绿苑物业服务有限公司'],
      ['company', '上海嘉实物业有限公司'],
    ])
    expect(election?.candidates[1].statement).toBe(
      '报价 2.10 元/平方米·月；门岗一人加巡逻；每季度公开公共收益明细；电梯年检外包。',
    )
  })
})
