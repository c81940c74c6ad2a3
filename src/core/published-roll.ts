/**
 * A ballot's roll as it is published: pseudonyms and areas only. The
 * backend digests it into the ballot's first record entry when the roll
 * is frozen; an auditor recomputes the digest from the published roll and
 * compares, then checks that the voters were grouped by the tally's rule.
 *
 * Digest: SHA-256 of canonical JSON of the units sorted by pseudonym,
 * each as [unit, area in 0.01 m², voter, sorted owners, developerHeld].
 */
import { parseArea } from './area'
import { canonicalJson, sha256Hex } from './record'
import type { PublishedRollUnit } from './record-api'
import {
  rollTotals,
  TallyInputError,
  voterKeyOf,
  type Measure,
  type RollUnit,
} from './tally'

function centiOf(unit: PublishedRollUnit): number {
  const area = parseArea(unit.area)
  if (area === null) throw new TallyInputError('bad-area', unit.unit)
  return area
}

export function sortedRoll(
  roll: readonly PublishedRollUnit[],
): PublishedRollUnit[] {
  return [...roll].sort((a, b) =>
    a.unit < b.unit ? -1 : a.unit > b.unit ? 1 : 0,
  )
}

/** Throws TallyInputError for an area that is no positive decimal. */
export function rollDigest(roll: readonly PublishedRollUnit[]): string {
  return sha256Hex(
    canonicalJson(
      sortedRoll(roll).map((u) => [
        u.unit,
        centiOf(u),
        u.voter,
        [...u.owners].sort(),
        u.developerHeld,
      ]),
    ),
  )
}

/** The roll as the core tally reads it. */
export function rollUnitsOf(roll: readonly PublishedRollUnit[]): RollUnit[] {
  return roll.map((u) => ({
    id: u.unit,
    area: centiOf(u),
    owners: u.owners,
    developerHeld: u.developerHeld,
  }))
}

export function publishedRollTotals(
  roll: readonly PublishedRollUnit[],
): Measure {
  return rollTotals(rollUnitsOf(roll))
}

/**
 * The first unit whose voter breaks the tally's grouping, or null: units
 * with the same owners must share one voter pseudonym, and different
 * owners must not. A split would count one person twice; a merge would
 * let one person cast another's vote.
 */
export function misgroupedUnit(
  roll: readonly PublishedRollUnit[],
): string | null {
  const voterOfKey = new Map<string, string>()
  const keyOfVoter = new Map<string, string>()
  for (const u of sortedRoll(roll)) {
    const key = voterKeyOf({
      id: u.unit,
      area: 1,
      owners: u.owners,
      developerHeld: u.developerHeld,
    })
    const voter = voterOfKey.get(key)
    const known = keyOfVoter.get(u.voter)
    if ((voter !== undefined && voter !== u.voter) || (known ?? key) !== key) {
      return u.unit
    }
    voterOfKey.set(key, u.voter)
    keyOfVoter.set(u.voter, key)
  }
  return null
}
