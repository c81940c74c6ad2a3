/**
 * How long the full audit of a 100,000-vote ballot takes with the code
 * the app runs (src/core/audit.ts, pure-JS SHA-256 and Ed25519): every
 * entry's hash and link, every block's Merkle root and three signatures,
 * the roll digest and grouping, and the recount. Once straight through,
 * as the terminal and the tests run it, and once yielding to the event
 * loop between chunks, as the phone does. Prints figures; asserts nothing.
 *
 *   npx tsx bench/ledger-audit.ts [VOTES]
 */
import { sign } from 'node:crypto'

import { freshSigner, trustedKeysOf } from '../mock-server/services/signing'
import type { AuditStage } from '../src/core/audit'
import { auditRecord } from '../src/core/audit'
import { merkleRoot } from '../src/core/merkle'
import { rollDigest, publishedRollTotals } from '../src/core/published-roll'
import type {
  PublishedRollUnit,
  RecordEntryView,
  RecordExport,
} from '../src/core/record-api'
import { RECORD_EXPORT_FORMAT } from '../src/core/record-api'
import { entryHash, GENESIS_HASH } from '../src/core/record'
import type { SealedBlock } from '../src/core/seal'
import { ENDORSERS, headerHash, headerMessage } from '../src/core/seal'
import { BLOCK_MAX_ENTRIES } from '../mock-server/services/ledger'

const VOTES = Number(process.argv[2] ?? 100_000)
const BALLOT = 'bench-ballot'
const CHOICES = ['agree', 'oppose', 'abstain'] as const

function hex12(n: number): string {
  return n.toString(16).toUpperCase().padStart(12, '0')
}

/** A closed ballot with one vote from every voter, sealed and signed. */
function makeExport(signer: ReturnType<typeof freshSigner>): RecordExport {
  const roll: PublishedRollUnit[] = Array.from({ length: VOTES }, (_, i) => ({
    unit: `U${hex12(i)}`,
    area: `${60 + (i % 120)}.${String(i % 100).padStart(2, '0')}`,
    voter: `V${hex12(i)}`,
    owners: [`P${hex12(i)}`],
    developerHeld: false,
  }))
  const totals = publishedRollTotals(roll)
  const at = Date.UTC(2026, 11, 1)
  const entries: RecordEntryView[] = []
  const push = (kind: string, body: RecordEntryView['body']) => {
    const prev = entries[entries.length - 1]
    const entry = {
      ballotId: BALLOT,
      seq: entries.length + 1,
      prevHash: prev ? prev.hash : GENESIS_HASH,
      kind,
      at: at + entries.length,
      body,
    }
    entries.push({ ...entry, hash: entryHash(entry) })
  }
  push('roll', {
    units: roll.length,
    area: totals.area,
    headcount: totals.headcount,
    rollHash: rollDigest(roll),
  })
  for (let i = 0; i < VOTES; i++) {
    push('vote', {
      voterId: roll[i].voter,
      choices: [
        {
          itemId: `${BALLOT}-1`,
          choice: CHOICES[i % 7 === 0 ? 1 : i % 11 === 0 ? 2 : 0],
        },
      ],
    })
  }

  const blocks: SealedBlock[] = []
  for (let from = 1; from <= entries.length; from += BLOCK_MAX_ENTRIES) {
    const to = Math.min(entries.length, from + BLOCK_MAX_ENTRIES - 1)
    const header = {
      ballotId: BALLOT,
      height: blocks.length + 1,
      prevHash: blocks.length ? blocks[blocks.length - 1].hash : GENESIS_HASH,
      fromSeq: from,
      toSeq: to,
      root: merkleRoot(entries.slice(from - 1, to).map((e) => e.hash)),
      sealedAt: at + VOTES + 1000,
    }
    blocks.push({
      header,
      hash: headerHash(header),
      endorsements: ENDORSERS.map((endorser) => ({
        endorser,
        signature: sign(
          null,
          headerMessage(header),
          signer.endorsers[endorser],
        ).toString('hex'),
      })),
    })
  }
  return {
    format: RECORD_EXPORT_FORMAT,
    exportedAt: new Date(at + VOTES + 2000).toISOString(),
    ballot: {
      id: BALLOT,
      title: 'bench',
      opensAt: new Date(at - 1000).toISOString(),
      closesAt: new Date(at + VOTES + 500).toISOString(),
      publishedAt: null,
      items: [
        { id: `${BALLOT}-1`, seq: 1, title: 'bench', matter: 'ordinary' },
      ],
    },
    roll,
    entries,
    blocks,
  }
}

async function timed(
  label: string,
  exported: RecordExport,
  keys: ReturnType<typeof trustedKeysOf>,
  pause?: () => Promise<void>,
): Promise<void> {
  const stageStart = new Map<AuditStage, number>()
  const stageEnd = new Map<AuditStage, number>()
  let longest = 0
  let last = performance.now()
  const started = performance.now()
  const report = await auditRecord(exported, keys, {
    pause: pause
      ? async () => {
          longest = Math.max(longest, performance.now() - last)
          await pause()
          last = performance.now()
        }
      : undefined,
    onProgress: (p) => {
      const now = performance.now()
      if (!stageStart.has(p.stage)) stageStart.set(p.stage, now)
      stageEnd.set(p.stage, now)
    },
  })
  const total = performance.now() - started
  if (!report.ok) throw new Error(JSON.stringify(report.problems))
  let previous = started
  const parts = [...stageEnd.entries()].map(([stage, end]) => {
    const text = `${stage} ${(end - previous).toFixed(0)} ms`
    previous = end
    return text
  })
  console.log(
    `${label}: ${total.toFixed(0)} ms (${parts.join(', ')})${pause ? `, longest stretch without yielding ${longest.toFixed(0)} ms` : ''}`,
  )
}

async function main(): Promise<void> {
  const signer = freshSigner()
  const keys = trustedKeysOf(signer)
  const built = performance.now()
  const exported = makeExport(signer)
  console.log(
    `full audit of ${VOTES} votes: ${exported.entries.length} entries, ${exported.blocks.length} blocks, ${JSON.stringify(exported).length} bytes of JSON (built in ${(performance.now() - built).toFixed(0)} ms)`,
  )
  for (let i = 1; i <= 3; i++) {
    await timed(`  straight through, run ${i}`, exported, keys)
  }
  for (let i = 1; i <= 2; i++) {
    await timed(
      `  in chunks as the app, run ${i}`,
      exported,
      keys,
      () => new Promise((resolve) => setTimeout(resolve, 0)),
    )
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
