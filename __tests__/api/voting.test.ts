import type { BallotDetail, Receipt, ReceiptList } from '@/core/api-types'
import { receiptCode } from '@/core/record'

import type { SignedIn, TestApp } from './helpers'
import {
  bearer,
  codeOf,
  DAY,
  errorOf,
  MINUTE,
  newIdempotencyKey,
  postVote,
  signIn,
  stepUp,
  testApp,
} from './helpers'

const ROADS = 'chenxi-property-roads'
const PARKING = 'chenxi-parking'

let t: TestApp

beforeEach(async () => {
  t = await testApp()
})

afterEach(async () => {
  await t.app.close()
})

async function detail(token: string, ballotId: string) {
  const response = await t.app.inject({
    method: 'GET',
    url: `/api/ballots/${ballotId}`,
    headers: bearer(token),
  })
  return response.json<BallotDetail>()
}

/** Everything a vote needs: the voter, one choice per item, step-up. */
async function ballotVote(
  who: SignedIn,
  ballotId: string,
  choice: 'agree' | 'oppose' | 'abstain' = 'agree',
) {
  const ballot = await detail(who.token, ballotId)
  return {
    voterId: ballot.myVoters[0]?.voterId ?? 'V000000000000',
    choices: ballot.items.map((item) => ({ itemId: item.id, choice })),
    stepUpToken: await stepUp(t, who.token, ballotId),
  }
}

describe('casting a vote', () => {
  it('accepts a complete vote and answers 201 with a receipt', async () => {
    const owner = await signIn(t, 'owner')
    const before = await detail(owner.token, ROADS)
    const response = await postVote(
      t.app,
      owner.token,
      ROADS,
      await ballotVote(owner, ROADS),
    )
    expect(response.statusCode).toBe(201)
    const receipt = response.json<Receipt>()
    expect(receipt.receiptCode).toBe(receiptCode(receipt.entryHash))
    expect(receipt.receiptCode).toMatch(/^[0-9A-Z]{5}-[0-9A-Z]{5}$/)
    expect(receipt.units).toEqual(owner.account.units)
    expect(receipt.castAt).toBe(new Date(t.clock.now()).toISOString())
    expect(receipt.choices.map((c) => 'choice' in c && c.choice)).toEqual([
      'agree',
      'agree',
      'agree',
    ])

    const after = await detail(owner.token, ROADS)
    expect(after.myStatus).toBe('voted')
    expect(after.myVoters[0].vote).toMatchObject({
      byMe: true,
      receiptCode: receipt.receiptCode,
    })
    expect(after.turnout.participating.headcount).toBe(
      before.turnout.participating.headcount + 1,
    )
  })

  it('refuses a second vote for the same voter with ALREADY_VOTED', async () => {
    const owner = await signIn(t, 'owner')
    await postVote(t.app, owner.token, ROADS, await ballotVote(owner, ROADS))
    const again = await postVote(
      t.app,
      owner.token,
      ROADS,
      await ballotVote(owner, ROADS, 'oppose'),
    )
    expect(again.statusCode).toBe(409)
    expect(codeOf(again)).toBe('ALREADY_VOTED')
  })

  it('replays the first receipt when a request is retried with the same key', async () => {
    const owner = await signIn(t, 'owner')
    const body = await ballotVote(owner, ROADS)
    const key = newIdempotencyKey()
    const first = await postVote(t.app, owner.token, ROADS, body, key)
    const retry = await postVote(t.app, owner.token, ROADS, body, key)
    expect(first.statusCode).toBe(201)
    expect(retry.statusCode).toBe(200)
    expect(retry.json()).toEqual(first.json())
  })

  it('refuses the same key with a different body', async () => {
    const owner = await signIn(t, 'owner')
    const body = await ballotVote(owner, ROADS)
    const key = newIdempotencyKey()
    await postVote(t.app, owner.token, ROADS, body, key)
    const changed = {
      ...body,
      choices: body.choices.map((c) => ({ ...c, choice: 'oppose' })),
    }
    const response = await postVote(t.app, owner.token, ROADS, changed, key)
    expect(response.statusCode).toBe(422)
    expect(codeOf(response)).toBe('IDEMPOTENCY_KEY_REUSED')
  })

  it('asks for an idempotency key', async () => {
    const owner = await signIn(t, 'owner')
    const body = await ballotVote(owner, ROADS)
    const response = await postVote(t.app, owner.token, ROADS, body, null)
    expect(response.statusCode).toBe(400)
    expect(codeOf(response)).toBe('IDEMPOTENCY_KEY_MISSING')
  })

  it('asks for the step-up check before a vote', async () => {
    const owner = await signIn(t, 'owner')
    const { stepUpToken: _unused, ...body } = await ballotVote(owner, ROADS)
    const response = await postVote(t.app, owner.token, ROADS, body)
    expect(response.statusCode).toBe(403)
    expect(codeOf(response)).toBe('STEP_UP_REQUIRED')
  })

  it('refuses a step-up proof older than five minutes', async () => {
    const owner = await signIn(t, 'owner')
    const body = await ballotVote(owner, ROADS)
    t.clock.advance(5 * MINUTE + 1000)
    const response = await postVote(t.app, owner.token, ROADS, body)
    expect(codeOf(response)).toBe('STEP_UP_INVALID')
  })

  it('refuses a step-up proof made for another ballot', async () => {
    const owner = await signIn(t, 'owner')
    const body = await ballotVote(owner, ROADS)
    const other = await stepUp(t, owner.token, PARKING)
    const response = await postVote(t.app, owner.token, ROADS, {
      ...body,
      stepUpToken: other,
    })
    expect(codeOf(response)).toBe('STEP_UP_INVALID')
  })

  it('refuses a vote that leaves an item unanswered', async () => {
    const owner = await signIn(t, 'owner')
    const body = await ballotVote(owner, ROADS)
    const response = await postVote(t.app, owner.token, ROADS, {
      ...body,
      choices: body.choices.slice(0, 2),
    })
    expect(response.statusCode).toBe(422)
    expect(codeOf(response)).toBe('CHOICES_INCOMPLETE')
    expect(errorOf(response).issues).toHaveLength(1)
  })

  it('refuses a malformed choice with the field named', async () => {
    const owner = await signIn(t, 'owner')
    const body = await ballotVote(owner, ROADS)
    const response = await postVote(t.app, owner.token, ROADS, {
      ...body,
      choices: [{ itemId: body.choices[0].itemId, choice: 'maybe' }],
    })
    expect(response.statusCode).toBe(400)
    expect(codeOf(response)).toBe('VALIDATION_FAILED')
    expect(errorOf(response).issues?.[0]).toMatchObject({
      field: 'choices.0.choice',
    })
  })

  it('refuses an item answered twice', async () => {
    const owner = await signIn(t, 'owner')
    const body = await ballotVote(owner, ROADS)
    const response = await postVote(t.app, owner.token, ROADS, {
      ...body,
      choices: [...body.choices, body.choices[0]],
    })
    expect(codeOf(response)).toBe('VALIDATION_FAILED')
    expect(errorOf(response).issues?.[0].field).toBe('choices.3.itemId')
  })

  it('refuses a vote after the deadline with BALLOT_CLOSED', async () => {
    const owner = await signIn(t, 'owner')
    const body = await ballotVote(owner, ROADS)
    t.clock.advance(10 * DAY)
    const later = await signIn(t, 'owner')
    const response = await postVote(t.app, later.token, ROADS, body)
    expect(response.statusCode).toBe(409)
    expect(codeOf(response)).toBe('BALLOT_CLOSED')
  })

  it('refuses a vote before the ballot opens', async () => {
    const owner = await signIn(t, 'owner')
    const response = await postVote(t.app, owner.token, 'chenxi-ev-charging', {
      voterId: 'V000000000000',
      choices: [],
    })
    expect(response.statusCode).toBe(409)
    expect(codeOf(response)).toBe('BALLOT_NOT_OPEN')
  })

  it('refuses a resident with NOT_AN_OWNER', async () => {
    const resident = await signIn(t, 'resident')
    const response = await postVote(t.app, resident.token, ROADS, {
      voterId: 'V000000000000',
      choices: [],
    })
    expect(response.statusCode).toBe(403)
    expect(codeOf(response)).toBe('NOT_AN_OWNER')
  })

  it('refuses an owner who is not on the roll of a one-building ballot', async () => {
    const other = await signIn(t, 'xincheng-owner')
    const response = await postVote(t.app, other.token, 'xincheng-b5-facade', {
      voterId: 'V000000000000',
      choices: [],
    })
    expect(response.statusCode).toBe(403)
    expect(codeOf(response)).toBe('NOT_ON_ROLL')
  })

  it('refuses a voter id that belongs to somebody else', async () => {
    const a = await signIn(t, 'owner')
    const b = await signIn(t, 'multi-owner')
    const theirs = (await detail(b.token, ROADS)).myVoters[0].voterId
    const body = await ballotVote(a, ROADS)
    const response = await postVote(t.app, a.token, ROADS, {
      ...body,
      voterId: theirs,
    })
    expect(codeOf(response)).toBe('NOT_ON_ROLL')
  })

  it('lets a façade owner vote on the building 5 ballot', async () => {
    const facade = await signIn(t, 'facade-owner')
    const body = await ballotVote(facade, 'xincheng-b5-facade')
    const response = await postVote(
      t.app,
      facade.token,
      'xincheng-b5-facade',
      body,
    )
    expect(response.statusCode).toBe(201)
  })
})

describe('co-owners', () => {
  it('shows one co-owner the vote the other cast, and refuses a second', async () => {
    const a = await signIn(t, 'co-owner-a')
    const b = await signIn(t, 'co-owner-b')
    const cast = await postVote(
      t.app,
      a.token,
      ROADS,
      await ballotVote(a, ROADS),
    )
    expect(cast.statusCode).toBe(201)

    const seen = await detail(b.token, ROADS)
    expect(seen.myStatus).toBe('voted')
    expect(seen.myVoters[0].vote).toMatchObject({
      byMe: false,
      receiptCode: null,
    })
    expect(seen.myVoters[0].vote?.castBy).toMatch(/\*/)

    const body = {
      voterId: seen.myVoters[0].voterId,
      choices: seen.items.map((i) => ({ itemId: i.id, choice: 'oppose' })),
    }
    const refused = await postVote(t.app, b.token, ROADS, body)
    expect(refused.statusCode).toBe(409)
    expect(codeOf(refused)).toBe('ALREADY_VOTED')
  })

  // Found by trying the app: where changes were allowed, the second
  // co-owner replaced the first one's vote and nobody was told.
  it('refuses a co-owner overturning the other co-owner vote where changes are allowed', async () => {
    const a = await signIn(t, 'co-owner-a')
    const b = await signIn(t, 'co-owner-b')
    const cast = await postVote(
      t.app,
      a.token,
      PARKING,
      await ballotVote(a, PARKING, 'agree'),
    )
    expect(cast.statusCode).toBe(201)

    const overturn = await postVote(
      t.app,
      b.token,
      PARKING,
      await ballotVote(b, PARKING, 'oppose'),
    )
    expect(overturn.statusCode).toBe(409)
    expect(codeOf(overturn)).toBe('CO_OWNER_ALREADY_VOTED')

    const own = await postVote(
      t.app,
      a.token,
      PARKING,
      await ballotVote(a, PARKING, 'oppose'),
    )
    expect(own.statusCode).toBe(201)
  })
})

describe('a ballot that allows changes', () => {
  it('takes a later vote for the same voter and keeps the earlier one', async () => {
    const owner = await signIn(t, 'owner')
    const first = await postVote(
      t.app,
      owner.token,
      PARKING,
      await ballotVote(owner, PARKING, 'agree'),
    )
    const second = await postVote(
      t.app,
      owner.token,
      PARKING,
      await ballotVote(owner, PARKING, 'oppose'),
    )
    expect(first.statusCode).toBe(201)
    expect(second.statusCode).toBe(201)
    const receipt = second.json<Receipt>()
    expect(receipt.seq).toBeGreaterThan(first.json<Receipt>().seq)

    const ballot = await detail(owner.token, PARKING)
    expect(ballot.myVoters[0].vote?.receiptCode).toBe(receipt.receiptCode)

    const receipts = await t.app.inject({
      method: 'GET',
      url: '/api/me/receipts',
      headers: bearer(owner.token),
    })
    expect(receipts.json<ReceiptList>().receipts).toHaveLength(2)
  })
})
