/**
 * The backend's side of the record's signatures: it signs with Node's
 * crypto (about twenty times faster than the pure-JS library the app
 * verifies with) over the bytes src/core/seal.ts fixes, so anything it
 * signs checks out in the app, the auditor's tools and the tests.
 */
import type { KeyObject } from 'node:crypto'
import { sign } from 'node:crypto'

import type { EndorserId, TrustedKeys } from '@/core/seal'
import { ENDORSERS } from '@/core/seal'

import type { KeyId, KeyRing } from '../../config/ledger-keys'
import {
  freshKeyRing,
  loadKeyRing,
  publicKeyHex,
} from '../../config/ledger-keys'

// The key files know the endorsers by the same names as the core; this
// line stops compiling if the two lists drift apart.
const SAME_ENDORSERS: readonly Exclude<KeyId, 'backend'>[] = ENDORSERS

export interface Signer {
  backend: KeyObject
  endorsers: Record<EndorserId, KeyObject>
}

function signerOf(ring: KeyRing): Signer {
  const endorsers = {} as Record<EndorserId, KeyObject>
  for (const id of SAME_ENDORSERS) endorsers[id] = ring[id]
  return { backend: ring.backend, endorsers }
}

/** The keys in .data/keys (LEDGER_KEYS_DIR), made on first use. */
export function loadSigner(dir?: string): Signer {
  return signerOf(loadKeyRing(dir))
}

/** Keys of its own, kept nowhere: a test that must not share keys. */
export function freshSigner(): Signer {
  return signerOf(freshKeyRing())
}

export function signHex(key: KeyObject, message: Uint8Array): string {
  return sign(null, message, key).toString('hex')
}

/** The public half, as the app ships it. */
export function trustedKeysOf(signer: Signer): TrustedKeys {
  const endorsers = {} as Record<EndorserId, string>
  for (const id of ENDORSERS) endorsers[id] = publicKeyHex(signer.endorsers[id])
  return { backend: publicKeyHex(signer.backend), endorsers }
}
