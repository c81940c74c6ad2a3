/**
 * The schema, as named steps. The `schema_migrations` table records which
 * have run, so an old database file is brought forward on start and a new
 * one is built from nothing. Steps are named rather than numbered so that
 * features built side by side can each add their own without a clash.
 * Never edit a step that has shipped: add one at the end.
 */

export interface Migration {
  name: string
  sql: string
}

export const MIGRATIONS: readonly Migration[] = [
  {
    name: '0001-registers-and-voting',
    sql: `
  CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
  ) STRICT;

  -- Property register (不动产登记). Every row is synthetic.
  CREATE TABLE estates (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    district TEXT NOT NULL,
    town TEXT NOT NULL,
    has_owners_committee INTEGER NOT NULL,
    synthetic INTEGER NOT NULL DEFAULT 1
  ) STRICT;

  CREATE TABLE buildings (
    id TEXT PRIMARY KEY,
    estate_id TEXT NOT NULL REFERENCES estates (id),
    number TEXT NOT NULL,
    UNIQUE (estate_id, number)
  ) STRICT;

  -- Area in whole 0.01 m²: a tally must never round.
  CREATE TABLE units (
    id TEXT PRIMARY KEY,
    estate_id TEXT NOT NULL REFERENCES estates (id),
    building_id TEXT NOT NULL REFERENCES buildings (id),
    room TEXT NOT NULL,
    area INTEGER NOT NULL CHECK (area > 0),
    certificate_number TEXT NOT NULL UNIQUE,
    developer_held INTEGER NOT NULL DEFAULT 0,
    UNIQUE (building_id, room)
  ) STRICT;
  CREATE INDEX units_estate ON units (estate_id);

  -- Population register (公安人口库). Every row is synthetic.
  CREATE TABLE persons (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    id_number TEXT NOT NULL UNIQUE,
    phone TEXT NOT NULL,
    residence_unit_id TEXT REFERENCES units (id),
    synthetic INTEGER NOT NULL DEFAULT 1
  ) STRICT;
  CREATE INDEX persons_residence ON persons (residence_unit_id);

  CREATE TABLE unit_owners (
    unit_id TEXT NOT NULL REFERENCES units (id),
    person_id TEXT NOT NULL REFERENCES persons (id),
    PRIMARY KEY (unit_id, person_id)
  ) STRICT, WITHOUT ROWID;
  CREATE INDEX unit_owners_person ON unit_owners (person_id);

  CREATE TABLE staff_roles (
    person_id TEXT NOT NULL REFERENCES persons (id),
    estate_id TEXT NOT NULL REFERENCES estates (id),
    org TEXT NOT NULL CHECK (
      org IN ('residents-committee', 'owners-committee', 'property-company')
    ),
    PRIMARY KEY (person_id, estate_id, org)
  ) STRICT, WITHOUT ROWID;

  -- 居代业: the owners' assembly's mandate to the residents' committee.
  CREATE TABLE mandates (
    id TEXT PRIMARY KEY,
    estate_id TEXT NOT NULL REFERENCES estates (id),
    text TEXT NOT NULL,
    granted_at INTEGER NOT NULL
  ) STRICT;

  -- A platform account (a WeChat openid, a 随申办 device) and the person
  -- real-name verification bound it to. One account per person a channel.
  CREATE TABLE accounts (
    id TEXT PRIMARY KEY,
    channel TEXT NOT NULL CHECK (channel IN ('weapp', 'h5')),
    subject TEXT NOT NULL,
    person_id TEXT REFERENCES persons (id),
    created_at INTEGER NOT NULL,
    bound_at INTEGER,
    UNIQUE (channel, subject)
  ) STRICT;
  CREATE UNIQUE INDEX accounts_person_channel
    ON accounts (person_id, channel) WHERE person_id IS NOT NULL;

  -- Only a keyed hash of the code is kept.
  CREATE TABLE sms_challenges (
    id TEXT PRIMARY KEY,
    account_id TEXT NOT NULL REFERENCES accounts (id),
    purpose TEXT NOT NULL CHECK (purpose IN ('identity', 'step-up')),
    ballot_id TEXT,
    phone TEXT NOT NULL,
    code_hash TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    consumed_at INTEGER
  ) STRICT;
  CREATE INDEX sms_challenges_phone
    ON sms_challenges (phone, purpose, created_at);

  -- A ballot's phase is computed from these times, never stored.
  CREATE TABLE ballots (
    id TEXT PRIMARY KEY,
    estate_id TEXT NOT NULL REFERENCES estates (id),
    title TEXT NOT NULL,
    description TEXT NOT NULL,
    organizer_org TEXT NOT NULL,
    mandate_id TEXT REFERENCES mandates (id),
    electorate TEXT NOT NULL,
    allow_changes INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL,
    announced_at INTEGER,
    opens_at INTEGER NOT NULL,
    closes_at INTEGER NOT NULL,
    published_at INTEGER,
    CHECK (opens_at < closes_at)
  ) STRICT;
  CREATE INDEX ballots_estate ON ballots (estate_id);

  CREATE TABLE ballot_items (
    id TEXT PRIMARY KEY,
    ballot_id TEXT NOT NULL REFERENCES ballots (id),
    seq INTEGER NOT NULL,
    title TEXT NOT NULL,
    description TEXT NOT NULL,
    matter TEXT NOT NULL CHECK (matter IN ('ordinary', 'special')),
    UNIQUE (ballot_id, seq)
  ) STRICT;

  -- The voting roll, frozen when the ballot is announced: later changes to
  -- the registers do not move a published roll. voter_key is voterKeyOf
  -- from the core tally; voter_id is the per-ballot pseudonym the record
  -- uses, so the public record names no room and no person.
  CREATE TABLE ballot_roll (
    ballot_id TEXT NOT NULL REFERENCES ballots (id),
    unit_id TEXT NOT NULL REFERENCES units (id),
    area INTEGER NOT NULL CHECK (area > 0),
    owners TEXT NOT NULL,
    developer_held INTEGER NOT NULL,
    voter_key TEXT NOT NULL,
    voter_id TEXT NOT NULL,
    PRIMARY KEY (ballot_id, unit_id)
  ) STRICT, WITHOUT ROWID;
  CREATE INDEX ballot_roll_voter ON ballot_roll (ballot_id, voter_id);

  -- Who may cast each voter's vote, frozen with the roll.
  CREATE TABLE ballot_roll_owners (
    ballot_id TEXT NOT NULL REFERENCES ballots (id),
    voter_id TEXT NOT NULL,
    person_id TEXT NOT NULL REFERENCES persons (id),
    PRIMARY KEY (ballot_id, person_id, voter_id)
  ) STRICT, WITHOUT ROWID;

  CREATE TABLE votes (
    id INTEGER PRIMARY KEY,
    ballot_id TEXT NOT NULL REFERENCES ballots (id),
    voter_id TEXT NOT NULL,
    cast_by TEXT REFERENCES persons (id),
    choices TEXT NOT NULL,
    at INTEGER NOT NULL,
    seq INTEGER NOT NULL,
    entry_hash TEXT NOT NULL,
    idempotency_key TEXT NOT NULL,
    UNIQUE (ballot_id, seq)
  ) STRICT;
  CREATE INDEX votes_voter ON votes (ballot_id, voter_id, seq);
  CREATE INDEX votes_cast_by ON votes (cast_by);

  -- Each ballot's append-only, hash-linked log (src/core/record.ts).
  CREATE TABLE record_entries (
    ballot_id TEXT NOT NULL REFERENCES ballots (id),
    seq INTEGER NOT NULL,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL,
    kind TEXT NOT NULL,
    at INTEGER NOT NULL,
    body TEXT NOT NULL,
    PRIMARY KEY (ballot_id, seq)
  ) STRICT;
  -- The chain would reveal an edit anyway; refusing it is cheaper.
  CREATE TRIGGER record_entries_no_update BEFORE UPDATE ON record_entries
    BEGIN SELECT RAISE(ABORT, 'record entries are append-only'); END;
  CREATE TRIGGER record_entries_no_delete BEFORE DELETE ON record_entries
    BEGIN SELECT RAISE(ABORT, 'record entries are append-only'); END;

  CREATE TABLE idempotency (
    person_id TEXT NOT NULL REFERENCES persons (id),
    key TEXT NOT NULL,
    request_hash TEXT NOT NULL,
    response TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (person_id, key)
  ) STRICT, WITHOUT ROWID;
  `,
  },
  {
    // Notices (公告) posted by staff, and the decision notices the backend
    // writes when a ballot's result is published. Audience is JSON:
    // {"kind":"estate"} or {"kind":"buildings","buildings":["5"]}.
    name: '0002-notices',
    sql: `
  CREATE TABLE notices (
    id TEXT PRIMARY KEY,
    estate_id TEXT NOT NULL REFERENCES estates (id),
    category TEXT NOT NULL CHECK (category IN ('announcement', 'meeting',
      'decision', 'rectification', 'public-income', 'emergency')),
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    author_org TEXT NOT NULL,
    author_person_id TEXT REFERENCES persons (id),
    audience TEXT NOT NULL,
    pinned INTEGER NOT NULL DEFAULT 0,
    publish_at INTEGER NOT NULL,
    ends_at INTEGER,
    withdrawn_at INTEGER,
    withdrawn_reason TEXT,
    source_ballot_id TEXT REFERENCES ballots (id),
    data TEXT,
    created_at INTEGER NOT NULL
  ) STRICT;
  CREATE INDEX notices_estate ON notices (estate_id, publish_at);
  `,
  },
]
