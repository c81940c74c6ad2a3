/**
 * The voting record's hashing. Every accepted vote becomes an entry whose
 * hash covers the hash of the entry before it, so changing, removing or
 * reordering any stored entry breaks every hash after it. Backend and app
 * share this file, so both compute the same bytes.
 *
 * Canonical form: JSON with object keys sorted by code unit, no white
 * space, and only strings, safe integers, booleans, null, arrays and plain
 * objects. Floats are refused: they have more than one spelling.
 */
import { sha256 } from '@noble/hashes/sha2.js'
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js'

export type Canonical =
  | string
  | number
  | boolean
  | null
  | readonly Canonical[]
  | { readonly [key: string]: Canonical }

export function canonicalJson(value: Canonical): string {
  if (value === null || typeof value === 'boolean') return String(value)
  if (typeof value === 'string') return JSON.stringify(value)
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) {
      throw new TypeError(`not a safe integer: ${value}`)
    }
    return String(value)
  }
  if (Array.isArray(value)) {
    return `[${value.map((item: Canonical) => canonicalJson(item)).join(',')}]`
  }
  const object = value as { readonly [key: string]: Canonical }
  const keys = Object.keys(object).sort()
  const fields = keys
    .filter((key) => object[key] !== undefined)
    .map((key) => `${JSON.stringify(key)}:${canonicalJson(object[key])}`)
  return `{${fields.join(',')}}`
}

export function sha256Hex(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text)))
}

/** The hash the first entry of a ballot's log links to. */
export const GENESIS_HASH = '0'.repeat(64)

export interface RecordEntry {
  ballotId: string
  seq: number
  prevHash: string
  kind: string
  at: number
  body: { readonly [key: string]: Canonical }
}

export function entryHash(entry: RecordEntry): string {
  return sha256Hex(
    canonicalJson({
      ballotId: entry.ballotId,
      seq: entry.seq,
      prevHash: entry.prevHash,
      kind: entry.kind,
      at: entry.at,
      body: entry.body,
    }),
  )
}

export type ChainProblemReason = 'seq' | 'link' | 'hash'

export type ChainCheck =
  | { ok: true; entries: number; head: string }
  | { ok: false; firstBadSeq: number; reason: ChainProblemReason }

/**
 * What is wrong with one entry, given the seq it should have and the hash
 * of the entry before it; null when nothing is. verifyChain walks a whole
 * log with it, and the app's audit walks one in chunks.
 */
export function entryProblem(
  entry: RecordEntry & { hash: string },
  expectedSeq: number,
  prevHash: string,
): ChainProblemReason | null {
  if (entry.seq !== expectedSeq) return 'seq'
  if (entry.prevHash !== prevHash) return 'link'
  if (entryHash(entry) !== entry.hash) return 'hash'
  return null
}

/** Walks a ballot's log in order and names the first entry that is off. */
export function verifyChain(
  entries: readonly (RecordEntry & { hash: string })[],
): ChainCheck {
  let prev = GENESIS_HASH
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i]
    const reason = entryProblem(entry, i + 1, prev)
    if (reason !== null) {
      // A gap is named by the seq that is missing, not by the one found.
      const firstBadSeq = reason === 'seq' ? i + 1 : entry.seq
      return { ok: false, firstBadSeq, reason }
    }
    prev = entry.hash
  }
  return { ok: true, entries: entries.length, head: prev }
}

// Crockford's base32 leaves out I, L, O and U, which people misread.
const RECEIPT_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'

/**
 * A short code a voter can read aloud or compare by eye: the first 50 bits
 * of the entry hash in base32, as XXXXX-XXXXX.
 */
export function receiptCode(hash: string): string {
  let bits = ''
  for (const hex of hash.slice(0, 13)) {
    bits += parseInt(hex, 16).toString(2).padStart(4, '0')
  }
  let code = ''
  for (let i = 0; i < 50; i += 5) {
    code += RECEIPT_ALPHABET[parseInt(bits.slice(i, i + 5), 2)]
  }
  return `${code.slice(0, 5)}-${code.slice(5)}`
}
