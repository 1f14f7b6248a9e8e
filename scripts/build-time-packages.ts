import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

/**
 * Dependencies of our native addons that only install or compile them: keytar's installer
 * (prebuild-install) and the C++ headers both addons compile against (node-addon-api). Nothing
 * requires them at run time, and the app ships prebuilt binaries, so they stay out of the package.
 */
export const BUILD_TIME_ONLY_PACKAGES = ['prebuild-install', 'node-addon-api'] as const;

interface Manifest {
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
}

function readManifest(packageDir: string): Manifest {
  return JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as Manifest;
}

/** Node's lookup: <dir>/node_modules/<name>, then each parent folder's, up to the project. */
function findPackage(fromDir: string, name: string, projectDir: string): string | undefined {
  for (let dir = fromDir; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return candidate;
    if (dir === projectDir || dirname(dir) === dir) return undefined;
  }
}

function installedDependencies(packageDir: string, projectDir: string): string[] {
  const manifest = readManifest(packageDir);
  const names = new Set([
    ...Object.keys(manifest.dependencies ?? {}),
    ...Object.keys(manifest.optionalDependencies ?? {}),
    ...Object.keys(manifest.peerDependencies ?? {}),
  ]);
  return [...names].flatMap((name) => findPackage(packageDir, name, projectDir) ?? []);
}

/** Every installed package directory reachable from the project's dependencies, optionally not through `skip`. */
function reachablePackages(projectDir: string, skip: ReadonlySet<string>): Set<string> {
  const seen = new Set<string>();
  const queue = Object.keys(readManifest(projectDir).dependencies ?? {}).flatMap((name) => findPackage(projectDir, name, projectDir) ?? []);
  while (queue.length > 0) {
    const dir = queue.pop() as string;
    if (seen.has(dir)) continue;
    if (skip.has(packageName(dir))) continue;
    seen.add(dir);
    queue.push(...installedDependencies(dir, projectDir));
  }
  return seen;
}

function packageName(dir: string): string {
  const parent = dirname(dir);
  return parent.endsWith(`${sep}node_modules`) ? relative(parent, dir) : `${parent.split(sep).at(-1)}/${relative(parent, dir)}`;
}

/**
 * The names of the installed packages that the app's production dependencies reach only through
 * BUILD_TIME_ONLY_PACKAGES: the build-time packages themselves and what only they use. A name that is
 * also installed for run-time use anywhere (another version, elsewhere in the tree) is left out, so
 * that excluding by name (electron-builder lays node_modules out anew) never drops a run-time package.
 */
export function buildTimeOnlyPackageNames(projectDir: string): string[] {
  const root = resolve(projectDir);
  const runtimeNames = new Set([...reachablePackages(root, new Set(BUILD_TIME_ONLY_PACKAGES))].map(packageName));
  const allNames = new Set([...reachablePackages(root, new Set())].map(packageName));
  return [...allNames].filter((name) => !runtimeNames.has(name)).sort();
}
