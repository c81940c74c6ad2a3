import type { TrustedKeys } from '@/core/seal'

/**
 * The public keys the app was built with (config/index.ts embeds them
 * from the backend's key files). Receipts and sealed blocks are checked
 * against these and never against keys the network sends: a backend that
 * could hand out its own keys could vouch for anything.
 */
export function trustedKeys(): TrustedKeys {
  return LEDGER_PUBLIC_KEYS
}

/** The first characters of a key or hash, as a person compares them. */
export function shortHex(hex: string): string {
  return `${hex.slice(0, 8)}…${hex.slice(-4)}`
}
