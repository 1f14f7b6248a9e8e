import { appendFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extractFile } from '@electron/asar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UPDATE_FEED_ENV } from '../main/update/update-policy';
import { BUILD_TIME_ONLY_PACKAGES } from '../scripts/build-time-packages';
import { binaryTarget, keytarBinaryPath, prepareKeytar, type TargetArch } from '../scripts/native-binaries';
import { repoRoot } from './built-output';
import { folderSize, type PackagedApp, packageLinuxDir } from './packaging';

/**
 * Packages the app as `npm run dist` does (linux `dir` target, host arch, a stand-in Electron
 * binary) and checks the real asar: what is in it, what is unpacked, and the update configuration.
 */

const arch = process.arch as TargetArch;
const RENDERER_ONLY = ['react', 'react-dom', 'scheduler', 'i18next', 'react-i18next', 'zustand', '@tanstack/react-virtual', '@tanstack/virtual-core'];
/** Today about 25.5 MiB (asar 23.2, the two unpacked .node files 2.3); it was 67 MB with better-sqlite3's sources and every platform's prebuild. */
const MAX_PACKAGE_BYTES = 32 * 1024 * 1024;
const FEED = 'https://updates.example.no/fjernhjelp/';

let app: PackagedApp;
let withFeed: PackagedApp;
let nativeKeytar: Buffer;
const tempDirs: string[] = [];

beforeAll(async () => {
  // The pre-step, into a folder of the test's own; the binary gets a marker so that the packaged one
  // can be told from node_modules' (an ELF file's trailing bytes are never loaded).
  const nativeDir = mkdtempSync(join(tmpdir(), 'fjernhjelp-native-'));
  tempDirs.push(nativeDir);
  await prepareKeytar({ projectDir: repoRoot, platform: 'linux', arch, nativeDir });
  appendFileSync(keytarBinaryPath(nativeDir, 'linux', arch), `fjernhjelp-native-marker-${Date.now()}`);
  nativeKeytar = readFileSync(keytarBinaryPath(nativeDir, 'linux', arch));
  app = await packageLinuxDir({ env: {}, nativeDir });
  tempDirs.push(...app.tempDirs);
  withFeed = await packageLinuxDir({ env: { [UPDATE_FEED_ENV]: FEED }, nativeDir });
  tempDirs.push(...withFeed.tempDirs);
}, 120_000);

afterAll(() => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

const packageNameOf = (path: string): string | undefined => {
  const match = /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
  return match?.[1];
};

/** Node's lookup inside the asar: <dir>/node_modules/<name>, then each parent's. */
function resolvesInside(entries: Set<string>, fromDir: string, name: string): boolean {
  const parts = fromDir.split('/').filter(Boolean);
  for (let depth = parts.length; depth >= 0; depth -= 1) {
    const base = parts.slice(0, depth).join('/');
    if (base.endsWith('node_modules')) continue;
    if (entries.has(`${base ? `${base}/` : ''}node_modules/${name}/package.json`)) return true;
  }
  return false;
}

describe('packaged app (linux dir, fake Electron)', () => {
  it('holds the built main, preload and renderer, and no harness, sources or tests', () => {
    expect(app.entries).toEqual(expect.arrayContaining(['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html', 'package.json']));
    const ownFiles = app.entries.filter((entry) => !entry.startsWith('node_modules'));
    expect(ownFiles.filter((entry) => !/^(out\/(main|preload|renderer)(\/|$)|out$|package\.json$)/.test(entry))).toEqual([]);
    expect(app.entries.filter((entry) => /^out\/harness|\.test\.|^\.native/.test(entry))).toEqual([]);
  });

  it('holds no renderer-only library', () => {
    const names = new Set(app.entries.map(packageNameOf).filter(Boolean));
    expect(RENDERER_ONLY.filter((name) => names.has(name))).toEqual([]);
  });

  it('holds every package the main bundle imports, and every package finds its dependencies inside the asar', () => {
    const entries = new Set(app.entries);
    const mainDir = join(repoRoot, 'out', 'main');
    const specifiers = new Set<string>();
    for (const file of readdirSync(mainDir).filter((name) => /\.[cm]?js$/.test(name))) {
      const code = readFileSync(join(mainDir, file), 'utf8');
      // A specifier is a package name (or node:…) with an optional path: no spaces or punctuation a string of
      // code could hold, so SQL such as `"… >= @from"); params["` in the bundle is not taken for an import.
      const pattern = /(?:(?<![@\w])from\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|\.resolve\s*\(\s*)["']((?:node:)?(?:@[\w.~-]+\/)?[\w~-][\w.~-]*(?:\/[\w.~/-]+)?)["']/g;
      for (const match of code.matchAll(pattern)) specifiers.add(match[1] as string);
    }
    const external = [...specifiers].filter((specifier) => !specifier.startsWith('node:') && !builtinModules.includes(specifier) && specifier !== 'electron');
    const imported = external.map((specifier) => (specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : (specifier.split('/')[0] as string)));
    expect(imported).toEqual(expect.arrayContaining(['better-sqlite3', 'keytar', 'dejavu-fonts-ttf']));
    expect(imported.filter((name) => !resolvesInside(entries, 'out/main', name))).toEqual([]);
    // Files main resolves inside a package (the report's fonts) are there too.
    const packageFiles = external.filter((specifier) => /\/[^/]+\.[a-z0-9]+$/i.test(specifier));
    expect(packageFiles.length).toBeGreaterThan(0);
    expect(packageFiles.filter((specifier) => !entries.has(`node_modules/${specifier}`))).toEqual([]);

    const unresolved: string[] = [];
    for (const manifestPath of app.entries.filter((entry) => /node_modules\/(@[^/]+\/)?[^/]+\/package\.json$/.test(entry))) {
      const packageDir = manifestPath.slice(0, -'/package.json'.length);
      const manifest = JSON.parse(extractFile(app.asarPath, manifestPath).toString('utf8')) as { dependencies?: Record<string, string> };
      for (const dependency of Object.keys(manifest.dependencies ?? {})) {
        if ((BUILD_TIME_ONLY_PACKAGES as readonly string[]).includes(dependency)) continue;
        if (!resolvesInside(entries, packageDir, dependency)) unresolved.push(`${packageDir} -> ${dependency}`);
      }
    }
    expect(unresolved).toEqual([]);
  });

  it('leaves out the native addons’ installer and headers', () => {
    const names = new Set(app.entries.map(packageNameOf));
    expect([...BUILD_TIME_ONLY_PACKAGES, 'tar-fs', 'simple-get', 'rc'].filter((name) => names.has(name))).toEqual([]);
    expect(app.entries.filter((entry) => /node_modules\/.*\.(map|ts)$/.test(entry))).toEqual([]);
  });

  it(`better-sqlite3: only prebuilds/linux-${arch}.node, unpacked; no sources or build files`, () => {
    const sqlite = app.entries.filter((entry) => entry.startsWith('node_modules/better-sqlite3/'));
    expect(sqlite.filter((entry) => entry.includes('/prebuilds/'))).toEqual([`node_modules/better-sqlite3/prebuilds/linux-${arch}.node`]);
    expect(sqlite.filter((entry) => /\/(src|deps|build)(\/|$)|binding\.gyp$/.test(entry))).toEqual([]);
    expect(app.files.get(`node_modules/better-sqlite3/prebuilds/linux-${arch}.node`)?.unpacked).toBe(true);
    expect(app.unpackedFiles).toContain(`node_modules/better-sqlite3/prebuilds/linux-${arch}.node`);
  });

  it(`keytar: build/Release/keytar.node for linux-${arch}, unpacked, the one from the native dir`, () => {
    const keytar = app.entries.filter((entry) => entry.startsWith('node_modules/keytar/'));
    expect(keytar.filter((entry) => entry.includes('/build/'))).toEqual(expect.arrayContaining(['node_modules/keytar/build/Release/keytar.node']));
    expect(keytar.filter((entry) => /\/build\/.+\/.+/.test(entry) && !entry.endsWith('/Release/keytar.node'))).toEqual([]);
    expect(keytar.filter((entry) => /\/src(\/|$)|binding\.gyp$/.test(entry))).toEqual([]);
    expect(app.files.get('node_modules/keytar/build/Release/keytar.node')?.unpacked).toBe(true);
    const packaged = readFileSync(join(`${app.asarPath}.unpacked`, 'node_modules/keytar/build/Release/keytar.node'));
    expect(packaged.equals(nativeKeytar)).toBe(true);
    expect(binaryTarget(packaged)).toEqual({ platform: 'linux', arch });
  });

  it('unpacks .node files and nothing else', () => {
    expect(app.unpackedFiles.filter((file) => !file.endsWith('.node'))).toEqual([]);
    expect([...app.files].filter(([, file]) => file.unpacked).map(([path]) => path).sort()).toEqual([...app.unpackedFiles].sort());
  });

  it(`stays below ${MAX_PACKAGE_BYTES / 1024 / 1024} MB (asar and unpacked files)`, () => {
    const total = statSync(app.asarPath).size + folderSize(`${app.asarPath}.unpacked`);
    expect(total).toBeLessThan(MAX_PACKAGE_BYTES);
  });

  it('has no update configuration when no feed is given at build time', () => {
    expect(existsSync(join(app.resourcesDir, 'app-update.yml'))).toBe(false);
  });

  it(`writes app-update.yml with the feed when ${UPDATE_FEED_ENV} is set`, () => {
    const updateConfig = readFileSync(join(withFeed.resourcesDir, 'app-update.yml'), 'utf8');
    expect(updateConfig).toMatch(/^provider: generic$/m);
    expect(updateConfig).toContain(`url: ${FEED}`);
  });
});
