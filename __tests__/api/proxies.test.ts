/**
 * Proxies and changed votes. An owner authorises a verified person for
 * one ballot; the proxy sees and casts only that one; the owner may
 * revoke until the proxy votes, and the owner's own vote supersedes it.
 * Where the ballot allows it, a vote may be changed: the last counts and
 * the earlier stay on record.
 */
import type { BallotDetail, BallotList, Receipt } from '@/core/api-types'
import type {
  BallotResult,
  HeldProxyList,
  ProxyList,
  ProxyView,
} from '@/core/voting-api'

import { readRecord } from '../../mock-server/services/record'
import { SMS_RESEND_AFTER } from '../../mock-server/services/sms'
import type { SignedIn, TestApp } from './helpers'
import {
  bearer,
  codeOf,
  errorOf,
  postVote,
  signIn,
  stepUp,
  testApp,
} from './helpers'

const ROADS = 'chenxi-property-roads'
const PARKING = 'chenxi-parking'
// Signing in moves the test clock past the SMS resend wait.
const SIGN_IN_TIME = SMS_RESEND_AFTER + 1000

let t: TestApp
let grantor: SignedIn
let holder: SignedIn

beforeEach(async () => {
  t = await testApp()
  grantor = await signIn(t, 'proxy-grantor')
  holder = await signIn(t, 'proxy-holder')
})

afterEach(async () => {
  await t.app.close()
})

function get(token: string, url: string) {
  return t.app.inject({ method: 'GET', url, headers: bearer(token) })
}

function post(token: string, url: string, payload: object = {}) {
  return t.app.inject({ method: 'POST', url, headers: bearer(token), payload })
}

async function detail(who: SignedIn, ballotId: string) {
  return (await get(who.token, `/api/ballots/${ballotId}`)).json<BallotDetail>()
}

async function grant(ballotId = ROADS, agent = holder) {
  const { myVoters } = await detail(grantor, ballotId)
  return post(grantor.token, `/api/ballots/${ballotId}/proxies`, {
    voterId: myVoters[0].voterId,
    agentName: agent.account.name,
    agentIdNumber: agent.account.idNumber,
  })
}

async function vote(
  who: SignedIn,
  ballotId: string,
  voterId: string,
  choice: 'agree' | 'oppose' | 'abstain' = 'agree',
) {
  const { items } = await detail(who, ballotId)
  return postVote(t.app, who.token, ballotId, {
    voterId,
    choices: items.map((i) => ({ itemId: i.id, choice })),
    stepUpToken: await stepUp(t, who.token, ballotId),
  })
}

/** Moves to the ballot's close, publishes it and reads the result. */
async function publishedResult(ballotId: string): Promise<BallotResult> {
  const { closesAt } = await detail(grantor, ballotId)
  t.clock.advance(Date.parse(closesAt) - t.clock.now() - SIGN_IN_TIME)
  const oc = await signIn(t, 'owners-committee')
  const published = await post(oc.token, `/api/ballots/${ballotId}/publish`)
  expect(published.statusCode).toBe(200)
  return published.json<BallotResult>()
}

async function grantorVoter(ballotId = ROADS): Promise<string> {
  return (await detail(grantor, ballotId)).myVoters[0].voterId
}

describe('granting a proxy', () => {
  it('names a verified person for one ballot and records the grant', async () => {
    const response = await grant()
    expect(response.statusCode).toBe(201)
    const proxy = response.json<ProxyView>()
    expect(proxy).toMatchObject({
      ballotId: ROADS,
      units: grantor.account.units,
      status: 'active',
      revokedAt: null,
    })
    expect(proxy.agentIdNumberMasked).toMatch(/^\d{6}\*{8}[\dX]{4}$/)
    const last = readRecord(t.app.ctx.db, ROADS).at(-1)
    expect(last).toMatchObject({
      kind: 'proxy-grant',
      body: { proxyId: proxy.id, voterId: proxy.voterId },
    })
  })

  it('refuses an ID number with a wrong check digit', async () => {
    const { myVoters } = await detail(grantor, ROADS)
    const id = holder.account.idNumber
    const wrong = `${id.slice(0, 17)}${id[17] === '0' ? '1' : '0'}`
    const response = await post(
      grantor.token,
      `/api/ballots/${ROADS}/proxies`,
      {
        voterId: myVoters[0].voterId,
        agentName: holder.account.name,
        agentIdNumber: wrong,
      },
    )
    expect(errorOf(response)).toMatchObject({
      code: 'RESIDENT_ID_INVALID',
      issues: [{ field: 'agentIdNumber' }],
    })
  })

  it('refuses a person who has not verified in the app', async () => {
    const { myVoters } = await detail(grantor, ROADS)
    const stranger = t.app.ctx.db
      .prepare(
        'SELECT name, id_number FROM persons p WHERE NOT EXISTS (SELECT 1 FROM accounts a WHERE a.person_id = p.id) LIMIT 1',
      )
      .get() as { name: string; id_number: string }
    const response = await post(
      grantor.token,
      `/api/ballots/${ROADS}/proxies`,
      {
        voterId: myVoters[0].voterId,
        agentName: stranger.name,
        agentIdNumber: stranger.id_number,
      },
    )
    expect(response.statusCode).toBe(422)
    expect(codeOf(response)).toBe('PROXY_AGENT_NOT_FOUND')
  })

  it('refuses a second live proxy for the same unit', async () => {
    expect((await grant()).statusCode).toBe(201)
    const other = await signIn(t, 'resident')
    const again = await grant(ROADS, other)
    expect(codeOf(again)).toBe('PROXY_EXISTS')
  })

  it('refuses to authorise oneself', async () => {
    const response = await grant(ROADS, grantor)
    expect(codeOf(response)).toBe('PROXY_AGENT_IS_OWNER')
  })
})

describe('the proxy', () => {
  it('sees that ballot in their list of held proxies, and no other ballot of the estate', async () => {
    await grant()
    const held = (
      await get(holder.token, '/api/me/proxies-held')
    ).json<HeldProxyList>()
    expect(held.held.map((h) => [h.proxy.ballotId, h.phase])).toEqual([
      [ROADS, 'open'],
    ])
    const ballot = await detail(holder, ROADS)
    expect(ballot.myVoters).toEqual([
      expect.objectContaining({ proxyFor: expect.any(String), vote: null }),
    ])
    expect(codeOf(await get(holder.token, `/api/ballots/${PARKING}`))).toBe(
      'OTHER_ESTATE',
    )
    const list = await get(holder.token, '/api/estates/chenxi/ballots')
    expect(codeOf(list)).toBe('OTHER_ESTATE')
  })

  it('casts the owner’s vote, which the record and the result mark as by proxy', async () => {
    const proxy = (await grant()).json<ProxyView>()
    const response = await vote(holder, ROADS, proxy.voterId, 'oppose')
    expect(response.statusCode).toBe(201)
    const receipt = response.json<Receipt>()
    expect(receipt.units).toEqual(grantor.account.units)

    const entry = readRecord(t.app.ctx.db, ROADS).find(
      (e) => e.seq === receipt.seq,
    )
    expect(entry?.body).toMatchObject({ proxyId: proxy.id })
    const seen = (await detail(grantor, ROADS)).myVoters[0].vote
    expect(seen).toMatchObject({ byMe: false, byProxy: true })
    const mine = (
      await get(grantor.token, `/api/ballots/${ROADS}/proxies`)
    ).json<ProxyList>()
    expect(mine.proxies.map((p) => p.status)).toEqual(['used'])
  })

  it('may no longer be revoked once the proxy has voted', async () => {
    const proxy = (await grant()).json<ProxyView>()
    await vote(holder, ROADS, proxy.voterId)
    const response = await post(
      grantor.token,
      `/api/proxies/${proxy.id}/revoke`,
    )
    expect(response.statusCode).toBe(409)
    expect(codeOf(response)).toBe('PROXY_ALREADY_USED')
  })

  it('is refused with PROXY_REVOKED after the owner revoked, and the revocation is recorded', async () => {
    const proxy = (await grant()).json<ProxyView>()
    const revoked = await post(grantor.token, `/api/proxies/${proxy.id}/revoke`)
    expect(revoked.json<ProxyView>().status).toBe('revoked')
    expect(readRecord(t.app.ctx.db, ROADS).at(-1)?.kind).toBe('proxy-revoke')

    const attempt = await postVote(t.app, holder.token, ROADS, {
      voterId: proxy.voterId,
      choices: [],
      stepUpToken: 'x',
    })
    // The proxy lives outside the estate: the revocation is the reason
    // given, not the estate, though the ballot is no longer theirs to see.
    expect(attempt.statusCode).toBe(409)
    expect(codeOf(attempt)).toBe('PROXY_REVOKED')
  })

  it('fails with PROXY_SUPERSEDED when the owner voted first', async () => {
    const proxy = (await grant()).json<ProxyView>()
    const token = await stepUp(t, holder.token, ROADS)
    expect((await vote(grantor, ROADS, proxy.voterId)).statusCode).toBe(201)

    const { items } = await detail(holder, ROADS)
    const attempt = await postVote(t.app, holder.token, ROADS, {
      voterId: proxy.voterId,
      choices: items.map((i) => ({ itemId: i.id, choice: 'oppose' })),
      stepUpToken: token,
    })
    expect(attempt.statusCode).toBe(409)
    expect(codeOf(attempt)).toBe('PROXY_SUPERSEDED')
    const mine = (
      await get(grantor.token, `/api/ballots/${ROADS}/proxies`)
    ).json<ProxyList>()
    expect(mine.proxies[0].status).toBe('superseded')
  })

  it('is counted in the published result', async () => {
    const proxy = (await grant()).json<ProxyView>()
    await vote(holder, ROADS, proxy.voterId)
    const result = await publishedResult(ROADS)
    expect(result.proxyVotes).toBe(1)
  })
})

describe('changing a vote', () => {
  it('is refused where the ballot does not allow it', async () => {
    const voterId = await grantorVoter(ROADS)
    expect((await vote(grantor, ROADS, voterId, 'agree')).statusCode).toBe(201)
    const again = await vote(grantor, ROADS, voterId, 'oppose')
    expect(again.statusCode).toBe(409)
    expect(codeOf(again)).toBe('ALREADY_VOTED')
  })

  it('counts the last vote where allowed, and keeps the earlier on record', async () => {
    const voterId = await grantorVoter(PARKING)
    const first = await vote(grantor, PARKING, voterId, 'agree')
    const second = await vote(grantor, PARKING, voterId, 'oppose')
    expect(second.statusCode).toBe(201)
    const entry = readRecord(t.app.ctx.db, PARKING).find(
      (e) => e.seq === second.json<Receipt>().seq,
    )
    expect(entry?.body).toMatchObject({
      supersedes: first.json<Receipt>().seq,
    })
    const stored = t.app.ctx.db
      .prepare(
        'SELECT count(*) AS n FROM votes WHERE ballot_id = ? AND voter_id = ?',
      )
      .get(PARKING, voterId)
    expect(stored).toEqual({ n: 2 })
    const listed = (
      await get(grantor.token, '/api/estates/chenxi/ballots?filter=to-vote')
    ).json<BallotList>()
    expect(listed.ballots.map((b) => b.id)).not.toContain(PARKING)

    const before = (await detail(grantor, PARKING)).turnout.participating
    const result = await publishedResult(PARKING)
    expect(result.supersededVotes).toBe(1)
    expect(result.turnout.participating).toEqual(before)
  })
})
