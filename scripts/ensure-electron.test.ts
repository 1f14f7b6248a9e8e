import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { electronBinaryStatus } from './electron-binary';

const run = promisify(execFile);
const tsx = resolve(import.meta.dirname, '../node_modules/.bin/tsx');
const script = resolve(import.meta.dirname, 'ensure-electron.ts');

/** A stand-in `electron` package: its install.js succeeds (writes dist/ and path.txt) or fails like a download does offline. */
function fakeElectronPackage(install: 'succeeds' | 'fails' | 'none', installed = false): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'electron-pkg-')), 'electron');
  mkdirSync(dir);
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'electron', version: '45.5.0' }));
  const installScript = {
    succeeds: `const fs = require('fs'); const p = require('path'); fs.mkdirSync(p.join(__dirname, 'dist')); fs.writeFileSync(p.join(__dirname, 'dist', 'electron'), ''); fs.writeFileSync(p.join(__dirname, 'path.txt'), 'electron');`,
    fails: `require('fs').writeFileSync(require('path').join(__dirname, 'install-ran'), ''); console.error('TypeError: fetch failed\\n    at node:internal/deps/undici'); process.exit(1);`,
    none: '',
  }[install];
  if (installScript) writeFileSync(join(dir, 'install.js'), installScript);
  if (installed) {
    mkdirSync(join(dir, 'dist'));
    writeFileSync(join(dir, 'dist', 'electron'), '');
    writeFileSync(join(dir, 'path.txt'), 'electron');
  }
  return dir;
}

async function ensure(packageDir: string, env: NodeJS.ProcessEnv = {}) {
  const childEnv = { ...process.env, ...env };
  if (!('ELECTRON_SKIP_BINARY_DOWNLOAD' in env)) delete childEnv['ELECTRON_SKIP_BINARY_DOWNLOAD'];
  return run(tsx, [script, '--package-dir', packageDir], { env: childEnv }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
  );
}

describe('where the Electron binary is', () => {
  it('follows path.txt into dist/, as electron-vite does', () => {
    const dir = fakeElectronPackage('none', true);
    expect(electronBinaryStatus(dir, {})).toEqual({ available: true, path: join(dir, 'dist', 'electron') });
  });

  it('says what is missing: no path.txt, or a binary path.txt names but that is gone', () => {
    expect(electronBinaryStatus(fakeElectronPackage('none'), {})).toEqual({ available: false, reason: expect.stringMatching(/not installed/) });
    const dir = fakeElectronPackage('none');
    writeFileSync(join(dir, 'path.txt'), 'electron');
    expect(electronBinaryStatus(dir, {})).toEqual({ available: false, reason: expect.stringMatching(/missing at .*dist/) });
  });

  it('honours ELECTRON_EXEC_PATH and ELECTRON_OVERRIDE_DIST_PATH', () => {
    const dir = fakeElectronPackage('none', true);
    expect(electronBinaryStatus(fakeElectronPackage('none'), { ELECTRON_EXEC_PATH: join(dir, 'dist', 'electron') }).available).toBe(true);
    expect(electronBinaryStatus(fakeElectronPackage('none'), { ELECTRON_OVERRIDE_DIST_PATH: join(dir, 'dist') }).available).toBe(true);
    expect(electronBinaryStatus(dir, { ELECTRON_EXEC_PATH: '/nowhere/electron' })).toMatchObject({ available: false });
  });
});

describe('npm start\'s pre-step', () => {
  it('passes quietly when the binary is installed', async () => {
    expect(await ensure(fakeElectronPackage('fails', true))).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('fetches a missing binary with the package\'s own installer', async () => {
    const dir = fakeElectronPackage('succeeds');
    expect(await ensure(dir)).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(electronBinaryStatus(dir, {}).available).toBe(true);
  });

  it('stops with one clear line when the download fails: what is missing, why, and npm run start:web', async () => {
    const result = await ensure(fakeElectronPackage('fails'));
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Fjernhjelp Admin cannot start: the Electron 45\.5\.0 binary is not installed and could not be downloaded from github\.com \(TypeError: fetch failed\)\..*npm run start:web$/);
  });

  it('does not try to download when ELECTRON_SKIP_BINARY_DOWNLOAD is set, and says so', async () => {
    const dir = fakeElectronPackage('fails');
    const result = await ensure(dir, { ELECTRON_SKIP_BINARY_DOWNLOAD: '1' });
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toEqual([expect.stringMatching(/ELECTRON_SKIP_BINARY_DOWNLOAD is set.*npm run start:web$/)]);
    expect(existsSync(join(dir, 'install-ran'))).toBe(false);
  });
});
