import type { Db } from './connection.js';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/**
 * Numbered, append-only migrations. Never edit one that has shipped: add the next number.
 * Times are stored as milliseconds since the epoch (INTEGER).
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'schools, users, classes, members, sessions',
    sql: `
      CREATE TABLE schools (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL
      );
      CREATE TABLE users (
        id TEXT PRIMARY KEY,
        login TEXT NOT NULL UNIQUE COLLATE NOCASE,
        name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('teacher', 'student')),
        password_hash TEXT NOT NULL,
        created_at INTEGER NOT NULL
      );
      CREATE TABLE classes (
        id TEXT PRIMARY KEY,
        school_id TEXT NOT NULL REFERENCES schools(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        UNIQUE (school_id, name)
      );
      CREATE TABLE class_members (
        class_id TEXT NOT NULL REFERENCES classes(id) ON DELETE CASCADE,
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        role TEXT NOT NULL CHECK (role IN ('teacher', 'student')),
        PRIMARY KEY (class_id, user_id)
      );
      CREATE INDEX class_members_by_user ON class_members(user_id);
      CREATE TABLE sessions (
        token_hash TEXT PRIMARY KEY,
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        created_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL
      );
      CREATE INDEX sessions_by_expiry ON sessions(expires_at);
    `,
  },
];

/** Applies every migration newer than the database, each in its own transaction. Returns how many ran. */
export function migrate(db: Db, migrations: readonly Migration[] = MIGRATIONS): number {
  db.exec(`CREATE TABLE IF NOT EXISTS migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at INTEGER NOT NULL
  )`);
  const row = db.prepare('SELECT MAX(version) AS version FROM migrations').get() as { version: number | null };
  const current = row.version ?? 0;
  const pending = [...migrations].sort((a, b) => a.version - b.version).filter((m) => m.version > current);
  const record = db.prepare('INSERT INTO migrations (version, name, applied_at) VALUES (?, ?, ?)');
  for (const migration of pending) {
    db.transaction(() => {
      db.exec(migration.sql);
      record.run(migration.version, migration.name, Date.now());
    })();
  }
  return pending.length;
}
