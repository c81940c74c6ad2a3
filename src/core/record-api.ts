/**
 * The shapes of the voting record as the mock backend sends them and the
 * app, the auditor's tools and the tests read them: a vote's inclusion
 * proof, and a ballot's whole record as one file. Types only, with the
 * conventions of api-types.ts (ISO times in UTC, areas as "89.53").
 */
import type { Receipt } from './api-types'
import type { Canonical } from './record'
import type { InclusionProof } from './merkle'
import type { SealedBlock } from './seal'
import type { ElectionRules } from './election'
import type { Matter } from './tally'

/**
 * A receipt as the backend answers a vote and lists receipts: signed at
 * once over ReceiptClaim (seal.ts), so the app can check it with no
 * network against the public key it was built with. `voterId` is the
 * pseudonym the owner's vote carries in the record and the roll.
 */
export interface SignedReceipt extends Receipt {
  voterId: string
  /** Ed25519, hex, by the backend's key. */
  signature: string
}

/** A record entry as stored: hash-linked to the one before (record.ts). */
export interface RecordEntryView {
  ballotId: string
  seq: number
  prevHash: string
  hash: string
  kind: string
  /** Epoch milliseconds. */
  at: number
  body: { readonly [key: string]: Canonical }
}

/**
 * One unit of a ballot's published roll. Nothing in it names a room or a
 * person: `unit` and `owners` are pseudonyms made for this ballot alone,
 * `voter` is the pseudonym the record's entries use. Owners' pseudonyms
 * let anyone check that units with the same owners were made one voter
 * (the tally's rule), so a recount needs no names.
 */
export interface PublishedRollUnit {
  unit: string
  area: string
  voter: string
  owners: string[]
  developerHeld: boolean
}

/** GET /api/ballots/:ballotId/record/entries/:seq/proof */
export interface VoteProof {
  ballotId: string
  seq: number
  /** The viewer's own entry, so the app can recompute its hash. */
  entry: RecordEntryView
  proof: InclusionProof
  block: SealedBlock
}

export const RECORD_EXPORT_FORMAT = 'linli-record/1'

/**
 * GET /api/ballots/:ballotId/record, and the file `npm run ledger:export`
 * writes: everything a full audit needs, and what `npm run tally` reads
 * with `--item`.
 */
export interface RecordExport {
  format: typeof RECORD_EXPORT_FORMAT
  exportedAt: string
  ballot: {
    id: string
    title: string
    opensAt: string
    closesAt: string
    /** Null until the result is published, as a `result` entry. */
    publishedAt: string | null
    items: {
      id: string
      seq: number
      title: string
      matter: Matter
      /** On an election item; names as published (masked unless agreed). */
      election?: ElectionRules
    }[]
  }
  roll: PublishedRollUnit[]
  entries: RecordEntryView[]
  blocks: SealedBlock[]
}
