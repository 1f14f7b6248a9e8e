import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export type ElectronBinaryStatus = { available: true; path: string } | { available: false; reason: string };

/** The Electron e2e project needs the real binary, which installs skipped where it cannot be downloaded. */
export function electronBinaryStatus(): ElectronBinaryStatus {
  const packageDir = resolve(import.meta.dirname, '../../node_modules/electron');
  const pathFile = join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) {
    return {
      available: false,
      reason: 'the Electron binary is not installed (ELECTRON_SKIP_BINARY_DOWNLOAD or no network); the harness project covers the renderer and handlers',
    };
  }
  const binary = join(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? { available: true, path: binary } : { available: false, reason: `Electron binary missing at ${binary}` };
}
