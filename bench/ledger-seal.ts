/**
 * How long the backend takes to seal 10,000 votes: the Merkle roots of
 * their blocks (at most BLOCK_MAX_ENTRIES entries each) and the three
 * endorsers' Ed25519 signatures on every header, written to the store.
 * Also the cost of signing the 10,000 receipts the votes were answered
 * with. Prints figures; asserts nothing.
 *
 *   npx tsx bench/ledger-seal.ts [VOTES]
 */
import { buildApp } from '../mock-server/app'
import {
  BLOCK_MAX_ENTRIES,
  sealPending,
  signReceipt,
} from '../mock-server/services/ledger'
import { appendEntry } from '../mock-server/services/record'
import { freshSigner } from '../mock-server/services/signing'
import { receiptCode } from '../src/core/record'

const VOTES = Number(process.argv[2] ?? 10_000)
const BALLOT = 'chenxi-ev-charging'
const RUNS = 5

function ms(start: number): string {
  return `${(performance.now() - start).toFixed(1)} ms`
}

async function run(): Promise<{ seal: number; sign: number }> {
  const app = await buildApp({
    dbPath: ':memory:',
    signer: freshSigner(),
    logger: false,
  })
  const { ctx } = app
  const at = Date.now()

  // The votes arrive (not timed): one record entry each, as appendVote
  // writes them.
  const entries = ctx.db.transaction(() =>
    Array.from({ length: VOTES }, (_, i) =>
      appendEntry(ctx.db, BALLOT, 'vote', at + i, {
        voterId: `V${String(i).padStart(12, '0')}`,
        choices: [{ itemId: `${BALLOT}-1`, choice: 'agree' }],
      }),
    ),
  )()

  const sealStart = performance.now()
  const blocks = sealPending(ctx, at + VOTES)
  const seal = performance.now() - sealStart
  if (blocks.length !== Math.ceil(VOTES / BLOCK_MAX_ENTRIES)) {
    throw new Error(`sealed ${blocks.length} blocks`)
  }

  // signReceipt reads the voter from the votes row (not timed).
  for (const e of entries) {
    ctx.db
      .prepare(
        'INSERT INTO votes (ballot_id, voter_id, choices, at, seq, entry_hash, idempotency_key) VALUES (?, ?, ?, ?, ?, ?, ?)',
      )
      .run(BALLOT, e.body.voterId as string, '[]', e.at, e.seq, e.hash, 'k')
  }
  const insertDone = performance.now()
  for (const e of entries) {
    signReceipt(ctx, {
      receiptCode: receiptCode(e.hash),
      ballotId: BALLOT,
      ballotTitle: '',
      units: [],
      castAt: new Date(e.at).toISOString(),
      seq: e.seq,
      entryHash: e.hash,
      choices: [],
    })
  }
  const sign = performance.now() - insertDone
  await app.close()
  return { seal, sign }
}

async function main(): Promise<void> {
  console.log(
    `sealing ${VOTES} votes (blocks of at most ${BLOCK_MAX_ENTRIES}, 3 endorsers)`,
  )
  const seals: number[] = []
  const signs: number[] = []
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now()
    const { seal, sign } = await run()
    seals.push(seal)
    signs.push(sign)
    console.log(
      `  run ${i + 1}: seal ${seal.toFixed(1)} ms, sign ${VOTES} receipts ${sign.toFixed(1)} ms (whole run ${ms(started)})`,
    )
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]
  console.log(
    `median: seal ${median(seals).toFixed(1)} ms (${Math.round((VOTES * 1000) / median(seals))} entries/s), receipts ${median(signs).toFixed(1)} ms (${Math.round((VOTES * 1000) / median(signs))}/s)`,
  )
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
