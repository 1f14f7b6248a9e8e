import Database from 'better-sqlite3';
import { chmodSync, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cacheFileFor, openCache } from './cache-database';

/**
 * The cache holds who may reach which machines and unsent review decisions: the file and the -wal and
 * -shm SQLite keeps beside it are owner-only (0600), not only the 0700 folder around them.
 */
const posix = process.platform !== 'win32';
if (!posix) console.log('cache-file-mode.test.ts: Windows has no POSIX permission bits (the profile folder\'s ACL protects the files there); skipped');

const mode = (file: string): number => statSync(file).mode & 0o777;
const companions = (file: string): string[] => [file, `${file}-wal`, `${file}-shm`];

describe.runIf(posix)('the cache files are owner-only', () => {
  let previousUmask: number;
  let dataDir: string;
  // The usual umask, under which SQLite's own default would give 0644.
  beforeAll(() => {
    previousUmask = process.umask(0o022);
    dataDir = mkdtempSync(join(tmpdir(), 'cache-mode-'));
  });
  afterAll(() => {
    process.umask(previousUmask);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('creates a new cache file and its -wal and -shm 0600', () => {
    const file = cacheFileFor(dataDir, 'new-profile');
    const db = openCache(file);
    try {
      db.prepare('UPDATE sync_state SET cursor = ?').run(7);
      for (const path of companions(file)) {
        expect(existsSync(path), path).toBe(true);
        expect(mode(path), path).toBe(0o600);
      }
    } finally {
      db.close();
    }
  });

  it('tightens an existing 0644 cache file, and the -wal and -shm a crash left, when it is opened', () => {
    const file = cacheFileFor(dataDir, 'old-profile');
    openCache(file).close();
    // An earlier version's files (0644), with a -wal and -shm still there: another connection holds them open.
    const earlier = new Database(file);
    earlier.pragma('journal_mode = WAL');
    earlier.prepare('UPDATE sync_state SET cursor = ?').run(7);
    for (const path of companions(file)) chmodSync(path, 0o644);
    const db = openCache(file);
    try {
      for (const path of companions(file)) expect(mode(path), path).toBe(0o600);
      expect(db.prepare('SELECT cursor FROM sync_state').pluck().get()).toBe(7);
    } finally {
      db.close();
      earlier.close();
    }
  });
});
