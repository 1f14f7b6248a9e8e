import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadedNativeAddons } from './test-support/loaded-native-addons';

/**
 * The app's two native modules run in two runtimes: plain Node (tests, harness, server, bench) and
 * Electron's Node (the app), whose module ABI differs. Both modules must therefore be Node-API
 * addons, which load in any runtime with that Node-API version: one binary per platform and arch,
 * nothing to rebuild for Electron. An ABI-bound addon (`node_register_module_v<ABI>`, what
 * better-sqlite3 12 built) would load here and fail in the app, so these tests refuse one.
 */
const resolvePackage = createRequire(import.meta.url);

function packageDir(name: string): string {
  return dirname(resolvePackage.resolve(`${name}/package.json`));
}

/** Exported symbol names are plain ASCII in ELF, Mach-O and PE files alike. */
function addonKind(file: string): 'node-api' | 'abi-bound' | 'unknown' {
  const bytes = readFileSync(file);
  if (bytes.includes('napi_register_module_v1')) return 'node-api';
  if (bytes.includes('node_register_module_v')) return 'abi-bound';
  return 'unknown';
}

const sqliteDir = packageDir('better-sqlite3');
const sqlitePrebuilds = readdirSync(join(sqliteDir, 'prebuilds')).filter((name) => name.endsWith('.node'));

describe('native modules are Node-API addons (one build for Node and Electron)', () => {
  it('better-sqlite3 ships a prebuilt binary for every platform the installers target', () => {
    expect(sqlitePrebuilds).toEqual(
      expect.arrayContaining(['darwin-arm64.node', 'darwin-x64.node', 'linux-x64.node', 'win32-arm64.node', 'win32-x64.node']),
    );
  });

  it.each(sqlitePrebuilds)('better-sqlite3 prebuilds/%s is Node-API', (name) => {
    expect(addonKind(join(sqliteDir, 'prebuilds', name))).toBe('node-api');
  });

  it('no ABI-bound better-sqlite3 build shadows the prebuilt one', () => {
    // better-sqlite3 loads build/Release before its prebuilds: a leftover ABI-bound build would win.
    const compiled = join(sqliteDir, 'build', 'Release', 'better_sqlite3.node');
    if (existsSync(compiled)) expect(addonKind(compiled)).toBe('node-api');
  });

  it('keytar is built or downloaded, and Node-API', () => {
    const binary = join(packageDir('keytar'), 'build', 'Release', 'keytar.node');
    expect(existsSync(binary), `keytar's native binary is missing at ${binary}: run npm rebuild keytar (Linux needs libsecret-1-dev)`).toBe(true);
    expect(addonKind(binary)).toBe('node-api');
  });
});

describe('native modules work', () => {
  it('better-sqlite3 opens a WAL database file and enforces STRICT tables, from its prebuilt binary', async () => {
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
    expect(loadedNativeAddons().some((file) => file.startsWith(join(sqliteDir, 'prebuilds')))).toBe(true);
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
