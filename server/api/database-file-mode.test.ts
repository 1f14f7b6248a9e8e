import Database from 'better-sqlite3';
import { chmodSync, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/database';
import { startTestPortal } from './testing/test-portal';

/**
 * The portal's database holds TOTP secrets, the OIDC signing keys and every user's contact details:
 * the file and SQLite's -wal and -shm beside it are owner-only (0600), however they came to exist.
 */
const posix = process.platform !== 'win32';
if (!posix) console.log('database-file-mode.test.ts: Windows has no POSIX permission bits (the folder\'s ACL protects the file there); skipped');

const mode = (file: string): number => statSync(file).mode & 0o777;
const companions = (file: string): string[] => [file, `${file}-wal`, `${file}-shm`];

describe.runIf(posix)('the portal database files are owner-only', () => {
  let previousUmask: number;
  let dir: string;
  // The usual umask, under which SQLite's own default would give 0644.
  beforeAll(() => {
    previousUmask = process.umask(0o022);
    dir = mkdtempSync(join(tmpdir(), 'portal-mode-'));
  });
  afterAll(() => {
    process.umask(previousUmask);
    rmSync(dir, { recursive: true, force: true });
  });

  it('a running portal\'s new database file, -wal and -shm are 0600', async () => {
    const portal = await startTestPortal();
    try {
      const admin = await portal.as();
      expect((await admin.get('/api/v1/me')).status).toBe(200);
      for (const path of companions(portal.dbPath)) {
        expect(existsSync(path), path).toBe(true);
        expect(mode(path), path).toBe(0o600);
      }
    } finally {
      await portal.close();
    }
  });

  it('tightens an existing 0644 database file, and the -wal and -shm a crash left, when it is opened', () => {
    const file = join(dir, 'portal.db');
    openDatabase(file).close();
    // An earlier version's files (0644), with a -wal and -shm still there: another connection holds them open.
    const earlier = new Database(file);
    earlier.pragma('journal_mode = WAL');
    earlier.exec('CREATE TABLE probe (value TEXT) STRICT; INSERT INTO probe VALUES (\'x\')');
    for (const path of companions(file)) chmodSync(path, 0o644);
    const db = openDatabase(file);
    try {
      for (const path of companions(file)) expect(mode(path), path).toBe(0o600);
      expect(db.prepare('SELECT value FROM probe').pluck().get()).toBe('x');
    } finally {
      db.close();
      earlier.close();
    }
  });
});
