import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export type ElectronBinaryStatus = { available: true; path: string } | { available: false; reason: string };

/** The `electron` package of this checkout. */
export const electronPackageDir = resolve(import.meta.dirname, '../node_modules/electron');

/**
 * Where `npm start` (electron-vite) will look for the Electron binary, and whether it is there. The
 * same rules as electron-vite's and the electron package's own: ELECTRON_EXEC_PATH, then
 * ELECTRON_OVERRIDE_DIST_PATH, then `dist/` named by `path.txt`. Read without requiring the package,
 * because requiring it starts a download.
 */
export function electronBinaryStatus(packageDir = electronPackageDir, env: NodeJS.ProcessEnv = process.env): ElectronBinaryStatus {
  const execPath = env['ELECTRON_EXEC_PATH'];
  if (execPath) return existsSync(execPath) ? { available: true, path: execPath } : { available: false, reason: `ELECTRON_EXEC_PATH names ${execPath}, which does not exist` };
  const pathFile = join(packageDir, 'path.txt');
  const executable = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : undefined;
  const overrideDist = env['ELECTRON_OVERRIDE_DIST_PATH'];
  if (overrideDist) {
    const binary = join(overrideDist, executable ?? 'electron');
    return existsSync(binary) ? { available: true, path: binary } : { available: false, reason: `ELECTRON_OVERRIDE_DIST_PATH has no Electron binary at ${binary}` };
  }
  if (!executable) {
    return { available: false, reason: `the Electron binary is not installed (no ${join(packageDir, 'dist')})` };
  }
  const binary = join(packageDir, 'dist', executable);
  return existsSync(binary) ? { available: true, path: binary } : { available: false, reason: `the Electron binary is missing at ${binary}` };
}

export function electronVersion(packageDir = electronPackageDir): string {
  return (JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { version: string }).version;
}
