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
  {
    // Staff running ballots (who drafted, who published, whether the
    // deadline published it) and proxies: an owner authorises one
    // verified person to cast one voter's vote in one ballot.
    name: '0003-ballot-admin-and-proxies',
    sql: `
  ALTER TABLE ballots ADD COLUMN created_by TEXT REFERENCES persons (id);
  ALTER TABLE ballots ADD COLUMN published_by TEXT REFERENCES persons (id);
  ALTER TABLE ballots ADD COLUMN published_by_deadline INTEGER NOT NULL
    DEFAULT 0;

  CREATE TABLE proxies (
    id TEXT PRIMARY KEY,
    ballot_id TEXT NOT NULL REFERENCES ballots (id),
    voter_id TEXT NOT NULL,
    grantor_id TEXT NOT NULL REFERENCES persons (id),
    agent_id TEXT NOT NULL REFERENCES persons (id),
    granted_at INTEGER NOT NULL,
    revoked_at INTEGER
  ) STRICT;
  -- One live authorisation per voter and ballot.
  CREATE UNIQUE INDEX proxies_live ON proxies (ballot_id, voter_id)
    WHERE revoked_at IS NULL;
  CREATE INDEX proxies_agent ON proxies (agent_id);

  ALTER TABLE votes ADD COLUMN proxy_id TEXT REFERENCES proxies (id);
  `,
  },
  {
    // Files uploaded by people (photos of repair cases and site checks,
    // notices' attachments), kept in the store itself; and repair cases:
    // their append-only timeline, followers after a merge, the estate's
    // common areas, and projects for works on common parts.
    name: '0005-repairs-and-files',
    sql: `
  CREATE TABLE files (
    id TEXT PRIMARY KEY,
    estate_id TEXT NOT NULL REFERENCES estates (id),
    uploader_id TEXT NOT NULL REFERENCES persons (id),
    mime TEXT NOT NULL,
    size INTEGER NOT NULL CHECK (size > 0),
    sha256 TEXT NOT NULL,
    data BLOB NOT NULL,
    created_at INTEGER NOT NULL
  ) STRICT;
  CREATE INDEX files_uploader ON files (uploader_id);

  CREATE TABLE common_areas (
    id TEXT PRIMARY KEY,
    estate_id TEXT NOT NULL REFERENCES estates (id),
    seq INTEGER NOT NULL,
    name TEXT NOT NULL,
    UNIQUE (estate_id, name)
  ) STRICT;

  CREATE TABLE repair_cases (
    id TEXT PRIMARY KEY,
    estate_id TEXT NOT NULL REFERENCES estates (id),
    reporter_id TEXT NOT NULL REFERENCES persons (id),
    category TEXT NOT NULL,
    place_kind TEXT NOT NULL
      CHECK (place_kind IN ('unit', 'building', 'common-area')),
    place_ref TEXT NOT NULL,
    place_label TEXT NOT NULL,
    description TEXT NOT NULL,
    urgency TEXT NOT NULL CHECK (urgency IN ('emergency', 'urgent', 'normal')),
    contact_time TEXT,
    state TEXT NOT NULL,
    handler TEXT NOT NULL,
    team TEXT,
    merged_into TEXT REFERENCES repair_cases (id),
    reported_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    accept_by INTEGER NOT NULL,
    resolve_by INTEGER NOT NULL,
    rating INTEGER CHECK (rating BETWEEN 1 AND 5),
    rating_comment TEXT,
    rated_at INTEGER,
    idempotency_key TEXT NOT NULL,
    request_hash TEXT NOT NULL,
    UNIQUE (reporter_id, idempotency_key)
  ) STRICT;
  CREATE INDEX repair_cases_queue ON repair_cases (estate_id, state);

  CREATE TABLE repair_case_photos (
    case_id TEXT NOT NULL REFERENCES repair_cases (id),
    seq INTEGER NOT NULL,
    file_id TEXT NOT NULL REFERENCES files (id),
    PRIMARY KEY (case_id, seq)
  ) STRICT, WITHOUT ROWID;

  -- Who follows a case: its reporter, and the reporters of cases merged
  -- into it.
  CREATE TABLE repair_followers (
    case_id TEXT NOT NULL REFERENCES repair_cases (id),
    person_id TEXT NOT NULL REFERENCES persons (id),
    since INTEGER NOT NULL,
    PRIMARY KEY (case_id, person_id)
  ) STRICT, WITHOUT ROWID;
  CREATE INDEX repair_followers_person ON repair_followers (person_id);

  -- Every change of a case: who, when, why. Never edited.
  CREATE TABLE repair_events (
    case_id TEXT NOT NULL REFERENCES repair_cases (id),
    seq INTEGER NOT NULL,
    action TEXT NOT NULL,
    from_state TEXT,
    to_state TEXT NOT NULL,
    actor_id TEXT NOT NULL REFERENCES persons (id),
    actor_org TEXT,
    handler TEXT NOT NULL,
    note TEXT,
    team TEXT,
    other_case_id TEXT,
    at INTEGER NOT NULL,
    PRIMARY KEY (case_id, seq)
  ) STRICT;
  CREATE TRIGGER repair_events_no_update BEFORE UPDATE ON repair_events
    BEGIN SELECT RAISE(ABORT, 'repair events are append-only'); END;
  CREATE TRIGGER repair_events_no_delete BEFORE DELETE ON repair_events
    BEGIN SELECT RAISE(ABORT, 'repair events are append-only'); END;

  -- Money in whole fen. The cost plan is the request's parties as JSON;
  -- the amounts are computed from it and the register when shown.
  CREATE TABLE repair_projects (
    id TEXT PRIMARY KEY,
    case_id TEXT NOT NULL UNIQUE REFERENCES repair_cases (id),
    estate_id TEXT NOT NULL REFERENCES estates (id),
    title TEXT NOT NULL,
    budget_fen INTEGER NOT NULL CHECK (budget_fen > 0),
    funding TEXT NOT NULL,
    approval_kind TEXT CHECK (approval_kind IN ('ballot', 'emergency')),
    ballot_id TEXT REFERENCES ballots (id),
    approver TEXT,
    approved_by TEXT,
    approval_reason TEXT,
    approved_at INTEGER,
    cost_plan TEXT NOT NULL,
    progress INTEGER NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
    created_by TEXT NOT NULL REFERENCES persons (id),
    created_at INTEGER NOT NULL
  ) STRICT;

  CREATE TABLE repair_milestones (
    id TEXT PRIMARY KEY,
    project_id TEXT NOT NULL REFERENCES repair_projects (id),
    seq INTEGER NOT NULL,
    title TEXT NOT NULL,
    due_at INTEGER NOT NULL,
    done_at INTEGER,
    UNIQUE (project_id, seq)
  ) STRICT;

  -- The residents' inspection team (居民监督小组) of each estate.
  CREATE TABLE inspection_team (
    estate_id TEXT NOT NULL REFERENCES estates (id),
    person_id TEXT NOT NULL REFERENCES persons (id),
    PRIMARY KEY (estate_id, person_id)
  ) STRICT, WITHOUT ROWID;

  CREATE TABLE repair_inspections (
    id TEXT PRIMARY KEY,
    project_id TEXT NOT NULL REFERENCES repair_projects (id),
    inspector_id TEXT NOT NULL REFERENCES persons (id),
    passed INTEGER NOT NULL,
    note TEXT NOT NULL,
    photo_ids TEXT NOT NULL,
    at INTEGER NOT NULL
  ) STRICT;
  `,
  },
  {
    // The notices feed: who has read what (one receipt per person and
    // notice, the first opening), attachments from the shared upload
    // facility, and the rectification list as items with an append-only
    // history. A public-income statement lives in notices.data: it never
    // changes once posted (a correction is a new notice).
    name: '0006-notices-feed',
    sql: `
  ALTER TABLE notices ADD COLUMN withdrawn_by TEXT REFERENCES persons (id);

  CREATE TABLE notice_reads (
    notice_id TEXT NOT NULL REFERENCES notices (id),
    person_id TEXT NOT NULL REFERENCES persons (id),
    read_at INTEGER NOT NULL,
    PRIMARY KEY (notice_id, person_id)
  ) STRICT, WITHOUT ROWID;
  CREATE INDEX notice_reads_person ON notice_reads (person_id);

  -- file_id names a row of the upload facility's table; no foreign key,
  -- so this step does not depend on the order the two were added in.
  CREATE TABLE notice_attachments (
    notice_id TEXT NOT NULL REFERENCES notices (id),
    seq INTEGER NOT NULL,
    file_id TEXT NOT NULL,
    name TEXT NOT NULL,
    PRIMARY KEY (notice_id, seq)
  ) STRICT, WITHOUT ROWID;

  CREATE TABLE rectification_items (
    id TEXT PRIMARY KEY,
    notice_id TEXT NOT NULL REFERENCES notices (id),
    seq INTEGER NOT NULL,
    title TEXT NOT NULL,
    responsible TEXT NOT NULL CHECK (responsible IN ('residents-committee',
      'owners-committee', 'property-company', 'developer')),
    deadline TEXT NOT NULL,
    UNIQUE (notice_id, seq)
  ) STRICT;

  -- An item's status is its latest update; the first is the item as
  -- posted. Updates are never changed or removed.
  CREATE TABLE rectification_updates (
    item_id TEXT NOT NULL REFERENCES rectification_items (id),
    seq INTEGER NOT NULL,
    at INTEGER NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('pending', 'in-progress',
      'done')),
    note TEXT NOT NULL,
    by_org TEXT NOT NULL,
    by_person_id TEXT REFERENCES persons (id),
    PRIMARY KEY (item_id, seq)
  ) STRICT, WITHOUT ROWID;
  CREATE TRIGGER rectification_updates_no_update
    BEFORE UPDATE ON rectification_updates
    BEGIN SELECT RAISE(ABORT, 'rectification history is append-only'); END;
  CREATE TRIGGER rectification_updates_no_delete
    BEFORE DELETE ON rectification_updates
    BEGIN SELECT RAISE(ABORT, 'rectification history is append-only'); END;
  `,
  },
  {
    // The voting record's sealed blocks (src/core/seal.ts): each seals a
    // run of one ballot's entries under a Merkle root, links to the block
    // before and carries the endorsers' signatures. Append-only, like the
    // entries; the signatures would reveal an edit anyway.
    name: '0004-ledger-blocks',
    sql: `
  CREATE TABLE ledger_blocks (
    ballot_id TEXT NOT NULL REFERENCES ballots (id),
    height INTEGER NOT NULL,
    prev_hash TEXT NOT NULL,
    from_seq INTEGER NOT NULL,
    to_seq INTEGER NOT NULL,
    root TEXT NOT NULL,
    sealed_at INTEGER NOT NULL,
    hash TEXT NOT NULL,
    endorsements TEXT NOT NULL,
    PRIMARY KEY (ballot_id, height),
    CHECK (from_seq <= to_seq)
  ) STRICT;
  CREATE TRIGGER ledger_blocks_no_update BEFORE UPDATE ON ledger_blocks
    BEGIN SELECT RAISE(ABORT, 'ledger blocks are append-only'); END;
  CREATE TRIGGER ledger_blocks_no_delete BEFORE DELETE ON ledger_blocks
    BEGIN SELECT RAISE(ABORT, 'ledger blocks are append-only'); END;
  `,
  },
  {
    // Election items (src/core/election.ts): a ballot item with seats is
    // an election, and its candidates carry what each agreed to publish.
    // Photos and documents are files uploaded first (0005).
    name: '0007-elections',
    sql: `
  ALTER TABLE ballot_items ADD COLUMN seats INTEGER CHECK (seats >= 1);
  ALTER TABLE ballot_items ADD COLUMN max_picks INTEGER
    CHECK (max_picks >= 1 AND max_picks <= seats);
  CREATE TABLE election_candidates (
    id TEXT PRIMARY KEY,
    item_id TEXT NOT NULL REFERENCES ballot_items (id),
    seq INTEGER NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('person', 'company')),
    name TEXT NOT NULL,
    statement TEXT NOT NULL,
    photo_file_id TEXT REFERENCES files (id),
    document_file_ids TEXT NOT NULL,
    consent_name INTEGER NOT NULL CHECK (consent_name IN (0, 1)),
    consent_photo INTEGER NOT NULL CHECK (consent_photo IN (0, 1)),
    consent_statement INTEGER NOT NULL CHECK (consent_statement IN (0, 1)),
    UNIQUE (item_id, seq)
  ) STRICT;
  `,
  },
]
