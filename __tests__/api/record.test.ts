import type { Receipt } from '@/core/api-types'
import { verifyChain } from '@/core/record'

import { readRecord } from '../../mock-server/services/record'
import type { TestApp } from './helpers'
import { bearer, postVote, signIn, stepUp, testApp } from './helpers'

let t: TestApp

beforeAll(async () => {
  t = await testApp()
})

afterAll(async () => {
  await t.app.close()
})

function ballotIds(): string[] {
  return (
    t.app.ctx.db
      .prepare('SELECT id FROM ballots WHERE announced_at IS NOT NULL')
      .all() as { id: string }[]
  ).map((row) => row.id)
}

describe('the voting record', () => {
  it('verifies as an unbroken hash chain for every announced ballot', () => {
    for (const id of ballotIds()) {
      const entries = readRecord(t.app.ctx.db, id)
      expect(entries[0].kind).toBe('roll')
      expect(verifyChain(entries)).toMatchObject({ ok: true })
    }
  })

  it('ends with the entry a new vote receipt names', async () => {
    const owner = await signIn(t, 'lize-owner')
    const ballot = await t.app.inject({
      method: 'GET',
      url: '/api/ballots/lize-cctv',
      headers: bearer(owner.token),
    })
    const { myVoters, items } = ballot.json()
    const response = await postVote(t.app, owner.token, 'lize-cctv', {
      voterId: myVoters[0].voterId,
      choices: items.map((i: { id: string }) => ({
        itemId: i.id,
        choice: 'abstain',
      })),
      stepUpToken: await stepUp(t, owner.token, 'lize-cctv'),
    })
    const receipt = response.json<Receipt>()
    const check = verifyChain(readRecord(t.app.ctx.db, 'lize-cctv'))
    expect(check).toEqual({
      ok: true,
      entries: receipt.seq,
      head: receipt.entryHash,
    })
  })

  it('names the voter by a per-ballot id, not by room or person', () => {
    const entries = readRecord(t.app.ctx.db, 'chenxi-property-roads')
    const vote = entries.find((e) => e.kind === 'vote')
    expect(Object.keys(vote?.body ?? {}).sort()).toEqual(['choices', 'voterId'])
    expect(JSON.stringify(vote?.body)).not.toMatch(/chenxi-\d+-\d+|P\d{6}/)
  })

  it('detects a changed entry and names it', () => {
    const entries = readRecord(t.app.ctx.db, 'chenxi-property-roads')
    const forged = entries.map((e) =>
      e.seq === 5 ? { ...e, body: { ...e.body, choices: [] } } : e,
    )
    expect(verifyChain(forged)).toEqual({
      ok: false,
      firstBadSeq: 5,
      reason: 'hash',
    })
  })

  it('refuses to change a stored entry', () => {
    const update = () =>
      t.app.ctx.db
        .prepare("UPDATE record_entries SET body = '{}' WHERE seq = 2")
        .run()
    expect(update).toThrow(/append-only/)
  })
})
