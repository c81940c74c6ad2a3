/**
 * The voting roll of a ballot: which units vote, with what area, grouped
 * into voters as the core tally groups them (voterKeyOf). The roll is
 * frozen when the ballot is announced and anchored in the ballot's record,
 * so a later change to the registers can not move a published roll.
 */
import type { BallotElectorate } from '@/core/voting-api'
import { rollDigest } from '@/core/published-roll'
import type { RollUnit } from '@/core/tally'
import { rollTotals, voterKeyOf } from '@/core/tally'

import type { Store } from '../store/database'
import { sql } from '../store/database'
import { publishRoll } from './published-roll'
import { appendEntry } from './record'

export interface RollRow {
  unitId: string
  building: string
  room: string
  area: number
  owners: string[]
  developerHeld: boolean
  /** Null while the ballot is a draft and the roll not yet frozen. */
  voterId: string | null
}

export function toRollUnit(row: RollRow): RollUnit {
  return {
    id: row.unitId,
    area: row.area,
    owners: row.owners,
    developerHeld: row.developerHeld,
  }
}

interface LiveUnitRow {
  id: string
  building: string
  room: string
  area: number
  developer_held: number
  owners: string | null
}

/** The units an electorate covers, as the registers stand now. */
export function liveRoll(
  db: Store,
  estateId: string,
  electorate: BallotElectorate,
): RollRow[] {
  const rows = sql(
    db,
    `SELECT u.id, b.number AS building, u.room, u.area, u.developer_held,
              (SELECT json_group_array(person_id) FROM unit_owners o
                WHERE o.unit_id = u.id) AS owners
         FROM units u JOIN buildings b ON b.id = u.building_id
        WHERE u.estate_id = ?
        ORDER BY u.id`,
  ).all(estateId) as LiveUnitRow[]
  const covers = electorateFilter(electorate)
  return rows
    .filter((row) => covers(row.building, row.room))
    .map((row) => ({
      unitId: row.id,
      building: row.building,
      room: row.room,
      area: row.area,
      owners: row.developer_held
        ? []
        : (JSON.parse(row.owners ?? '[]') as string[]),
      developerHeld: row.developer_held === 1,
      voterId: null,
    }))
}

/** Does the electorate cover a unit, named by building and room? */
export function electorateFilter(
  electorate: BallotElectorate,
): (building: string, room: string) => boolean {
  switch (electorate.kind) {
    case 'estate':
      return () => true
    case 'buildings': {
      const buildings = new Set(electorate.buildings)
      return (building) => buildings.has(building)
    }
    case 'units': {
      const units = new Set(electorate.units)
      return (building, room) => units.has(`${building}-${room}`)
    }
  }
}

interface FrozenRow {
  unit_id: string
  building: string
  room: string
  area: number
  owners: string
  developer_held: number
  voter_id: string
}

export function frozenRoll(db: Store, ballotId: string): RollRow[] {
  const rows = sql(
    db,
    `SELECT r.unit_id, b.number AS building, u.room, r.area, r.owners,
              r.developer_held, r.voter_id
         FROM ballot_roll r
         JOIN units u ON u.id = r.unit_id
         JOIN buildings b ON b.id = u.building_id
        WHERE r.ballot_id = ?
        ORDER BY r.unit_id`,
  ).all(ballotId) as FrozenRow[]
  return rows.map((row) => ({
    unitId: row.unit_id,
    building: row.building,
    room: row.room,
    area: row.area,
    owners: JSON.parse(row.owners) as string[],
    developerHeld: row.developer_held === 1,
    voterId: row.voter_id,
  }))
}

/**
 * Freezes the roll and writes its digest as the first record entry.
 * `newVoterId` makes the per-ballot pseudonyms: random in production,
 * seeded when the seed script calls this.
 */
export function freezeRoll(
  db: Store,
  ballotId: string,
  estateId: string,
  electorate: BallotElectorate,
  at: number,
  newVoterId: () => string,
): void {
  const rows = liveRoll(db, estateId, electorate)
  const voterIds = new Map<string, string>()
  const insertUnit = sql(
    db,
    'INSERT INTO ballot_roll (ballot_id, unit_id, area, owners, developer_held, voter_key, voter_id) VALUES (?, ?, ?, ?, ?, ?, ?)',
  )
  const insertOwner = sql(
    db,
    'INSERT OR IGNORE INTO ballot_roll_owners (ballot_id, voter_id, person_id) VALUES (?, ?, ?)',
  )
  for (const row of rows) {
    const unit = toRollUnit(row)
    const key = voterKeyOf(unit)
    let voterId = voterIds.get(key)
    if (voterId === undefined) {
      voterId = newVoterId()
      voterIds.set(key, voterId)
    }
    row.voterId = voterId
    insertUnit.run(
      ballotId,
      row.unitId,
      row.area,
      JSON.stringify(row.owners),
      row.developerHeld ? 1 : 0,
      key,
      voterId,
    )
    for (const owner of row.owners) insertOwner.run(ballotId, voterId, owner)
  }

  const totals = rollTotals(rows.map(toRollUnit))
  // The digest covers the roll as published, with pseudonyms only, so an
  // owner can check it without learning who anyone is.
  const digest = rollDigest(publishRoll(db, ballotId, rows))
  appendEntry(db, ballotId, 'roll', at, {
    units: rows.length,
    area: totals.area,
    headcount: totals.headcount,
    rollHash: digest,
  })
}
