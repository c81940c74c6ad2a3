import type { Store } from '../store/database'
import type { Signer } from './signing'

/** What every service needs: the store, the clock and the server key. */
export interface Context {
  db: Store
  /** Epoch milliseconds. Every time decision reads this clock. */
  now: () => number
  secret: Uint8Array
  /** The record's signing keys: receipts and the endorsers' seals. */
  signer: Signer
}

export const MINUTE = 60_000
export const HOUR = 60 * MINUTE
export const DAY = 24 * HOUR

export function iso(ms: number): string {
  return new Date(ms).toISOString()
}

// Shanghai keeps UTC+8 all year (no daylight saving since 1991).
const SHANGHAI_OFFSET = 8 * HOUR

/** The calendar date in Shanghai, as YYYYMMDD. */
export function shanghaiDate(ms: number): string {
  return new Date(ms + SHANGHAI_OFFSET)
    .toISOString()
    .slice(0, 10)
    .replace(/-/g, '')
}
