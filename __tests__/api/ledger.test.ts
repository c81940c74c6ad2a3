/**
 * The sealed record through the API: signed receipts, inclusion proofs
 * once sealed, a closed ballot's whole record for a full audit, and the
 * export the auditor's tally command recounts.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { auditRecord } from '@/core/audit'
import type { RecordExport, SignedReceipt, VoteProof } from '@/core/record-api'
import { entryHash } from '@/core/record'
import type { ReceiptList } from '@/core/api-types'
import { checkReceiptSignature } from '@/core/seal'
import { checkVoteProof, receiptClaim } from '@/core/vote-check'

import {
  BLOCK_MAX_ENTRIES,
  sealPending,
} from '../../mock-server/services/ledger'
import { trustedKeysOf } from '../../mock-server/services/signing'
import type { TestApp } from './helpers'
import {
  bearer,
  codeOf,
  DAY,
  postVote,
  signIn,
  stepUp,
  testApp,
} from './helpers'

const ROOT = path.resolve(__dirname, '../..')
const OPEN = 'lize-cctv'
const CLOSED = 'chenxi-audit-2025'

let t: TestApp

beforeEach(async () => {
  t = await testApp()
})

afterEach(async () => {
  await t.app.close()
})

function keys() {
  return trustedKeysOf(t.app.ctx.signer)
}

async function vote(): Promise<{ token: string; receipt: SignedReceipt }> {
  const owner = await signIn(t, 'lize-owner')
  const detail = await t.app.inject({
    method: 'GET',
    url: `/api/ballots/${OPEN}`,
    headers: bearer(owner.token),
  })
  const { myVoters, items } = detail.json()
  const response = await postVote(t.app, owner.token, OPEN, {
    voterId: myVoters[0].voterId,
    choices: items.map((i: { id: string }, n: number) => ({
      itemId: i.id,
      choice: n === 0 ? 'agree' : 'oppose',
    })),
    stepUpToken: await stepUp(t, owner.token, OPEN),
  })
  expect(response.statusCode).toBe(201)
  return { token: owner.token, receipt: response.json<SignedReceipt>() }
}

function getProof(token: string, ballotId: string, seq: number | string) {
  return t.app.inject({
    method: 'GET',
    url: `/api/ballots/${ballotId}/record/entries/${seq}/proof`,
    headers: bearer(token),
  })
}

function getRecord(token: string, ballotId: string) {
  return t.app.inject({
    method: 'GET',
    url: `/api/ballots/${ballotId}/record`,
    headers: bearer(token),
  })
}

describe('a vote receipt', () => {
  it('is signed by the backend over ballot, seq, entry hash, time and pseudonym', async () => {
    const { receipt } = await vote()
    expect(
      checkReceiptSignature(receiptClaim(receipt), receipt.signature, keys()),
    ).toBe(true)
    expect(
      checkReceiptSignature(
        { ...receiptClaim(receipt), seq: receipt.seq + 1 },
        receipt.signature,
        keys(),
      ),
    ).toBe(false)
  })

  it('names the pseudonym the record and the roll use for the voter', async () => {
    const { receipt } = await vote()
    const entry = t.app.ctx.db
      .prepare(
        'SELECT body FROM record_entries WHERE ballot_id = ? AND seq = ?',
      )
      .get(OPEN, receipt.seq) as { body: string }
    expect(JSON.parse(entry.body).voterId).toBe(receipt.voterId)
    expect(receipt.voterId).toMatch(/^V[0-9A-F]{12}$/)
  })

  it('is listed again, with the same signature, under 我的回执', async () => {
    const { token, receipt } = await vote()
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/me/receipts',
      headers: bearer(token),
    })
    expect(response.json<ReceiptList>().receipts).toEqual([receipt])
  })
})

describe('the proof that a vote is in a sealed block', () => {
  it('is not there until the entry is sealed', async () => {
    const { token, receipt } = await vote()
    const response = await getProof(token, OPEN, receipt.seq)
    expect(response.statusCode).toBe(409)
    expect(codeOf(response)).toBe('RECORD_NOT_SEALED')
  })

  it('checks out against the shipped keys once sealed by 3 of 3', async () => {
    const { token, receipt } = await vote()
    t.clock.advance(2000)
    const sealed = sealPending(t.app.ctx, t.clock.now())
    expect(sealed.map((b) => [b.header.ballotId, b.header.fromSeq])).toEqual([
      [OPEN, receipt.seq],
    ])

    const response = await getProof(token, OPEN, receipt.seq)
    expect(response.statusCode).toBe(200)
    const proof = response.json<VoteProof>()
    expect(proof.block.header).toMatchObject({
      height: 2,
      fromSeq: receipt.seq,
      toSeq: receipt.seq,
      sealedAt: t.clock.now(),
    })
    expect(checkVoteProof(receipt, proof, keys())).toMatchObject({
      receiptSigned: true,
      entryMatches: true,
      inBlock: true,
      endorsers: ['town-office', 'residents-committee', 'owners-committee'],
      sealed: true,
      ok: true,
    })
  })

  it('is sealed by 2 of 3 when one endorser does not answer', async () => {
    const { token, receipt } = await vote()
    sealPending(t.app.ctx, t.clock.now(), {
      endorsers: ['town-office', 'owners-committee'],
    })
    const proof = (await getProof(token, OPEN, receipt.seq)).json<VoteProof>()
    expect(checkVoteProof(receipt, proof, keys())).toMatchObject({
      endorsers: ['town-office', 'owners-committee'],
      sealed: true,
      ok: true,
    })
  })

  it('is not sealed at all when only one endorser answers', async () => {
    const { token, receipt } = await vote()
    expect(
      sealPending(t.app.ctx, t.clock.now(), { endorsers: ['town-office'] }),
    ).toEqual([])
    expect(codeOf(await getProof(token, OPEN, receipt.seq))).toBe(
      'RECORD_NOT_SEALED',
    )
  })

  it('fails the check when the entry sent holds another choice', async () => {
    const { token, receipt } = await vote()
    sealPending(t.app.ctx, t.clock.now())
    const proof = (await getProof(token, OPEN, receipt.seq)).json<VoteProof>()
    const body = {
      ...proof.entry.body,
      choices: receipt.choices.map((c) => ({
        itemId: c.itemId,
        choice: 'agree',
      })),
    }
    const forged = { ...proof, entry: { ...proof.entry, body } }
    expect(checkVoteProof(receipt, forged, keys())).toMatchObject({
      entryMatches: false,
      ok: false,
    })
  })

  it('is only for the person who cast the vote', async () => {
    const { receipt } = await vote()
    sealPending(t.app.ctx, t.clock.now())
    const other = await signIn(t, 'lize-residents-committee')
    const response = await getProof(other.token, OPEN, receipt.seq)
    expect(response.statusCode).toBe(404)
    expect(codeOf(response)).toBe('RECORD_ENTRY_NOT_FOUND')
  })

  it('refuses a seq that is not a positive whole number', async () => {
    const { token } = await vote()
    const response = await getProof(token, OPEN, 'abc')
    expect(response.statusCode).toBe(400)
    expect(codeOf(response)).toBe('VALIDATION_FAILED')
  })
})

describe('a ballot’s whole record', () => {
  it('is not handed out while voting is open', async () => {
    const owner = await signIn(t, 'lize-owner')
    const response = await getRecord(owner.token, OPEN)
    expect(response.statusCode).toBe(409)
    expect(codeOf(response)).toBe('RECORD_NOT_AVAILABLE')
  })

  it('passes a full audit once closed, with nothing published to compare', async () => {
    const owner = await signIn(t, 'owner')
    const response = await getRecord(owner.token, CLOSED)
    expect(response.statusCode).toBe(200)
    const exported = response.json<RecordExport>()
    const stages: string[] = []
    const report = await auditRecord(exported, keys(), {
      onProgress: (p) => {
        if (stages[stages.length - 1] !== p.stage) stages.push(p.stage)
      },
    })
    expect(stages).toEqual(['entries', 'blocks', 'roll', 'count'])
    expect(report).toMatchObject({
      ballotId: CLOSED,
      entries: exported.entries.length,
      blocks: Math.ceil(exported.entries.length / BLOCK_MAX_ENTRIES),
      fewestEndorsements: 3,
      resultPublished: false,
      problems: [],
      ok: true,
    })
    expect(report.votes).toBe(exported.entries.length - 1)
  })

  it('names no room and no person', async () => {
    const owner = await signIn(t, 'owner')
    const text = (await getRecord(owner.token, CLOSED)).body
    const db = t.app.ctx.db
    const ids = (table: string) =>
      (db.prepare(`SELECT id FROM ${table}`).all() as { id: string }[]).map(
        (row) => row.id,
      )
    const strings = new Set(text.match(/"[^"]*"/g))
    const named = [...ids('units'), ...ids('persons')].filter((id) =>
      strings.has(`"${id}"`),
    )
    expect(named).toEqual([])
    expect(text).not.toMatch(/号楼|室/)
    const exported = JSON.parse(text) as RecordExport
    expect(exported.roll[0]).toEqual({
      unit: expect.stringMatching(/^U[0-9A-F]{12}$/),
      area: expect.stringMatching(/^\d+\.\d{2}$/),
      voter: expect.stringMatching(/^V[0-9A-F]{12}$/),
      owners: expect.arrayContaining([
        expect.stringMatching(/^P[0-9A-F]{12}$/),
      ]),
      developerHeld: false,
    })
  })

  it('matches the published result once the result is published', async () => {
    t.clock.advance(3 * DAY)
    const owner = await signIn(t, 'owner')
    const exported = (await getRecord(owner.token, CLOSED)).json<RecordExport>()
    expect(exported.entries[exported.entries.length - 1].kind).toBe('result')
    expect(exported.blocks[exported.blocks.length - 1].header.toSeq).toBe(
      exported.entries.length - 1,
    )

    sealPending(t.app.ctx, t.clock.now())
    const sealed = (await getRecord(owner.token, CLOSED)).json<RecordExport>()
    const report = await auditRecord(sealed, keys())
    expect(report.resultPublished).toBe(true)
    expect(report.problems).toEqual([])
    expect(report.items.map((i) => i.published)).toEqual(
      report.items.map((i) => i.recounted),
    )
  })

  it('reports an entry left out of every block', async () => {
    t.clock.advance(3 * DAY)
    const owner = await signIn(t, 'owner')
    const exported = (await getRecord(owner.token, CLOSED)).json<RecordExport>()
    const last = exported.entries.length
    expect((await auditRecord(exported, keys())).problems).toEqual([
      { kind: 'unsealed', fromSeq: last, toSeq: last },
    ])
  })
})

describe('a full audit of a tampered download', () => {
  async function exported(): Promise<RecordExport> {
    const owner = await signIn(t, 'owner')
    return (await getRecord(owner.token, CLOSED)).json<RecordExport>()
  }

  function voteAt(record: RecordExport, n: number) {
    return record.entries.filter((e) => e.kind === 'vote')[n]
  }

  it('names a vote whose choice was changed', async () => {
    const record = await exported()
    const victim = voteAt(record, 10)
    victim.body = { ...victim.body, choices: [] }
    const report = await auditRecord(record, keys())
    expect(report.problems[0]).toEqual({
      kind: 'entry',
      seq: victim.seq,
      reason: 'hash',
    })
    expect(report.ok).toBe(false)
  })

  it('names the block whose root a rewritten chain no longer matches', async () => {
    const record = await exported()
    const victim = voteAt(record, 10)
    // A forger who rehashes every entry after the change keeps the chain
    // whole; the endorsers' root does not follow.
    victim.body = {
      ...victim.body,
      choices: (victim.body.choices as { itemId: string }[]).map((c) => ({
        itemId: c.itemId,
        choice: 'oppose',
      })),
    }
    for (let i = victim.seq - 1; i < record.entries.length; i++) {
      const e = record.entries[i]
      if (i > 0) e.prevHash = record.entries[i - 1].hash
      e.hash = entryHash(e)
    }
    const report = await auditRecord(record, keys())
    expect(report.problems).toContainEqual({
      kind: 'block-root',
      height: 1,
      fromSeq: 1,
      toSeq: BLOCK_MAX_ENTRIES,
    })
  })

  it('notices a block whose endorsements were swapped for forgeries', async () => {
    const record = await exported()
    record.blocks[0].endorsements = record.blocks[0].endorsements.map((e) => ({
      ...e,
      signature: record.blocks[1].endorsements[0].signature,
    }))
    const report = await auditRecord(record, keys())
    expect(report.problems).toEqual([
      { kind: 'block-signatures', height: 1, fromSeq: 1, valid: 0 },
    ])
  })

  it('notices a roll whose area was changed after it was sealed', async () => {
    const record = await exported()
    record.roll[0] = { ...record.roll[0], area: '999.99' }
    const report = await auditRecord(record, keys())
    expect(report.problems).toEqual([{ kind: 'roll-digest' }])
  })

  it('notices a vote for a voter who is not on the roll', async () => {
    const record = await exported()
    const victim = voteAt(record, 3)
    record.roll = record.roll.filter((u) => u.voter !== victim.body.voterId)
    const report = await auditRecord(record, keys())
    expect(report.problems).toContainEqual({
      kind: 'vote-unknown-voter',
      seq: victim.seq,
    })
  })
})

describe('npm run tally on an exported record', () => {
  it('recounts an item exactly as the full audit does', async () => {
    const owner = await signIn(t, 'owner')
    const record = (await getRecord(owner.token, CLOSED)).json<RecordExport>()
    const report = await auditRecord(record, keys())
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-export-'))
    const file = path.join(dir, 'export.json')
    fs.writeFileSync(file, JSON.stringify(record))
    const itemId = record.ballot.items[0].id
    const run = spawnSync(
      process.execPath,
      [require.resolve('tsx/cli'), 'scripts/tally.ts', file, '--item', itemId],
      { cwd: ROOT, encoding: 'utf8' },
    )
    expect(run.stderr).toBe('')
    expect(run.status).toBe(0)
    expect(JSON.parse(run.stdout)).toEqual(report.items[0].recounted)

    const noItem = spawnSync(
      process.execPath,
      [require.resolve('tsx/cli'), 'scripts/tally.ts', file],
      { cwd: ROOT, encoding: 'utf8' },
    )
    expect(noItem.status).toBe(2)
    expect(noItem.stderr).toBe(
      `tally: malformed input: a record export needs --item (items: ${itemId})\n`,
    )
    fs.rmSync(dir, { recursive: true })
  })
})
