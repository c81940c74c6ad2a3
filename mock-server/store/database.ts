/**
 * The embedded store: one SQLite file (or memory, in tests) through
 * better-sqlite3. Calls are synchronous, so a transaction can not
 * interleave with another request's: that is what makes "one vote, one
 * transaction" safe without locks.
 */
import Database from 'better-sqlite3'
import { randomBytes } from 'node:crypto'

import { MIGRATIONS } from './migrations'

export type Store = Database.Database

/**
 * Opens a file, ':memory:', or an in-memory copy of a serialized store
 * (`db.serialize()`), which lets tests skip reseeding for every case.
 */
export function openStore(source: string | Buffer): Store {
  const db = new Database(source)
  // WAL lets readers run beside the writer; FULL makes a commit durable
  // before we answer, so an accepted vote survives a power cut.
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = FULL')
  db.pragma('foreign_keys = ON')
  db.pragma('busy_timeout = 5000')
  migrate(db)
  return db
}

function migrate(db: Store): void {
  db.exec(
    'CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at INTEGER NOT NULL) STRICT',
  )
  const applied = new Set(
    (
      db.prepare('SELECT name FROM schema_migrations').all() as {
        name: string
      }[]
    ).map((row) => row.name),
  )
  for (const migration of MIGRATIONS) {
    if (applied.has(migration.name)) continue
    db.transaction(() => {
      db.exec(migration.sql)
      db.prepare(
        'INSERT INTO schema_migrations (name, applied_at) VALUES (?, ?)',
      ).run(migration.name, Date.now())
    })()
  }
}

// Preparing a statement costs more than running a small one; the seed
// runs the same few thousands of times.
const statements = new WeakMap<Store, Map<string, Database.Statement>>()

/** A prepared statement, compiled once per database. */
export function sql(db: Store, text: string): Database.Statement {
  let cache = statements.get(db)
  if (!cache) {
    cache = new Map()
    statements.set(db, cache)
  }
  let statement = cache.get(text)
  if (!statement) {
    statement = db.prepare(text)
    cache.set(text, statement)
  }
  return statement
}

export function getSetting(db: Store, key: string): string | null {
  const row = db
    .prepare('SELECT value FROM settings WHERE key = ?')
    .get(key) as { value: string } | undefined
  return row?.value ?? null
}

export function setSetting(db: Store, key: string, value: string): void {
  db.prepare(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  ).run(key, value)
}

/**
 * The key tokens and SMS code hashes are made with. Generated on first
 * start and kept in the database, so it is never in the repository and
 * sessions survive a restart.
 */
export function serverSecret(db: Store): Uint8Array {
  let hex = getSetting(db, 'server.secret')
  if (hex === null) {
    hex = randomBytes(32).toString('hex')
    setSetting(db, 'server.secret', hex)
  }
  return Uint8Array.from(Buffer.from(hex, 'hex'))
}
