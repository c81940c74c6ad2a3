/**
 * Seed data of features that came after the registers (repair cases,
 * notices, …). Each runs once per store, after the registers and ballots
 * exist, and is remembered by name, so a store seeded before a feature
 * existed gets that feature's data on its next start.
 */
import type { Store } from '../store/database'
import { getSetting, setSetting } from '../store/database'
import { electionsSeed } from './election-seed'
import { noticesSeed } from './notices-seed'
import { repairsSeed } from './repairs-seed'
import { tenderSeed } from './tender-seed'
import { ballotResultsSeed } from './voting-seed'

export interface FeatureSeed {
  name: string
  /** Runs inside a transaction; `now` is the seed time. */
  run(db: Store, now: number): void
}

/** Add a feature's seed here, at the end. */
export const FEATURE_SEEDS: readonly FeatureSeed[] = [
  noticesSeed,
  repairsSeed,
  ballotResultsSeed,
  electionsSeed,
  tenderSeed,
]

export function seedFeatures(
  db: Store,
  now: number,
  seeds: readonly FeatureSeed[] = FEATURE_SEEDS,
): string[] {
  const ran: string[] = []
  for (const seed of seeds) {
    const key = `seed.feature.${seed.name}`
    if (getSetting(db, key) !== null) continue
    db.transaction(() => {
      seed.run(db, now)
      setSetting(db, key, new Date(now).toISOString())
    })()
    ran.push(seed.name)
  }
  return ran
}
