import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildTimeOnlyPackageNames } from '../scripts/build-time-packages';
import { binaryTarget, isNodeApiAddon, keytarBinaryPath, MissingNativeBinary, prepareKeytar, targetArches, type TargetArch } from '../scripts/native-binaries';
import { repoRoot } from './built-output';

/** The pre-step of `npm run dist` that puts keytar.node for each target arch under .native. */

const hostArch = process.arch as TargetArch;
const otherArch: TargetArch = hostArch === 'x64' ? 'arm64' : 'x64';
const sqlitePrebuilds = join(repoRoot, 'node_modules/better-sqlite3/prebuilds');
const keytarVersion = (JSON.parse(readFileSync(join(repoRoot, 'node_modules/keytar/package.json'), 'utf8')) as { version: string }).version;

const tempDirs: string[] = [];
afterAll(() => tempDirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  tempDirs.push(dir);
  return dir;
}

/** A prebuild-install tarball (build/Release/keytar.node) holding `binary`, in a fresh folder. */
function localPrebuild(platform: string, arch: string, binary: string): string {
  const dir = tempDir('keytar-prebuilds-');
  const stage = join(dir, 'stage');
  mkdirSync(join(stage, 'build/Release'), { recursive: true });
  copyFileSync(binary, join(stage, 'build/Release/keytar.node'));
  execFileSync('tar', ['-czf', join(dir, `keytar-v${keytarVersion}-napi-v3-${platform}-${arch}.tar.gz`), '-C', stage, 'build/Release/keytar.node']);
  return dir;
}

describe('binaryTarget', () => {
  it.each(readdirSync(sqlitePrebuilds).filter((name) => name.endsWith('.node')))('reads %s from its header', (name) => {
    const [platform, arch] = name.replace('.node', '').replace('linuxmusl', 'linux').split('-');
    const bytes = readFileSync(join(sqlitePrebuilds, name));
    expect(binaryTarget(bytes)).toEqual({ platform, arch });
    expect(isNodeApiAddon(bytes)).toBe(true);
  });

  it('knows no text file', () => {
    expect(binaryTarget(Buffer.alloc(128, 'a'))).toBeUndefined();
  });
});

describe('prepareKeytar', () => {
  it('copies the host arch’s binary from node_modules', async () => {
    const nativeDir = tempDir('native-');
    const file = await prepareKeytar({ projectDir: repoRoot, platform: 'linux', arch: hostArch, nativeDir, hostPlatform: 'linux' });
    expect(file).toBe(keytarBinaryPath(nativeDir, 'linux', hostArch));
    expect(readFileSync(file).equals(readFileSync(join(repoRoot, 'node_modules/keytar/build/Release/keytar.node')))).toBe(true);
  });

  it('fetches another arch with keytar’s prebuild-install (here from a local prebuild folder) and checks what it got', async () => {
    const nativeDir = tempDir('native-');
    // Any Node-API binary for that arch serves: the check is on the header.
    const binary = join(sqlitePrebuilds, `linux-${otherArch}.node`);
    const file = await prepareKeytar({ projectDir: repoRoot, platform: 'linux', arch: otherArch, nativeDir, localPrebuilds: localPrebuild('linux', otherArch, binary) });
    expect(readFileSync(file).equals(readFileSync(binary))).toBe(true);
  });

  it('refuses a fetched binary for the wrong arch, in one line', async () => {
    const wrong = localPrebuild('win32', 'arm64', join(sqlitePrebuilds, 'win32-x64.node'));
    const attempt = prepareKeytar({ projectDir: repoRoot, platform: 'win32', arch: 'arm64', nativeDir: tempDir('native-'), localPrebuilds: wrong });
    await expect(attempt).rejects.toThrow(MissingNativeBinary);
    await expect(attempt).rejects.toThrow(/^keytar\.node for win32-arm64 is missing: .* gave a win32-x64 binary$/);
  });

  it('stops with one line naming the missing file when the download fails', async () => {
    const attempt = prepareKeytar({
      projectDir: repoRoot,
      platform: 'darwin',
      arch: 'arm64',
      nativeDir: tempDir('native-'),
      downloadUrl: 'http://127.0.0.1:9/keytar.tar.gz',
    });
    await expect(attempt).rejects.toThrow(MissingNativeBinary);
    const message = await attempt.catch((error: Error) => error.message);
    expect(message).not.toContain('\n');
    expect(message).toContain(`keytar-v${keytarVersion}-napi-v3-darwin-arm64.tar.gz`);
    expect(message).toContain('FJERNHJELP_NATIVE_PREBUILDS');
  });
});

describe('targetArches', () => {
  it('takes the arches a platform section names, and the host arch for targets without', () => {
    expect(targetArches({ target: [{ target: 'nsis', arch: ['x64', 'arm64'] }, { target: 'msi', arch: ['x64', 'arm64'] }] })).toEqual(['x64', 'arm64']);
    expect(targetArches({ target: ['AppImage', 'deb'] }, 'arm64')).toEqual(['arm64']);
    expect(targetArches(undefined, 'x64')).toEqual(['x64']);
    expect(() => targetArches({ target: [{ target: 'nsis', arch: ['ia32'] }] })).toThrow(/ia32/);
  });
});

describe('buildTimeOnlyPackageNames', () => {
  it('names the addons’ installer, headers and what only they use, never a run-time package', () => {
    const names = buildTimeOnlyPackageNames(repoRoot);
    expect(names).toEqual(expect.arrayContaining(['prebuild-install', 'node-addon-api', 'tar-fs', 'simple-get']));
    const runtime = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    expect(names.filter((name) => name in runtime.dependencies)).toEqual([]);
    // electron-updater needs semver, which prebuild-install's node-abi also uses: it stays.
    expect(names).not.toContain('semver');
  });
});
