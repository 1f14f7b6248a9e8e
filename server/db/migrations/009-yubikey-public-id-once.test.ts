import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../database';
import { runMigrations } from '../run-migrations';
import { migrations } from './index';

const insertUser = (db: Database.Database, id: string, publicId: string | null) =>
  db.prepare(
    `INSERT INTO users (id, organisation_id, username, first_name, last_name, email, mobile, two_factor, yubikey_public_id, created_at, updated_at, version)
     VALUES (?, 'org', ?, 'A', 'B', 'a@example.no', '+4790000000', ?, ?, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', 1)`,
  ).run(id, id, publicId ? 'yubikey' : 'totp', publicId);

describe('migration 009: one Yubikey public id per user', () => {
  it('refuses a second holder of a public id in the schema, and lets users who already shared one keep it', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'portal-migration-')), 'portal.db');
    const old = new Database(path);
    runMigrations(old, migrations.slice(0, 8));
    old.prepare(`INSERT INTO organisations (id, name, prefix, name_key, service_status, version) VALUES ('org', 'O', 'O', 'o', 'active', 1)`).run();
    // What the old code let through: two users with one key.
    insertUser(old, 'u-1', 'ccccccbhjkln');
    insertUser(old, 'u-2', 'ccccccbhjkln');
    old.close();

    const db = openDatabase(path);
    try {
      expect(() => insertUser(db, 'u-3', 'ccccccbhjkln')).toThrow(/YUBIKEY_IN_USE/);
      insertUser(db, 'u-4', 'ccccccdefghi');
      insertUser(db, 'u-5', null);
      expect(() => db.prepare("UPDATE users SET yubikey_public_id = 'ccccccdefghi' WHERE id = 'u-5'").run()).toThrow(/YUBIKEY_IN_USE/);
      // The old pair may still change, with the key they have, and may give it up.
      db.prepare("UPDATE users SET mobile = '+4791111111', yubikey_public_id = yubikey_public_id WHERE id = 'u-1'").run();
      db.prepare("UPDATE users SET yubikey_public_id = NULL, two_factor = 'totp' WHERE id = 'u-2'").run();
      // A user registering a new touch of their own key is no second holder.
      db.prepare("UPDATE users SET yubikey_public_id = 'ccccccdefghi' WHERE id = 'u-4'").run();
      expect(db.prepare('SELECT id FROM users WHERE yubikey_public_id IS NOT NULL ORDER BY id').pluck().all()).toEqual(['u-1', 'u-4']);
    } finally {
      db.close();
    }
  });
});
