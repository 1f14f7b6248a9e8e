import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/** The repository root and the built bundles the checks in this folder run against. */
export const repoRoot = resolve(import.meta.dirname, '..');

export const builtBundles = {
  main: resolve(repoRoot, 'out/main/index.js'),
  preload: resolve(repoRoot, 'out/preload/index.cjs'),
  harnessBridge: resolve(repoRoot, 'out/harness/bridge.js'),
  rendererIndex: resolve(repoRoot, 'out/renderer/index.html'),
} as const;

/** These checks test what `npm run build` produced; without it they fail with the command to run. */
export function requireBuilt(file: string): string {
  if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` before the build checks`);
  return file;
}
