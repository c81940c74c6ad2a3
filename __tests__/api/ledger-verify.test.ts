/**
 * `npm run ledger:verify` against copies of a store tampered with in every
 * way the issue names: an entry or a block header changed, deleted,
 * reordered or inserted. Each copy first drops the append-only triggers,
 * as someone with the database file in hand could.
 */
import Database from 'better-sqlite3'
import { generateKeyPairSync, sign } from 'node:crypto'
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { merkleRoot } from '@/core/merkle'
import { entryHash } from '@/core/record'
import { headerHash, headerMessage, type BlockHeader } from '@/core/seal'

import { keysDir } from '../../config/ledger-keys'
import { sealPending } from '../../mock-server/services/ledger'
import { appendEntry } from '../../mock-server/services/record'
import { trustedKeysOf } from '../../mock-server/services/signing'
import type { Store } from '../../mock-server/store/database'
import { describeProblem, verifyStore } from '../../scripts/ledger-verify'
import type { TestApp } from './helpers'
import { MINUTE, testApp } from './helpers'

const ROOT = path.resolve(__dirname, '../..')
// A ballot with one entry in the seed; four more, each sealed on its own,
// give it five blocks of one entry to tamper with.
const BALLOT = 'chenxi-ev-charging'

let t: TestApp
let dir: string
let pristine: Buffer

beforeAll(async () => {
  t = await testApp()
  for (let n = 1; n <= 4; n++) {
    t.clock.advance(MINUTE)
    appendEntry(t.app.ctx.db, BALLOT, 'vote', t.clock.now(), {
      voterId: `VTEST${n}`,
      choices: [],
    })
    sealPending(t.app.ctx, t.clock.now())
  }
  pristine = t.app.ctx.db.serialize()
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-ledger-'))
})

afterAll(async () => {
  await t.app.close()
  fs.rmSync(dir, { recursive: true, force: true })
})

let copies = 0

/** A file copy of the store with the triggers gone, changed by `tamper`. */
function tamperedCopy(tamper: (db: Store) => void): string {
  copies += 1
  const file = path.join(dir, `copy-${copies}.sqlite`)
  fs.writeFileSync(file, pristine)
  const db = new Database(file)
  for (const trigger of [
    'record_entries_no_update',
    'record_entries_no_delete',
    'ledger_blocks_no_update',
    'ledger_blocks_no_delete',
  ]) {
    db.exec(`DROP TRIGGER ${trigger}`)
  }
  tamper(db)
  db.close()
  return file
}

async function verdictOf(file: string) {
  const db = new Database(file, { readonly: true })
  try {
    const verdicts = await verifyStore(db, trustedKeysOf(t.app.ctx.signer))
    return verdicts.filter((v) => v.firstBadSeq !== null)
  } finally {
    db.close()
  }
}

function run(file: string) {
  return spawnSync(
    process.execPath,
    [
      require.resolve('tsx/cli'),
      'scripts/ledger-verify.ts',
      '--db',
      file,
      '--keys',
      keysDir(),
    ],
    { cwd: ROOT, encoding: 'utf8' },
  )
}

/** Moves rows by `by` in seq (or height) without tripping the key. */
function shift(db: Store, table: string, column: string, from: number) {
  db.prepare(
    `UPDATE ${table} SET ${column} = -(${column} + 1) WHERE ballot_id = ? AND ${column} >= ?`,
  ).run(BALLOT, from)
  db.prepare(
    `UPDATE ${table} SET ${column} = -${column} WHERE ballot_id = ? AND ${column} < 0`,
  ).run(BALLOT)
}

function swap(db: Store, table: string, column: string, a: number, b: number) {
  const set = db.prepare(
    `UPDATE ${table} SET ${column} = ? WHERE ballot_id = ? AND ${column} = ?`,
  )
  set.run(-1, BALLOT, a)
  set.run(a, BALLOT, b)
  set.run(b, BALLOT, -1)
}

describe('npm run ledger:verify', () => {
  it('passes the untouched store and exits 0', async () => {
    const file = tamperedCopy(() => undefined)
    expect(await verdictOf(file)).toEqual([])
    const result = run(file)
    expect(result.status).toBe(0)
    expect(result.stdout).toContain(
      `ok    ${BALLOT}: 5 entries in 5 blocks, each signed by at least 3 of 3 endorsers`,
    )
  })

  it('names a changed entry, exiting 1', async () => {
    const file = tamperedCopy((db) => {
      db.prepare(
        `UPDATE record_entries SET body = '{"voterId":"VTEST2","choices":[{"itemId":"x","choice":"agree"}]}' WHERE ballot_id = ? AND seq = 3`,
      ).run(BALLOT)
    })
    const [verdict] = await verdictOf(file)
    expect(verdict.firstBadSeq).toBe(3)
    expect(describeProblem(verdict.problems[0])).toBe(
      'entry 3 does not match its hash (changed)',
    )
    const result = run(file)
    expect(result.status).toBe(1)
    expect(result.stdout).toContain(`FAIL  ${BALLOT}: first bad entry 3`)
  })

  it('names the gap a deleted entry leaves', async () => {
    const file = tamperedCopy((db) => {
      db.prepare(
        'DELETE FROM record_entries WHERE ballot_id = ? AND seq = 3',
      ).run(BALLOT)
    })
    const [verdict] = await verdictOf(file)
    expect(verdict.firstBadSeq).toBe(3)
    expect(verdict.problems[0]).toEqual({
      kind: 'entry',
      seq: 3,
      reason: 'seq',
    })
  })

  it('names the first of two reordered entries', async () => {
    const file = tamperedCopy((db) => swap(db, 'record_entries', 'seq', 2, 3))
    const [verdict] = await verdictOf(file)
    expect(verdict.firstBadSeq).toBe(2)
    expect(verdict.problems[0]).toEqual({
      kind: 'entry',
      seq: 2,
      reason: 'link',
    })
  })

  it('names where an inserted entry, hashed to fit, breaks the chain', async () => {
    const file = tamperedCopy((db) => {
      shift(db, 'record_entries', 'seq', 3)
      const before = db
        .prepare(
          'SELECT hash FROM record_entries WHERE ballot_id = ? AND seq = 2',
        )
        .get(BALLOT) as { hash: string }
      const forged = {
        ballotId: BALLOT,
        seq: 3,
        prevHash: before.hash,
        kind: 'vote',
        at: t.clock.now(),
        body: { voterId: 'VFORGED', choices: [] },
      }
      db.prepare(
        'INSERT INTO record_entries (ballot_id, seq, prev_hash, hash, kind, at, body) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ).run(
        BALLOT,
        3,
        forged.prevHash,
        entryHash(forged),
        forged.kind,
        forged.at,
        JSON.stringify(forged.body),
      )
    })
    const [verdict] = await verdictOf(file)
    // The forged entry links to entry 2 as a real one would; the entry
    // after it still names the hash of the one that was there, and the
    // sealed roots no longer match from the forged entry on.
    expect(verdict.firstBadSeq).toBe(3)
    expect(verdict.problems).toEqual([
      { kind: 'entry', seq: 4, reason: 'link' },
      { kind: 'block-root', height: 3, fromSeq: 3, toSeq: 3 },
      { kind: 'block-root', height: 4, fromSeq: 4, toSeq: 4 },
      { kind: 'block-root', height: 5, fromSeq: 5, toSeq: 5 },
      { kind: 'unsealed', fromSeq: 6, toSeq: 6 },
    ])
  })

  it('names the first entry of a block whose header was changed', async () => {
    const file = tamperedCopy((db) => {
      db.prepare(
        'UPDATE ledger_blocks SET sealed_at = sealed_at - 3600000 WHERE ballot_id = ? AND height = 3',
      ).run(BALLOT)
    })
    const [verdict] = await verdictOf(file)
    expect(verdict.firstBadSeq).toBe(3)
    expect(verdict.problems).toEqual([
      { kind: 'block-signatures', height: 3, fromSeq: 3, valid: 0 },
      { kind: 'block-link', height: 4, fromSeq: 4 },
      { kind: 'unsealed', fromSeq: 4, toSeq: 5 },
    ])
  })

  it('names a header whose root was changed', async () => {
    const file = tamperedCopy((db) => {
      db.prepare(
        'UPDATE ledger_blocks SET root = ? WHERE ballot_id = ? AND height = 2',
      ).run('00'.repeat(32), BALLOT)
    })
    const [verdict] = await verdictOf(file)
    expect(verdict.firstBadSeq).toBe(2)
    expect(verdict.problems.slice(0, 3)).toEqual([
      { kind: 'block-root', height: 2, fromSeq: 2, toSeq: 2 },
      { kind: 'block-signatures', height: 2, fromSeq: 2, valid: 0 },
      { kind: 'block-link', height: 3, fromSeq: 3 },
    ])
  })

  it('names the entries a deleted header sealed', async () => {
    const file = tamperedCopy((db) => {
      db.prepare(
        'DELETE FROM ledger_blocks WHERE ballot_id = ? AND height = 2',
      ).run(BALLOT)
    })
    const [verdict] = await verdictOf(file)
    expect(verdict.firstBadSeq).toBe(2)
    expect(verdict.problems).toEqual([
      { kind: 'block-link', height: 2, fromSeq: 2 },
      { kind: 'unsealed', fromSeq: 2, toSeq: 5 },
    ])
  })

  it('names reordered headers', async () => {
    const file = tamperedCopy((db) => swap(db, 'ledger_blocks', 'height', 2, 3))
    const [verdict] = await verdictOf(file)
    expect(verdict.firstBadSeq).toBe(2)
    expect(verdict.problems[0]).toEqual({
      kind: 'block-link',
      height: 2,
      fromSeq: 2,
    })
  })

  it('names an inserted entry under a header signed by keys that are not the endorsers’', async () => {
    const file = tamperedCopy((db) => {
      const last = db
        .prepare(
          'SELECT * FROM ledger_blocks WHERE ballot_id = ? ORDER BY height DESC LIMIT 1',
        )
        .get(BALLOT) as { hash: string; height: number }
      const entry = appendEntry(db, BALLOT, 'vote', t.clock.now(), {
        voterId: 'VFORGED',
        choices: [],
      })
      const header: BlockHeader = {
        ballotId: BALLOT,
        height: last.height + 1,
        prevHash: last.hash,
        fromSeq: entry.seq,
        toSeq: entry.seq,
        root: merkleRoot([entry.hash]),
        sealedAt: t.clock.now(),
      }
      const forger = generateKeyPairSync('ed25519').privateKey
      const endorsements = ['town-office', 'residents-committee'].map(
        (endorser) => ({
          endorser,
          signature: sign(null, headerMessage(header), forger).toString('hex'),
        }),
      )
      db.prepare(
        'INSERT INTO ledger_blocks (ballot_id, height, prev_hash, from_seq, to_seq, root, sealed_at, hash, endorsements) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      ).run(
        BALLOT,
        header.height,
        header.prevHash,
        header.fromSeq,
        header.toSeq,
        header.root,
        header.sealedAt,
        headerHash(header),
        JSON.stringify(endorsements),
      )
    })
    const [verdict] = await verdictOf(file)
    expect(verdict.firstBadSeq).toBe(6)
    expect(verdict.problems).toEqual([
      { kind: 'block-signatures', height: 6, fromSeq: 6, valid: 0 },
    ])
  })

  it('exits 2 when the store is not there', () => {
    const result = run(path.join(dir, 'missing.sqlite'))
    expect(result.status).toBe(2)
    expect(result.stderr).toBe(
      `ledger: no store at ${path.join(dir, 'missing.sqlite')}\n`,
    )
  })
})
