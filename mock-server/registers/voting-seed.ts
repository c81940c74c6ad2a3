/**
 * Seed of running ballots (issue 3): the seeded ballot published before
 * this feature existed gets what publishing now writes, its `result`
 * record entry and its decision notice, as if its owners' committee had
 * published it at its recorded time.
 */
import { sql } from '../store/database'
import type { Store } from '../store/database'
import type { BallotRow } from '../services/ballots'
import { publish } from '../services/results'
import type { FeatureSeed } from './feature-seeds'

function publishedWithoutResult(db: Store): BallotRow[] {
  return sql(
    db,
    `SELECT * FROM ballots b WHERE published_at IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM record_entries e
                         WHERE e.ballot_id = b.id AND e.kind = 'result')`,
  ).all() as BallotRow[]
}

export const ballotResultsSeed: FeatureSeed = {
  name: 'ballot-results',
  run(db, now) {
    const ctx = { db, now: () => now }
    for (const ballot of publishedWithoutResult(db)) {
      const organizer = sql(
        db,
        'SELECT person_id FROM staff_roles WHERE estate_id = ? AND org = ? ORDER BY person_id LIMIT 1',
      ).get(ballot.estate_id, ballot.organizer_org) as
        { person_id: string } | undefined
      const at = ballot.published_at ?? now
      publish(ctx, ballot, at, organizer?.person_id ?? null)
    }
  },
}
