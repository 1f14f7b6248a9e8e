import { existsSync, mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The two native modules the app cannot run without. A missing `.node` file (an install that skipped
 * build scripts, or a build without libsecret) must fail here with a message that says which one.
 */
const require = createRequire(import.meta.url);

function nativeBinary(packageName: string, file: string): string {
  return join(dirname(require.resolve(`${packageName}/package.json`)), 'build/Release', file);
}

describe('native modules', () => {
  it.each([
    ['better-sqlite3', 'better_sqlite3.node'],
    ['keytar', 'keytar.node'],
  ])('%s is built (%s exists)', (packageName, file) => {
    const binary = nativeBinary(packageName, file);
    expect(existsSync(binary), `${packageName} native binary missing at ${binary}: run npm rebuild ${packageName}`).toBe(true);
  });

  it('better-sqlite3 opens a WAL database file and enforces STRICT tables', async () => {
    const { default: Database } = await import('better-sqlite3');
    const db = new Database(join(mkdtempSync(join(tmpdir(), 'native-')), 'check.db'));
    try {
      expect(db.pragma('journal_mode = WAL', { simple: true })).toBe('wal');
      db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT NOT NULL) STRICT');
      db.prepare('INSERT INTO t (name) VALUES (?)').run('Østfold');
      expect(db.prepare('SELECT name FROM t').pluck().get()).toBe('Østfold');
      expect(() => db.prepare('INSERT INTO t (name) VALUES (?)').run(Buffer.from('x'))).toThrow(/cannot store BLOB/);
    } finally {
      db.close();
    }
  });

  it('keytar round-trips a secret through the OS keychain', async () => {
    const { default: keytar } = await import('keytar');
    const service = 'Fjernhjelp Admin (test)';
    const account = `native-check-${process.pid}-${Date.now()}`;
    try {
      await keytar.setPassword(service, account, 'value-1');
      expect(await keytar.getPassword(service, account)).toBe('value-1');
    } catch (error) {
      throw new Error(
        `The OS keychain is not reachable (${String(error)}). On Linux run the tests in a D-Bus session with an unlocked gnome-keyring, as .ci/run does.`,
        { cause: error },
      );
    } finally {
      await keytar.deletePassword(service, account).catch(() => false);
    }
    expect(await keytar.getPassword(service, account)).toBeNull();
  });
});
