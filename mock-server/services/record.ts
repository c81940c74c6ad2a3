/**
 * Appending to and reading a ballot's hash-linked record. The hashing
 * rules are the core's (src/core/record.ts), so the app and an auditor
 * compute the same bytes. Callers append inside their own transaction.
 */
import type { Canonical, RecordEntry } from '@/core/record'
import { entryHash, GENESIS_HASH } from '@/core/record'

import type { Store } from '../store/database'
import { sql } from '../store/database'

export type EntryKind =
  | 'roll'
  | 'vote'
  // Running a ballot and proxies (issue 3): the agenda as announced, the
  // result as published, and an owner's proxy granted or revoked.
  | 'announce'
  | 'result'
  | 'proxy-grant'
  | 'proxy-revoke'

export interface StoredEntry extends RecordEntry {
  hash: string
}

interface EntryRow {
  ballot_id: string
  seq: number
  prev_hash: string
  hash: string
  kind: string
  at: number
  body: string
}

export function appendEntry(
  db: Store,
  ballotId: string,
  kind: EntryKind,
  at: number,
  body: { readonly [key: string]: Canonical },
): StoredEntry {
  const last = sql(
    db,
    'SELECT seq, hash FROM record_entries WHERE ballot_id = ? ORDER BY seq DESC LIMIT 1',
  ).get(ballotId) as { seq: number; hash: string } | undefined
  const entry: RecordEntry = {
    ballotId,
    seq: (last?.seq ?? 0) + 1,
    prevHash: last?.hash ?? GENESIS_HASH,
    kind,
    at,
    body,
  }
  const hash = entryHash(entry)
  sql(
    db,
    'INSERT INTO record_entries (ballot_id, seq, prev_hash, hash, kind, at, body) VALUES (?, ?, ?, ?, ?, ?, ?)',
  ).run(
    ballotId,
    entry.seq,
    entry.prevHash,
    hash,
    kind,
    at,
    JSON.stringify(body),
  )
  return { ...entry, hash }
}

export function readRecord(db: Store, ballotId: string): StoredEntry[] {
  const rows = sql(
    db,
    'SELECT * FROM record_entries WHERE ballot_id = ? ORDER BY seq',
  ).all(ballotId) as EntryRow[]
  return rows.map((row) => ({
    ballotId: row.ballot_id,
    seq: row.seq,
    prevHash: row.prev_hash,
    hash: row.hash,
    kind: row.kind,
    at: row.at,
    body: JSON.parse(row.body) as { [key: string]: Canonical },
  }))
}
