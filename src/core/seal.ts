/**
 * What is signed in the voting record, and how a signature is checked:
 * the one place that fixes the bytes, for the backend that signs (with
 * Node's crypto) and for the app, the auditor's tools and the tests that
 * verify (with @noble/curves, pure JS, so it runs in a mini-program).
 *
 * Every signed message is a domain tag line followed by canonical JSON
 * (record.ts). The tag keeps a signature made for one purpose from being
 * replayed for another: a receipt's signature can never pass as a block
 * header's, even if their JSON happened to coincide.
 *
 *   block header  "linli/block-header/v1\n" + canonicalJson(header)
 *   receipt       "linli/receipt/v1\n" + canonicalJson(claim)
 *
 * A header's hash (what the next header links to) is SHA-256 of the same
 * bytes that are signed. Signatures are Ed25519 (RFC 8032), checked
 * strictly: no non-canonical encodings, so a signature has one spelling.
 */
import { ed25519 } from '@noble/curves/ed25519.js'
import { hexToBytes, utf8ToBytes } from '@noble/hashes/utils.js'

import { canonicalJson, sha256Hex } from './record'

const HEADER_TAG = 'linli/block-header/v1\n'
const RECEIPT_TAG = 'linli/receipt/v1\n'

/**
 * The independent parties who co-sign every block. Each holds its own
 * key; no one of them, and not the backend, can rewrite a sealed block.
 */
export const ENDORSERS = [
  'town-office',
  'residents-committee',
  'owners-committee',
] as const

export type EndorserId = (typeof ENDORSERS)[number]

export const ENDORSER_TEXT: Record<EndorserId, string> = {
  'town-office': '镇政府',
  'residents-committee': '居委会',
  'owners-committee': '业委会',
}

/** Signatures a header needs to count as sealed. */
export const SEAL_QUORUM = 2

/** Public keys (32 bytes, hex) the app ships with and checks against. */
export interface TrustedKeys {
  /** Signs receipts. */
  backend: string
  endorsers: Record<EndorserId, string>
}

export interface BlockHeader {
  ballotId: string
  /** 1 for a ballot's first block. */
  height: number
  /** Hash of the block before; GENESIS_HASH for the first. */
  prevHash: string
  /** The record entries the block seals, inclusive. */
  fromSeq: number
  toSeq: number
  /** Merkle root (merkle.ts) of those entries' hashes. */
  root: string
  /** Epoch milliseconds. */
  sealedAt: number
}

export interface Endorsement {
  endorser: EndorserId
  /** Ed25519 signature over headerMessage, hex. */
  signature: string
}

export interface SealedBlock {
  header: BlockHeader
  /** headerHash(header), what the next header's prevHash names. */
  hash: string
  endorsements: Endorsement[]
}

/** What a receipt's signature vouches for. */
export interface ReceiptClaim {
  ballotId: string
  seq: number
  entryHash: string
  /** ISO time the vote was recorded. */
  castAt: string
  /** The per-ballot pseudonym the record names the voter by. */
  voterId: string
}

function headerJson(h: BlockHeader): string {
  return canonicalJson({
    ballotId: h.ballotId,
    height: h.height,
    prevHash: h.prevHash,
    fromSeq: h.fromSeq,
    toSeq: h.toSeq,
    root: h.root,
    sealedAt: h.sealedAt,
  })
}

export function headerMessage(header: BlockHeader): Uint8Array {
  return utf8ToBytes(HEADER_TAG + headerJson(header))
}

export function headerHash(header: BlockHeader): string {
  return sha256Hex(HEADER_TAG + headerJson(header))
}

export function receiptMessage(claim: ReceiptClaim): Uint8Array {
  return utf8ToBytes(
    RECEIPT_TAG +
      canonicalJson({
        ballotId: claim.ballotId,
        seq: claim.seq,
        entryHash: claim.entryHash,
        castAt: claim.castAt,
        voterId: claim.voterId,
      }),
  )
}

const STRICT = { zip215: false }

/** False for a wrong or malformed signature or key; never throws. */
export function verifySignature(
  publicKeyHex: string,
  message: Uint8Array,
  signatureHex: string,
): boolean {
  try {
    return ed25519.verify(
      hexToBytes(signatureHex),
      message,
      hexToBytes(publicKeyHex),
      STRICT,
    )
  } catch {
    return false
  }
}

export interface EndorsementCheck {
  /** Endorsers whose signature checks out, each counted once. */
  valid: EndorserId[]
  /** Endorsements present that do not check out. */
  invalid: string[]
  sealed: boolean
}

export function checkEndorsements(
  header: BlockHeader,
  endorsements: readonly Endorsement[],
  keys: TrustedKeys,
): EndorsementCheck {
  const message = headerMessage(header)
  const valid = new Set<EndorserId>()
  const invalid: string[] = []
  for (const e of endorsements) {
    const key = (keys.endorsers as Record<string, string | undefined>)[
      e.endorser
    ]
    if (key !== undefined && verifySignature(key, message, e.signature)) {
      valid.add(e.endorser)
    } else {
      invalid.push(String(e.endorser))
    }
  }
  // Listed in the fixed order, so a result reads the same every time.
  const ordered = ENDORSERS.filter((id) => valid.has(id))
  return { valid: ordered, invalid, sealed: ordered.length >= SEAL_QUORUM }
}

export function checkReceiptSignature(
  claim: ReceiptClaim,
  signatureHex: string,
  keys: TrustedKeys,
): boolean {
  return verifySignature(keys.backend, receiptMessage(claim), signatureHex)
}
