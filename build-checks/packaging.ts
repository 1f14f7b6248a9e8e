import { chmodSync, existsSync, mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { listPackage, statFile } from '@electron/asar';
import { build, Platform } from 'electron-builder';
import { createBuilderConfig } from '../electron-builder.config';
import { builtBundles, repoRoot, requireBuilt } from './built-output';

/**
 * No Electron binary can be downloaded here, but electron-builder packages just as well from a
 * stand-in distribution: an executable named electron and the two license files it copies.
 */
function fakeElectronDist(): string {
  const dir = mkdtempSync(join(tmpdir(), 'fake-electron-'));
  writeFileSync(join(dir, 'electron'), '#!/bin/sh\nexit 0\n');
  chmodSync(join(dir, 'electron'), 0o755);
  writeFileSync(join(dir, 'LICENSE'), '');
  writeFileSync(join(dir, 'LICENSES.chromium.html'), '');
  return dir;
}

export interface PackagedApp {
  /** The temp folder electron-builder wrote to, with the fake Electron distribution: remove both when done. */
  tempDirs: string[];
  resourcesDir: string;
  asarPath: string;
  /** Every path in the asar, without the leading slash. */
  entries: string[];
  /** Files only (not directories) in the asar, with their size and whether they are unpacked. */
  files: Map<string, { size: number; unpacked: boolean }>;
  /** Files under app.asar.unpacked, relative to it, with forward slashes. */
  unpackedFiles: string[];
}

function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'));
}

/**
 * Packages the linux `dir` target for the host arch with the project's electron-builder
 * configuration (from `env`, with keytar's binary from `nativeDir`) into a temp folder. Fuses are
 * off: the stand-in binary has none.
 */
export async function packageLinuxDir(options: { env: Record<string, string>; nativeDir: string }): Promise<PackagedApp> {
  for (const file of [builtBundles.main, builtBundles.preload, builtBundles.rendererIndex]) requireBuilt(file);
  const output = mkdtempSync(join(tmpdir(), 'fjernhjelp-pack-'));
  const electronDist = fakeElectronDist();
  const config = {
    ...createBuilderConfig(options.env, { nativeDir: options.nativeDir }),
    electronDist,
    electronFuses: null,
    directories: { output, buildResources: 'build' },
  };
  await build({ projectDir: repoRoot, targets: Platform.LINUX.createTarget('dir'), config, publish: 'never' });
  const resourcesDir = join(output, 'linux-unpacked', 'resources');
  const asarPath = join(resourcesDir, 'app.asar');
  const entries = listPackage(asarPath, { isPack: false }).map((entry) => entry.replace(/^[/\\]/, '').split('\\').join('/'));
  const files = new Map<string, { size: number; unpacked: boolean }>();
  for (const entry of entries) {
    const stat = statFile(asarPath, entry, false) as { size?: number; unpacked?: boolean; files?: unknown; link?: string };
    if (stat.files !== undefined || stat.link !== undefined) continue;
    files.set(entry, { size: stat.size ?? 0, unpacked: stat.unpacked === true });
  }
  return { tempDirs: [output, electronDist], resourcesDir, asarPath, entries, files, unpackedFiles: listFiles(`${asarPath}.unpacked`) };
}

/** The size on disk of a folder's files. */
export function folderSize(dir: string): number {
  return listFiles(dir).reduce((sum, file) => sum + statSync(join(dir, file)).size, 0);
}
