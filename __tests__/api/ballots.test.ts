import type { BallotDetail, BallotList } from '@/core/api-types'

import type { SignedIn, TestApp } from './helpers'
import { bearer, codeOf, errorOf, signIn, testApp } from './helpers'

let t: TestApp
let owner: SignedIn

beforeAll(async () => {
  t = await testApp()
  owner = await signIn(t, 'owner')
})

afterAll(async () => {
  await t.app.close()
})

async function list(token: string, estateId: string, filter?: string) {
  return t.app.inject({
    method: 'GET',
    url: `/api/estates/${estateId}/ballots`,
    query: filter ? { filter } : {},
    headers: bearer(token),
  })
}

async function detail(token: string, ballotId: string) {
  const response = await t.app.inject({
    method: 'GET',
    url: `/api/ballots/${ballotId}`,
    headers: bearer(token),
  })
  expect(response.statusCode).toBe(200)
  return response.json<BallotDetail>()
}

describe('the ballot list', () => {
  it('shows open ballots first by nearest deadline, then announced, closed and published', async () => {
    const response = await list(owner.token, 'chenxi')
    expect(response.statusCode).toBe(200)
    const ballots = response.json<BallotList>().ballots
    expect(ballots.map((b) => [b.id, b.phase])).toEqual([
      ['chenxi-parking', 'open'],
      ['chenxi-property-roads', 'open'],
      ['chenxi-ev-charging', 'announced'],
      ['chenxi-tender-2027', 'announced'],
      ['chenxi-audit-2025', 'closed'],
      ['chenxi-property-2025', 'published'],
    ])
  })

  it('shows drafts to the staff of the estate only', async () => {
    const staff = await signIn(t, 'residents-committee')
    const ballots = (await list(staff.token, 'chenxi')).json<BallotList>()
      .ballots
    expect(ballots.at(-1)).toMatchObject({
      id: 'chenxi-rules-2027',
      phase: 'draft',
    })
    const hidden = await t.app.inject({
      method: 'GET',
      url: '/api/ballots/chenxi-rules-2027',
      headers: bearer(owner.token),
    })
    expect(codeOf(hidden)).toBe('BALLOT_NOT_FOUND')
  })

  it('filters to the open ballots', async () => {
    const ballots = (
      await list(owner.token, 'chenxi', 'open')
    ).json<BallotList>().ballots
    expect(ballots.map((b) => b.phase)).toEqual(['open', 'open'])
  })

  it('shows turnout against the roll with a 2/3 quorum not yet reached', async () => {
    const ballots = (
      await list(owner.token, 'chenxi', 'open')
    ).json<BallotList>().ballots
    for (const { turnout } of ballots) {
      const share = turnout.participating.headcount / turnout.totals.headcount
      expect(share).toBeGreaterThan(0.3)
      expect(share).toBeLessThan(0.45)
      expect(turnout.quorum).toBe(false)
      expect(Object.keys(turnout).sort()).toEqual([
        'participating',
        'quorum',
        'totals',
      ])
    }
  })

  it('refuses the ballots of another estate', async () => {
    const response = await list(owner.token, 'lize')
    expect(response.statusCode).toBe(403)
    expect(codeOf(response)).toBe('OTHER_ESTATE')
  })

  it('refuses an unknown filter with the field named', async () => {
    const response = await list(owner.token, 'chenxi', 'mine')
    expect(response.statusCode).toBe(400)
    expect(codeOf(response)).toBe('VALIDATION_FAILED')
    expect(errorOf(response).issues?.[0].field).toBe('filter')
  })
})

describe('a ballot', () => {
  it('shows its items, roll and the voter the owner casts for', async () => {
    const ballot = await detail(owner.token, 'chenxi-property-roads')
    expect(ballot.items.map((i) => [i.seq, i.matter])).toEqual([
      [1, 'ordinary'],
      [2, 'ordinary'],
      [3, 'ordinary'],
    ])
    expect(ballot.roll.units).toBe(2400)
    expect(ballot.roll.headcount).toBe(ballot.turnout.totals.headcount)
    expect(ballot.myVoters).toHaveLength(1)
    expect(ballot.myVoters[0]).toMatchObject({
      units: owner.account.units,
      vote: null,
    })
    expect(ballot.myStatus).toBe('to-vote')
    expect(ballot.notEligibleReason).toBeNull()
    expect(ballot.organizer).toEqual({
      org: 'owners-committee',
      name: '晨曦名邸业委会',
      mandate: null,
    })
  })

  it('counts an owner of three units as one voter with their areas added', async () => {
    const multi = await signIn(t, 'multi-owner')
    const ballot = await detail(multi.token, 'chenxi-parking')
    expect(ballot.myVoters).toHaveLength(1)
    expect(ballot.myVoters[0].units).toHaveLength(3)
    const areas = multi.profile.units.map((u) =>
      Math.round(Number(u.area) * 100),
    )
    const total = areas.reduce((a, b) => a + b, 0)
    expect(Math.round(Number(ballot.myVoters[0].area) * 100)).toBe(total)
  })

  it('tells a resident why they can not vote', async () => {
    const resident = await signIn(t, 'resident')
    const ballot = await detail(resident.token, 'chenxi-parking')
    expect(ballot.notEligibleReason).toBe('resident')
    expect(ballot.myStatus).toBe('not-eligible')
  })

  it('puts only building 5 on the façade roll, with its own totals', async () => {
    const facade = await signIn(t, 'facade-owner')
    const ballot = await detail(facade.token, 'xincheng-b5-facade')
    expect(ballot.electorate).toEqual({ kind: 'buildings', buildings: ['5'] })
    expect(ballot.roll.units).toBe(40)
    expect(ballot.myVoters[0].units).toEqual(facade.account.units)

    const other = await signIn(t, 'xincheng-owner')
    const seen = await detail(other.token, 'xincheng-b5-facade')
    expect(seen.notEligibleReason).toBe('not-on-roll')
    expect(seen.myVoters).toEqual([])
  })

  it('names the mandate under which the residents committee convenes', async () => {
    const lize = await signIn(t, 'lize-owner')
    const ballot = await detail(lize.token, 'lize-cctv')
    expect(ballot.organizer.org).toBe('residents-committee')
    expect(ballot.organizer.mandate).toContain('委托')
  })

  it('shows a published ballot that reached the quorum', async () => {
    const ballot = await detail(owner.token, 'chenxi-property-2025')
    expect(ballot.phase).toBe('published')
    expect(ballot.turnout.quorum).toBe(true)
  })

  it('answers an unknown ballot with BALLOT_NOT_FOUND', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/ballots/no-such-ballot',
      headers: bearer(owner.token),
    })
    expect(response.statusCode).toBe(404)
    expect(codeOf(response)).toBe('BALLOT_NOT_FOUND')
  })

  it('refuses a ballot of another estate', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/ballots/lize-cctv',
      headers: bearer(owner.token),
    })
    expect(response.statusCode).toBe(403)
    expect(codeOf(response)).toBe('OTHER_ESTATE')
  })
})
