import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * Installs MeshCentral for the engine tests, OUTSIDE the project: it is ~400 MB and never a dependency
 * of the app. The version is pinned because the control client is written against its protocol.
 *
 * Idempotent and safe against a killed install: npm installs into a temporary sibling folder, a marker
 * file is written only after npm succeeded and the package is where it should be, and only then is the
 * folder renamed (atomic on one file system) to its final name. A folder without the marker is never
 * taken for a good install.
 *
 * CLI: `npx tsx scripts/install-meshcentral.ts` prints the install folder (the one holding node_modules/).
 */
export const MESHCENTRAL_VERSION = '1.1.55';

/**
 * The modules MeshCentral's `oidc` auth strategy needs next to it, at the exact versions it asks for
 * (meshcentral.js ~4322-4332): it would install them on demand at its first start with the strategy, which
 * the test fixture forbids (--npmpath /bin/false). Installed in the same npm run as MeshCentral itself.
 */
export const MESHCENTRAL_SIGN_IN_MODULES = ['passport@0.7.0', 'connect-flash@0.1.1', 'openid-client@5.7.1'] as const;

/** Raised when what an install holds changes: an install with an older marker is done again. */
const INSTALL_SCHEME = 2;

/** The shared, world-readable cache; FJERNHJELP_MESHCENTRAL_ROOT moves it (e.g. in CI). */
export function meshCentralRoot(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env['FJERNHJELP_MESHCENTRAL_ROOT'] ?? '/var/cache/fjernhjelp-admin');
}

export function meshCentralInstallDir(env: NodeJS.ProcessEnv = process.env): string {
  return join(meshCentralRoot(env), `meshcentral-${MESHCENTRAL_VERSION}`);
}

const MARKER = '.fjernhjelp-installed.json';

/** The install folder if it holds a complete install of the pinned version, else undefined. */
export function installedMeshCentral(dir = meshCentralInstallDir()): string | undefined {
  try {
    const marker = JSON.parse(readFileSync(join(dir, MARKER), 'utf8')) as { version?: unknown; scheme?: unknown };
    if (marker.version !== MESHCENTRAL_VERSION || marker.scheme !== INSTALL_SCHEME) return undefined;
    const wanted = [`meshcentral@${MESHCENTRAL_VERSION}`, ...MESHCENTRAL_SIGN_IN_MODULES];
    return wanted.every((spec) => installedVersion(dir, spec)) ? dir : undefined;
  } catch {
    return undefined;
  }
}

/** Whether `name@version` is in the install's node_modules at exactly that version. */
function installedVersion(dir: string, spec: string): boolean {
  const at = spec.lastIndexOf('@');
  const name = spec.slice(0, at);
  const version = spec.slice(at + 1);
  const pkg = JSON.parse(readFileSync(join(dir, 'node_modules', name, 'package.json'), 'utf8')) as { version?: unknown };
  return pkg.version === version;
}

function runNpm(cwd: string): Promise<void> {
  // npm from the PATH (the same Node 24 the project uses). Output is collected for the error only.
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const packages = [`meshcentral@${MESHCENTRAL_VERSION}`, ...MESHCENTRAL_SIGN_IN_MODULES];
  const args = ['install', ...packages, '--no-audit', '--no-fund', '--no-save', '--loglevel=error'];
  return new Promise((resolvePromise, reject) => {
    const child = spawn(npm, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], shell: process.platform === 'win32' });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolvePromise();
      else reject(new Error(`npm install ${packages.join(' ')} failed (exit ${code}): ${output.trim().slice(-2000)}`));
    });
  });
}

/** Ensures the pinned MeshCentral is installed and returns its folder (the one holding node_modules/). */
export async function installMeshCentral(env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const dir = meshCentralInstallDir(env);
  const ready = installedMeshCentral(dir);
  if (ready) return ready;

  const root = meshCentralRoot(env);
  mkdirSync(root, { recursive: true, mode: 0o755 });
  const staging = mkdtempSync(join(root, `.${basename(dir)}.partial-`));
  try {
    // mkdtemp makes the folder 0700; the cache is shared with other users (CI runners, the app's tests).
    chmodSync(staging, 0o755);
    writeFileSync(join(staging, 'package.json'), `${JSON.stringify({ name: 'meshcentral-for-tests', private: true }, null, 2)}\n`);
    await runNpm(staging);
    if (!existsSync(join(staging, 'node_modules/meshcentral/meshcentral.js'))) {
      throw new Error(`npm install meshcentral@${MESHCENTRAL_VERSION} finished but node_modules/meshcentral/meshcentral.js is missing`);
    }
    for (const spec of MESHCENTRAL_SIGN_IN_MODULES) {
      let present = false;
      try {
        present = installedVersion(staging, spec);
      } catch {
        // missing package.json: reported below
      }
      if (!present) throw new Error(`npm install finished but ${spec} is not in node_modules`);
    }
    writeFileSync(join(staging, MARKER), `${JSON.stringify({ version: MESHCENTRAL_VERSION, scheme: INSTALL_SCHEME, modules: MESHCENTRAL_SIGN_IN_MODULES, installedAt: new Date().toISOString() })}\n`);
    // A folder at the final name without a marker is a leftover of an older, broken scheme: replace it.
    if (existsSync(dir) && !installedMeshCentral(dir)) rmSync(dir, { recursive: true, force: true });
    try {
      renameSync(staging, dir);
    } catch (error) {
      // Another process (a parallel test file) may have won the race: its install is as good as ours.
      if (installedMeshCentral(dir)) return dir;
      throw error;
    }
    return dir;
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (invokedDirectly) {
  installMeshCentral().then(
    (dir) => console.log(dir),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : String(error));
      process.exit(1);
    },
  );
}
