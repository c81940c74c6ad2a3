/**
 * Sealing the voting record and answering for it: blocks of entries under
 * a Merkle root co-signed by the endorsers, a vote's inclusion proof, a
 * closed ballot's whole record, and the signature on every receipt. The
 * bytes hashed and signed are fixed in src/core (record.ts, merkle.ts,
 * seal.ts); this file only stores and signs.
 *
 * Sealing covers every entry kind (roll, vote, announce, result, proxies)
 * because it reads the record, not the votes. It runs on a timer in the
 * server (main.ts) and is called directly by tests with their own clock.
 */
import type { Receipt } from '@/core/api-types'
import { AppError } from '@/core/errors'
import { inclusionProof, merkleRoot } from '@/core/merkle'
import type {
  RecordEntryView,
  RecordExport,
  SignedReceipt,
  VoteProof,
} from '@/core/record-api'
import { RECORD_EXPORT_FORMAT } from '@/core/record-api'
import { GENESIS_HASH } from '@/core/record'
import type {
  BlockHeader,
  Endorsement,
  EndorserId,
  SealedBlock,
} from '@/core/seal'
import {
  ENDORSERS,
  headerHash,
  headerMessage,
  receiptMessage,
  SEAL_QUORUM,
} from '@/core/seal'

import type { Store } from '../store/database'
import { sql } from '../store/database'
import type { BallotRow } from './ballots'
import { itemsOf, phaseOf, visibleBallot } from './ballots'
import type { Context } from './context'
import { iso } from './context'
import { electionRules } from './elections'
import type { Viewer } from './identity'
import { publishRoll } from './published-roll'
import { readRecord } from './record'
import { frozenRoll } from './roll'
import { signHex } from './signing'

/**
 * A block holds at most this many entries: a busy moment is sealed as
 * several blocks, and a proof's path stays at ten hashes or fewer.
 */
export const BLOCK_MAX_ENTRIES = 1024

/** How often the server seals what has come in since the last block. */
export const SEAL_EVERY_MS = 2000

interface BlockRow {
  ballot_id: string
  height: number
  prev_hash: string
  from_seq: number
  to_seq: number
  root: string
  sealed_at: number
  hash: string
  endorsements: string
}

function blockOf(row: BlockRow): SealedBlock {
  return {
    header: {
      ballotId: row.ballot_id,
      height: row.height,
      prevHash: row.prev_hash,
      fromSeq: row.from_seq,
      toSeq: row.to_seq,
      root: row.root,
      sealedAt: row.sealed_at,
    },
    hash: row.hash,
    endorsements: JSON.parse(row.endorsements) as Endorsement[],
  }
}

export function blocksOf(db: Store, ballotId: string): SealedBlock[] {
  const rows = sql(
    db,
    'SELECT * FROM ledger_blocks WHERE ballot_id = ? ORDER BY height',
  ).all(ballotId) as BlockRow[]
  return rows.map(blockOf)
}

function entryHashes(
  db: Store,
  ballotId: string,
  fromSeq: number,
  toSeq: number,
): string[] {
  const rows = sql(
    db,
    'SELECT hash FROM record_entries WHERE ballot_id = ? AND seq BETWEEN ? AND ? ORDER BY seq',
  ).all(ballotId, fromSeq, toSeq) as { hash: string }[]
  return rows.map((row) => row.hash)
}

function entryAt(
  db: Store,
  ballotId: string,
  seq: number,
): RecordEntryView | null {
  const row = sql(
    db,
    'SELECT * FROM record_entries WHERE ballot_id = ? AND seq = ?',
  ).get(ballotId, seq) as
    | {
        prev_hash: string
        hash: string
        kind: string
        at: number
        body: string
      }
    | undefined
  if (!row) return null
  return {
    ballotId,
    seq,
    prevHash: row.prev_hash,
    hash: row.hash,
    kind: row.kind,
    at: row.at,
    body: JSON.parse(row.body) as RecordEntryView['body'],
  }
}

export interface SealOptions {
  maxEntries?: number
  /**
   * The endorsers who answer this time; all three unless a test says
   * otherwise. With fewer than SEAL_QUORUM nothing is sealed.
   */
  endorsers?: readonly EndorserId[]
}

function sealBallot(
  ctx: Context,
  ballotId: string,
  now: number,
  maxEntries: number,
  endorsers: readonly EndorserId[],
): SealedBlock[] {
  const { db } = ctx
  const head = sql(
    db,
    'SELECT max(seq) AS seq FROM record_entries WHERE ballot_id = ?',
  ).get(ballotId) as { seq: number | null }
  const lastRow = sql(
    db,
    'SELECT * FROM ledger_blocks WHERE ballot_id = ? ORDER BY height DESC LIMIT 1',
  ).get(ballotId) as BlockRow | undefined
  let last = lastRow ? blockOf(lastRow) : null
  const sealed: SealedBlock[] = []
  const insert = sql(
    db,
    `INSERT INTO ledger_blocks (ballot_id, height, prev_hash, from_seq,
        to_seq, root, sealed_at, hash, endorsements)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  )

  let next = (last?.header.toSeq ?? 0) + 1
  while (head.seq !== null && next <= head.seq) {
    const toSeq = Math.min(head.seq, next + maxEntries - 1)
    const header: BlockHeader = {
      ballotId,
      height: (last?.header.height ?? 0) + 1,
      prevHash: last?.hash ?? GENESIS_HASH,
      fromSeq: next,
      toSeq,
      root: merkleRoot(entryHashes(db, ballotId, next, toSeq)),
      sealedAt: now,
    }
    const message = headerMessage(header)
    const endorsements = endorsers.map((endorser) => ({
      endorser,
      signature: signHex(ctx.signer.endorsers[endorser], message),
    }))
    const block = { header, hash: headerHash(header), endorsements }
    insert.run(
      ballotId,
      header.height,
      header.prevHash,
      header.fromSeq,
      header.toSeq,
      header.root,
      header.sealedAt,
      block.hash,
      JSON.stringify(endorsements),
    )
    sealed.push(block)
    last = block
    next = toSeq + 1
  }
  return sealed
}

/** Seals every ballot's entries that no block covers yet, as of `now`. */
export function sealPending(
  ctx: Context,
  now: number,
  options: SealOptions = {},
): SealedBlock[] {
  const endorsers = options.endorsers ?? ENDORSERS
  if (new Set(endorsers).size < SEAL_QUORUM) return []
  const maxEntries = options.maxEntries ?? BLOCK_MAX_ENTRIES
  const ballots = sql(
    ctx.db,
    'SELECT DISTINCT ballot_id FROM record_entries',
  ).all() as { ballot_id: string }[]
  const sealed: SealedBlock[] = []
  for (const { ballot_id: ballotId } of ballots) {
    // One transaction a ballot: a block and its range are never half
    // written, and a vote arriving meanwhile waits for the next block.
    const blocks = ctx.db.transaction(() =>
      sealBallot(ctx, ballotId, now, maxEntries, endorsers),
    )()
    sealed.push(...blocks)
  }
  return sealed
}

/**
 * Seals on a timer until the returned function is called. A failure is
 * logged and the next tick tries again: the entries wait, they are not
 * lost.
 */
export function startSealing(
  ctx: Context,
  everyMs: number,
  onError: (error: unknown) => void,
): () => void {
  const timer = setInterval(() => {
    try {
      sealPending(ctx, ctx.now())
    } catch (error) {
      onError(error)
    }
  }, everyMs)
  timer.unref()
  return () => clearInterval(timer)
}

/** The backend's signature on a receipt, made as it is answered. */
export function signReceipt(ctx: Context, receipt: Receipt): SignedReceipt {
  const vote = sql(
    ctx.db,
    'SELECT voter_id FROM votes WHERE ballot_id = ? AND seq = ?',
  ).get(receipt.ballotId, receipt.seq) as { voter_id: string }
  const claim = {
    ballotId: receipt.ballotId,
    seq: receipt.seq,
    entryHash: receipt.entryHash,
    castAt: receipt.castAt,
    voterId: vote.voter_id,
  }
  // Ed25519 is deterministic: signing again later gives the same bytes,
  // so a receipt listed again is the receipt first handed out.
  const signature = signHex(ctx.signer.backend, receiptMessage(claim))
  return { ...receipt, voterId: vote.voter_id, signature }
}

/**
 * The proof that the viewer's own vote is in a sealed block. Only the
 * person who cast it gets it: while a ballot is open, an entry shows a
 * choice, and nobody may see how others vote.
 */
export function voteProof(
  ctx: Context,
  viewer: Viewer,
  ballotId: string,
  seq: number,
): VoteProof {
  visibleBallot(ctx, viewer, ballotId)
  const mine = sql(
    ctx.db,
    'SELECT 1 FROM votes WHERE ballot_id = ? AND seq = ? AND cast_by = ?',
  ).get(ballotId, seq, viewer.personId)
  if (!mine) throw new AppError('RECORD_ENTRY_NOT_FOUND')
  const entry = entryAt(ctx.db, ballotId, seq)
  if (!entry) throw new AppError('RECORD_ENTRY_NOT_FOUND')

  const row = sql(
    ctx.db,
    'SELECT * FROM ledger_blocks WHERE ballot_id = ? AND from_seq <= ? AND to_seq >= ?',
  ).get(ballotId, seq, seq) as BlockRow | undefined
  if (!row) throw new AppError('RECORD_NOT_SEALED')
  const block = blockOf(row)
  const hashes = entryHashes(ctx.db, ballotId, row.from_seq, row.to_seq)
  return {
    ballotId,
    seq,
    entry,
    proof: inclusionProof(hashes, seq - row.from_seq),
    block,
  }
}

/** A ballot's whole record as one file; for any phase (scripts, tests). */
export function exportRecord(
  db: Store,
  ballot: BallotRow,
  now: number,
): RecordExport {
  return {
    format: RECORD_EXPORT_FORMAT,
    exportedAt: iso(now),
    ballot: {
      id: ballot.id,
      title: ballot.title,
      opensAt: iso(ballot.opens_at),
      closesAt: iso(ballot.closes_at),
      publishedAt:
        ballot.published_at === null ? null : iso(ballot.published_at),
      items: itemsOf(db, ballot.id).map((item) => {
        const election = electionRules(db, item)
        return {
          id: item.id,
          seq: item.seq,
          title: item.title,
          matter: item.matter,
          ...(election ? { election } : {}),
        }
      }),
    },
    roll: publishRoll(db, ballot.id, frozenRoll(db, ballot.id)),
    entries: readRecord(db, ballot.id),
    blocks: blocksOf(db, ballot.id),
  }
}

/**
 * The record for an owner's full audit: only once voting has closed, for
 * the same reason a proof is only for one's own vote.
 */
export function recordForViewer(
  ctx: Context,
  viewer: Viewer,
  ballotId: string,
): RecordExport {
  const ballot = visibleBallot(ctx, viewer, ballotId)
  const phase = phaseOf(ballot, ctx.now())
  if (phase !== 'closed' && phase !== 'published') {
    throw new AppError('RECORD_NOT_AVAILABLE')
  }
  return exportRecord(ctx.db, ballot, ctx.now())
}
