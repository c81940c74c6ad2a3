/**
 * The operators' check of a store's voting records:
 *
 *   npm run ledger:verify [-- --db PATH] [--keys DIR]
 *
 * For every ballot: each entry's hash and link, each block's place in the
 * chain of headers, its Merkle root over the stored entries, its
 * endorsers' signatures (against the public keys of DIR, default
 * .data/keys), and that no entry is left outside a block. Prints one line
 * a ballot; exits 1 naming the first bad entry of each damaged ballot, 2
 * when the store or the keys can not be read.
 *
 * The store is opened read-only and not migrated: what is checked is what
 * is on disk.
 */
import Database from 'better-sqlite3'
import fs from 'node:fs'
import path from 'node:path'

import type { AuditProblem } from '../src/core/audit'
import { auditRecord, firstBadSeq } from '../src/core/audit'
import { RECORD_EXPORT_FORMAT } from '../src/core/record-api'
import type { TrustedKeys } from '../src/core/seal'
import { SEAL_QUORUM } from '../src/core/seal'
import { keysDir } from '../config/ledger-keys'
import { blocksOf } from '../mock-server/services/ledger'
import { readRecord } from '../mock-server/services/record'
import { loadSigner, trustedKeysOf } from '../mock-server/services/signing'
import type { Store } from '../mock-server/store/database'

const DEFAULT_DB = path.resolve(__dirname, '..', '.data', 'linli.sqlite')
const DAMAGED = 1
const CANNOT_CHECK = 2

export interface BallotVerdict {
  ballotId: string
  entries: number
  blocks: number
  fewestEndorsements: number
  problems: AuditProblem[]
  /** The first entry in doubt, or null when the record is sound. */
  firstBadSeq: number | null
}

export function describeProblem(p: AuditProblem): string {
  switch (p.kind) {
    case 'entry':
      return {
        seq: `entry ${p.seq} is missing or out of order (deleted, reordered or inserted)`,
        link: `entry ${p.seq} does not link to the entry before it (an entry before it was changed, reordered or inserted)`,
        hash: `entry ${p.seq} does not match its hash (changed)`,
      }[p.reason]
    case 'block-link':
      return `block ${p.height} is missing, out of order, inserted or does not follow on (first entry it should seal: ${p.fromSeq})`
    case 'block-root':
      return `entries ${p.fromSeq}–${p.toSeq} do not match the Merkle root sealed in block ${p.height}`
    case 'block-signatures':
      return `block ${p.height} carries ${p.valid} valid endorser signatures, ${SEAL_QUORUM} needed (header changed or forged)`
    case 'unsealed':
      return `entries ${p.fromSeq}–${p.toSeq} are in no block (inserted after sealing, or written in the seconds before a stop)`
    default:
      return p.kind
  }
}

function ballotIds(db: Store): string[] {
  const rows = db
    .prepare('SELECT DISTINCT ballot_id FROM record_entries ORDER BY ballot_id')
    .all() as { ballot_id: string }[]
  return rows.map((row) => row.ballot_id)
}

/** Every ballot's record in the store, checked with the app's audit code. */
export async function verifyStore(
  db: Store,
  keys: TrustedKeys,
): Promise<BallotVerdict[]> {
  const verdicts: BallotVerdict[] = []
  for (const ballotId of ballotIds(db)) {
    const report = await auditRecord(
      {
        format: RECORD_EXPORT_FORMAT,
        exportedAt: new Date(0).toISOString(),
        ballot: {
          id: ballotId,
          title: '',
          opensAt: new Date(0).toISOString(),
          closesAt: new Date(0).toISOString(),
          publishedAt: null,
          items: [],
        },
        roll: [],
        entries: readRecord(db, ballotId),
        blocks: blocksOf(db, ballotId),
      },
      keys,
      { recordOnly: true },
    )
    const seqs = report.problems
      .map(firstBadSeq)
      .filter((seq): seq is number => seq !== null)
    verdicts.push({
      ballotId,
      entries: report.entries,
      blocks: report.blocks,
      fewestEndorsements: report.fewestEndorsements,
      problems: report.problems,
      firstBadSeq: seqs.length > 0 ? Math.min(...seqs) : null,
    })
  }
  return verdicts
}

function argValue(argv: string[], name: string): string | undefined {
  const at = argv.indexOf(name)
  return at >= 0 ? argv[at + 1] : undefined
}

export async function main(argv: string[]): Promise<number> {
  const dbPath = path.resolve(argValue(argv, '--db') ?? DEFAULT_DB)
  const dir = path.resolve(argValue(argv, '--keys') ?? keysDir())
  if (!fs.existsSync(dbPath)) {
    process.stderr.write(`ledger: no store at ${dbPath}\n`)
    return CANNOT_CHECK
  }
  // Keys made now would match no signature: the ones that sealed are needed.
  if (!fs.existsSync(path.join(dir, 'backend.pem'))) {
    process.stderr.write(`ledger: no keys in ${dir}\n`)
    return CANNOT_CHECK
  }
  const db = new Database(dbPath, { readonly: true, fileMustExist: true })
  try {
    const verdicts = await verifyStore(db, trustedKeysOf(loadSigner(dir)))
    let damaged = 0
    for (const v of verdicts) {
      if (v.firstBadSeq === null) {
        process.stdout.write(
          `ok    ${v.ballotId}: ${v.entries} entries in ${v.blocks} blocks, each signed by at least ${v.fewestEndorsements} of 3 endorsers\n`,
        )
        continue
      }
      damaged++
      process.stdout.write(
        `FAIL  ${v.ballotId}: first bad entry ${v.firstBadSeq}\n`,
      )
      for (const p of v.problems) {
        process.stdout.write(`        ${describeProblem(p)}\n`)
      }
    }
    process.stdout.write(
      damaged === 0
        ? `ledger: ${verdicts.length} records verified\n`
        : `ledger: ${damaged} of ${verdicts.length} records damaged\n`,
    )
    return damaged === 0 ? 0 : DAMAGED
  } finally {
    db.close()
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code
    },
    (error: unknown) => {
      process.stderr.write(`ledger: ${String(error)}\n`)
      process.exitCode = CANNOT_CHECK
    },
  )
}
