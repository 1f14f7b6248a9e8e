import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';

/**
 * Gives an existing organisation (e.g. a seeded vendor) a portal administrator, written straight into
 * the running server's SQLite file (WAL allows a second connection), so a test can act as that
 * organisation through /dev/token.
 */
export function addPortalAdmin(dbPath: string, organisationId: string, username: string): string {
  const db = new Database(dbPath);
  try {
    db.pragma('busy_timeout = 5000');
    const id = `user-${randomUUID()}`;
    db.transaction(() => {
      const version = db.prepare('UPDATE version_counter SET value = value + 1 WHERE id = 1 RETURNING value').pluck().get() as number;
      db.prepare(
        `INSERT INTO users (id, organisation_id, username, first_name, last_name, email, mobile, two_factor, is_portal_admin,
           is_remote_support_user, created_at, updated_at, version)
         VALUES (?, ?, ?, 'Test', 'Admin', ?, '+4790000000', 'totp', 1, 0, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', ?)`,
      ).run(id, organisationId, username, `${username}@example.test`, version);
    })();
    return id;
  } finally {
    db.close();
  }
}

/** Reads the server's database directly, for what the API never shows (hashes, secrets, the counter). */
export function readDatabase<T>(dbPath: string, read: (db: Database.Database) => T): T {
  const db = new Database(dbPath, { readonly: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}
