/**
 * A frozen roll as the public sees it (src/core/published-roll.ts): rooms
 * and people replaced by pseudonyms made for this ballot alone, so the
 * record of one ballot can not be joined with another's to follow a
 * person. Pseudonyms are derived with a keyed hash from the server's
 * secret, so they need no table and come out the same every time; nobody
 * without that secret can tell whose they are.
 */
import { createHmac } from 'node:crypto'

import { formatArea } from '@/core/area'
import type { PublishedRollUnit } from '@/core/record-api'
import { sortedRoll } from '@/core/published-roll'

import type { Store } from '../store/database'
import { serverSecret } from '../store/database'
import type { RollRow } from './roll'

// 48 bits: a collision among an estate's few thousand units or people
// would take billions of them.
const PSEUDONYM_HEX = 12

function pseudonymKey(db: Store): Buffer {
  return createHmac('sha256', serverSecret(db))
    .update('linli/roll-pseudonyms/v1')
    .digest()
}

export function publishRoll(
  db: Store,
  ballotId: string,
  rows: readonly RollRow[],
): PublishedRollUnit[] {
  const key = pseudonymKey(db)
  const pseudonym = (prefix: string, id: string) =>
    prefix +
    createHmac('sha256', key)
      .update(`${prefix}\n${ballotId}\n${id}`)
      .digest('hex')
      .slice(0, PSEUDONYM_HEX)
      .toUpperCase()
  return sortedRoll(
    rows.map((row) => ({
      unit: pseudonym('U', row.unitId),
      area: formatArea(row.area),
      voter: row.voterId ?? '',
      owners: row.owners.map((o) => pseudonym('P', o)).sort(),
      developerHeld: row.developerHeld,
    })),
  )
}
