/**
 * A closed ballot's whole record as one JSON file, for an auditor:
 *
 *   npm run ledger:export -- BALLOT_ID [--db PATH] [--out FILE]
 *
 * The same file the app downloads for its full audit: the published roll
 * (pseudonyms only), every entry, every sealed block. Recount an item of
 * it with `npm run tally -- FILE --item ITEM_ID`. Writes to standard
 * output without --out. Exits 2 for an unknown or still open ballot.
 */
import Database from 'better-sqlite3'
import fs from 'node:fs'
import path from 'node:path'

import type { BallotRow } from '../mock-server/services/ballots'
import { phaseOf } from '../mock-server/services/ballots'
import { exportRecord } from '../mock-server/services/ledger'

const DEFAULT_DB = path.resolve(__dirname, '..', '.data', 'linli.sqlite')
const CANNOT_EXPORT = 2

function argValue(argv: string[], name: string): string | undefined {
  const at = argv.indexOf(name)
  return at >= 0 ? argv[at + 1] : undefined
}

function main(argv: string[]): number {
  const ballotId = argv[0]
  if (ballotId === undefined || ballotId.startsWith('--')) {
    process.stderr.write(
      'usage: npm run ledger:export -- BALLOT_ID [--db PATH] [--out FILE]\n',
    )
    return CANNOT_EXPORT
  }
  const dbPath = path.resolve(argValue(argv, '--db') ?? DEFAULT_DB)
  if (!fs.existsSync(dbPath)) {
    process.stderr.write(`ledger: no store at ${dbPath}\n`)
    return CANNOT_EXPORT
  }
  const db = new Database(dbPath, { readonly: true, fileMustExist: true })
  try {
    const ballot = db
      .prepare('SELECT * FROM ballots WHERE id = ?')
      .get(ballotId) as BallotRow | undefined
    if (!ballot) {
      process.stderr.write(`ledger: no ballot ${ballotId}\n`)
      return CANNOT_EXPORT
    }
    const now = Date.now()
    const phase = phaseOf(ballot, now)
    // While voting runs, the record shows how people vote: not for export.
    if (phase !== 'closed' && phase !== 'published') {
      process.stderr.write(`ledger: ${ballotId} is ${phase}, not closed\n`)
      return CANNOT_EXPORT
    }
    const text = `${JSON.stringify(exportRecord(db, ballot, now))}\n`
    const out = argValue(argv, '--out')
    if (out) fs.writeFileSync(out, text)
    else process.stdout.write(text)
    return 0
  } finally {
    db.close()
  }
}

process.exitCode = main(process.argv.slice(2))
