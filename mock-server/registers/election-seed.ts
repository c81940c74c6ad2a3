/**
 * Seed of elections: 丽泽华庭 has no owners' committee yet, so the
 * residents' committee, under the assembly's mandate, runs the election
 * of its first one: five owners stand for three seats, and a share of
 * the owners have already voted. The test accounts have not, so a
 * tester can pick.
 */
import { DAY, MINUTE } from '../services/context'
import { voteRequestHash, appendVote } from '../services/voting'
import { appendEntry } from '../services/record'
import { agendaElection } from '../services/elections'
import { itemsOf } from '../services/ballots'
import { freezeRoll, frozenRoll } from '../services/roll'
import type { Store } from '../store/database'
import { sql } from '../store/database'
import type { FeatureSeed } from './feature-seeds'
import { ESTATE } from './generate'
import { Random } from './random'
import { testAccounts } from './test-accounts'

export const COMMITTEE_BALLOT = 'lize-committee-2026'
const COMMITTEE_ITEM = `${COMMITTEE_BALLOT}-1`
const LIZE_MANDATE = 'lize-mandate-2025'
const SEATS = 3
const TURNOUT = 0.35
// Fixed, so the seeded election is the same on every machine.
const ELECTION_SEED = 20260706

/** Statements, and what each candidate agreed to publish. */
const CANDIDATES = [
  {
    statement: '退休会计师，愿意把公共收益账目按季度公开，逐笔可查。',
    consent: { name: true, photo: false, statement: true },
  },
  {
    statement: '在小区住了十五年，希望先解决地下车库渗水和监控失灵。',
    consent: { name: true, photo: false, statement: true },
  },
  {
    statement: '从事物业管理工作，熟悉招投标流程，会推动公开选聘物业。',
    consent: { name: false, photo: false, statement: true },
  },
  {
    statement: '双职工家庭，愿意晚上和周末处理业主反映的问题。',
    consent: { name: true, photo: false, statement: true },
  },
  {
    statement: '',
    consent: { name: false, photo: false, statement: false },
  },
]

/** Owners of the estate standing as candidates: never a test account. */
function candidatePersons(db: Store, reserved: Set<string>) {
  const owners = sql(
    db,
    `SELECT DISTINCT p.id, p.name FROM persons p
       JOIN unit_owners o ON o.person_id = p.id
       JOIN units u ON u.id = o.unit_id
      WHERE u.estate_id = ? AND u.developer_held = 0
      ORDER BY p.id LIMIT 40`,
  ).all(ESTATE.lize) as { id: string; name: string }[]
  return owners.filter((o) => !reserved.has(o.id)).slice(0, CANDIDATES.length)
}

function writeElection(db: Store, now: number, reserved: Set<string>): void {
  const announcedAt = now - 17 * DAY
  sql(
    db,
    `INSERT INTO ballots
       (id, estate_id, title, description, organizer_org, mandate_id,
        electorate, allow_changes, created_at, announced_at, opens_at,
        closes_at, published_at)
     VALUES (?, ?, ?, ?, 'residents-committee', ?, ?, 0, ?, ?, ?, ?, NULL)`,
  ).run(
    COMMITTEE_BALLOT,
    ESTATE.lize,
    '选举丽泽华庭第一届业主委员会',
    '受业主大会委托，居委会组织选举第一届业主委员会（居代业）。应选委员 3 名，每位业主最多选 3 名，也可以弃权。候选人当选须同时获得参与表决业主的过半数面积和过半数人数支持。',
    LIZE_MANDATE,
    JSON.stringify({ kind: 'estate' }),
    announcedAt - 3 * DAY,
    announcedAt,
    now - 2 * DAY,
    now + 10 * DAY,
  )
  sql(
    db,
    `INSERT INTO ballot_items
       (id, ballot_id, seq, title, description, matter, seats, max_picks)
     VALUES (?, ?, 1, ?, ?, 'ordinary', ?, ?)`,
  ).run(
    COMMITTEE_ITEM,
    COMMITTEE_BALLOT,
    '选举业主委员会委员',
    '从 5 名候选人中选出 3 名委员。',
    SEATS,
    SEATS,
  )
  const insert = sql(
    db,
    `INSERT INTO election_candidates
       (id, item_id, seq, kind, name, statement, photo_file_id,
        document_file_ids, consent_name, consent_photo, consent_statement)
     VALUES (?, ?, ?, 'person', ?, ?, NULL, '[]', ?, ?, ?)`,
  )
  candidatePersons(db, reserved).forEach((person, index) => {
    const { statement, consent } = CANDIDATES[index]
    insert.run(
      `${COMMITTEE_ITEM}-c${index + 1}`,
      COMMITTEE_ITEM,
      index + 1,
      person.name,
      statement,
      consent.name ? 1 : 0,
      consent.photo ? 1 : 0,
      consent.statement ? 1 : 0,
    )
  })
}

function announce(db: Store, now: number): void {
  const random = new Random(ELECTION_SEED)
  freezeRoll(
    db,
    COMMITTEE_BALLOT,
    ESTATE.lize,
    { kind: 'estate' },
    now - 17 * DAY,
    () => `V${random.hex(12).toUpperCase()}`,
  )
  const items = itemsOf(db, COMMITTEE_BALLOT)
  appendEntry(db, COMMITTEE_BALLOT, 'announce', now - 17 * DAY, {
    title: '选举丽泽华庭第一届业主委员会',
    organizer: 'residents-committee',
    mandateId: LIZE_MANDATE,
    electorate: JSON.stringify({ kind: 'estate' }),
    allowChanges: false,
    opensAt: now - 2 * DAY,
    closesAt: now + 10 * DAY,
    items: items.map((i) => ({
      itemId: i.id,
      seq: i.seq,
      title: i.title,
      matter: i.matter,
      ...agendaElection(db, i),
    })),
  })
}

/** Picks leaning to the first candidates, so the result tells a story. */
function seedVotes(db: Store, now: number, reserved: Set<string>): void {
  const random = new Random(ELECTION_SEED + 1)
  const voters = new Map<string, string[]>()
  for (const row of frozenRoll(db, COMMITTEE_BALLOT)) {
    if (row.developerHeld || row.voterId === null) continue
    if (row.owners.some((o) => reserved.has(o))) continue
    voters.set(row.voterId, row.owners)
  }
  const chosen = random
    .shuffle([...voters.keys()])
    .slice(0, Math.round(voters.size * TURNOUT))
  const from = now - 2 * DAY
  const times = chosen
    .map(() => random.int(from, now - MINUTE))
    .sort((a, b) => a - b)
  const weights = [0.8, 0.7, 0.55, 0.4, 0.2]
  chosen.forEach((voterId, index) => {
    const picks = random.chance(0.06)
      ? []
      : weights
          .map((w, i) => ({ id: `${COMMITTEE_ITEM}-c${i + 1}`, w }))
          .filter(({ w }) => random.chance(w))
          .slice(0, SEATS)
          .map(({ id }) => id)
    const choices = [{ itemId: COMMITTEE_ITEM, picks }]
    appendVote(db, {
      ballotId: COMMITTEE_BALLOT,
      voterId,
      castBy: random.pick(voters.get(voterId) ?? []),
      choices,
      at: times[index],
      idempotencyKey: `seed-${COMMITTEE_BALLOT}-${index + 1}`,
      requestHash: voteRequestHash(COMMITTEE_BALLOT, voterId, choices),
    })
  })
}

export const electionsSeed: FeatureSeed = {
  name: 'elections',
  run(db, now) {
    const known = sql(db, 'SELECT 1 FROM estates WHERE id = ?').get(ESTATE.lize)
    if (!known) return
    const reserved = new Set(testAccounts().map((a) => a.personId))
    writeElection(db, now, reserved)
    announce(db, now)
    seedVotes(db, now, reserved)
  },
}
