import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';

/**
 * The packaged app needs keytar's native binary for the arch it is built for, but npm installs (or
 * compiles) it for the host arch only. `npm run dist` therefore first puts one per target arch under
 * .native/keytar/<platform>-<arch>/keytar.node, and electron-builder takes the one for the arch it
 * packages (electron-builder.config.ts). better-sqlite3 needs none of this: it ships every prebuild.
 */

export type NodePlatform = 'darwin' | 'linux' | 'win32';
export type TargetArch = 'x64' | 'arm64';

/** Where the prepared binaries live, relative to the project (git-ignored). */
export const NATIVE_DIR = '.native';

export function defaultNativeDir(projectDir: string): string {
  return join(projectDir, NATIVE_DIR);
}

/** An offline folder with keytar-v<version>-napi-v3-<platform>-<arch>.tar.gz files prebuild-install takes instead of downloading. */
export const LOCAL_PREBUILDS_ENV = 'FJERNHJELP_NATIVE_PREBUILDS';

/** The folder with keytar.node for one platform and arch, under a native dir (default: .native). */
export function keytarBinaryDir(nativeDir: string, platform: NodePlatform, arch: string): string {
  return join(nativeDir, 'keytar', `${platform}-${arch}`);
}

export function keytarBinaryPath(nativeDir: string, platform: NodePlatform, arch: string): string {
  return join(keytarBinaryDir(nativeDir, platform, arch), 'keytar.node');
}

/** The platform and arch a native binary was built for, read from its ELF, Mach-O or PE header. */
export function binaryTarget(bytes: Buffer): { platform: NodePlatform; arch: string } | undefined {
  if (bytes.length < 64) return undefined;
  if (bytes.readUInt32BE(0) === 0x7f454c46) {
    const machine = bytes.readUInt16LE(18);
    const arch = ({ 0x3e: 'x64', 0xb7: 'arm64', 0x03: 'ia32', 0x28: 'arm' } as Record<number, string>)[machine];
    return { platform: 'linux', arch: arch ?? `elf-machine-${machine}` };
  }
  if (bytes.readUInt32LE(0) === 0xfeedfacf) {
    const cpu = bytes.readUInt32LE(4);
    const arch = ({ 0x01000007: 'x64', 0x0100000c: 'arm64' } as Record<number, string>)[cpu];
    return { platform: 'darwin', arch: arch ?? `macho-cpu-${cpu}` };
  }
  if (bytes.readUInt32BE(0) === 0xcafebabe) return { platform: 'darwin', arch: 'universal' };
  if (bytes.toString('latin1', 0, 2) === 'MZ') {
    const pe = bytes.readUInt32LE(0x3c);
    if (pe + 6 > bytes.length || bytes.readUInt32BE(pe) !== 0x50450000) return undefined;
    const machine = bytes.readUInt16LE(pe + 4);
    const arch = ({ 0x8664: 'x64', 0xaa64: 'arm64', 0x14c: 'ia32' } as Record<number, string>)[machine];
    return { platform: 'win32', arch: arch ?? `pe-machine-${machine}` };
  }
  return undefined;
}

/** A Node-API addon loads in Node and in Electron alike (exported symbol names are ASCII in all three formats). */
export function isNodeApiAddon(bytes: Buffer): boolean {
  return bytes.includes('napi_register_module_v1');
}

/** One line that says what is missing: `npm run dist` prints it and stops. */
export class MissingNativeBinary extends Error {
  override name = 'MissingNativeBinary';
}

function checkBinary(file: string, platform: NodePlatform, arch: string, origin: string): void {
  const bytes = readFileSync(file);
  const found = binaryTarget(bytes);
  if (found?.platform !== platform || found.arch !== arch) {
    throw new MissingNativeBinary(
      `keytar.node for ${platform}-${arch} is missing: ${origin} gave a ${found ? `${found.platform}-${found.arch}` : 'unrecognised'} binary`,
    );
  }
  if (!isNodeApiAddon(bytes)) throw new MissingNativeBinary(`keytar.node for ${platform}-${arch} is missing: ${origin} gave a binary that is not Node-API`);
}

export interface PrepareKeytarOptions {
  /** The project: node_modules/keytar and node_modules/prebuild-install are read from here. */
  projectDir: string;
  platform: NodePlatform;
  arch: TargetArch;
  /** Where the binaries go; defaults to <projectDir>/.native. */
  nativeDir?: string;
  hostPlatform?: NodeJS.Platform;
  hostArch?: string;
  /** Folder of keytar prebuild tarballs to use instead of downloading (see LOCAL_PREBUILDS_ENV). */
  localPrebuilds?: string;
  /** Tests only: where prebuild-install downloads from instead of keytar's GitHub releases. */
  downloadUrl?: string;
}

const run = promisify(execFile);

/** Puts keytar.node for one platform and arch under .native and returns its path. */
export async function prepareKeytar(options: PrepareKeytarOptions): Promise<string> {
  const { projectDir, platform, arch } = options;
  const target = keytarBinaryPath(options.nativeDir ?? defaultNativeDir(projectDir), platform, arch);
  mkdirSync(dirname(target), { recursive: true });
  const keytarDir = join(projectDir, 'node_modules', 'keytar');

  if (platform === (options.hostPlatform ?? process.platform) && arch === (options.hostArch ?? process.arch)) {
    const installed = join(keytarDir, 'build', 'Release', 'keytar.node');
    if (!existsSync(installed)) {
      throw new MissingNativeBinary(`keytar.node for ${platform}-${arch} is missing: ${installed} does not exist (run npm rebuild keytar)`);
    }
    checkBinary(installed, platform, arch, installed);
    copyFileSync(installed, target);
    return target;
  }

  // keytar's own installer fetches its published Node-API build for another arch into a copy of the package.
  const keytarPackage = JSON.parse(readFileSync(join(keytarDir, 'package.json'), 'utf8')) as { version: string };
  const work = mkdtempSync(join(tmpdir(), `keytar-${platform}-${arch}-`));
  try {
    copyFileSync(join(keytarDir, 'package.json'), join(work, 'package.json'));
    const args = ['--runtime', 'napi', '--target', '3', '--arch', arch, '--platform', platform];
    if (options.localPrebuilds) args.push('--local-prebuilds', resolve(options.localPrebuilds));
    if (options.downloadUrl) args.push('--download', options.downloadUrl);
    const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^(npm_config_(build_from_source|platform|arch|target|runtime|libc)|npm_package_(from|resolved))$/i.test(key)));
    const outcome = await run(process.execPath, [join(projectDir, 'node_modules', 'prebuild-install', 'bin.js'), ...args], {
      cwd: work,
      env,
      timeout: 120_000,
    }).then(
      () => undefined,
      (error: { stderr?: string; message?: string }) => {
        const lines = `${error.stderr ?? ''}`.split('\n').map((line) => line.trim()).filter(Boolean);
        const problem = lines.filter((line) => /^prebuild-install (warn|ERR!)/.test(line)).at(-1) ?? lines.at(-1) ?? error.message ?? 'failed';
        return problem.replace(/^prebuild-install (warn|ERR!)( install)? /, '');
      },
    );
    const fetched = join(work, 'build', 'Release', 'keytar.node');
    if (outcome !== undefined || !existsSync(fetched)) {
      const file = `keytar-v${keytarPackage.version}-napi-v3-${platform}-${arch}.tar.gz`;
      throw new MissingNativeBinary(
        `keytar.node for ${platform}-${arch} is missing: prebuild-install could not fetch ${file} (${(outcome ?? 'no binary').replace(/\s+/g, ' ')}); ` +
          `put that file in a folder named by ${LOCAL_PREBUILDS_ENV}, or build on a ${platform}-${arch} machine`,
      );
    }
    checkBinary(fetched, platform, arch, `prebuild-install (keytar ${keytarPackage.version})`);
    copyFileSync(fetched, target);
    return target;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** electron-builder's configuration keys per Node platform. */
export const builderPlatformKey: Record<NodePlatform, 'mac' | 'win' | 'linux'> = { darwin: 'mac', win32: 'win', linux: 'linux' };

type TargetEntry = string | { target: string; arch?: string | string[] };

/**
 * The arches a platform section's targets name; a target without arches is built for the host arch
 * (electron-builder's default).
 */
export function targetArches(section: { target?: TargetEntry | TargetEntry[] | null } | null | undefined, hostArch: string = process.arch): TargetArch[] {
  const entries = section?.target == null ? [] : Array.isArray(section.target) ? section.target : [section.target];
  const arches = new Set<string>();
  for (const entry of entries) {
    const named = typeof entry === 'string' ? undefined : entry.arch;
    for (const arch of named == null ? [hostArch] : Array.isArray(named) ? named : [named]) arches.add(arch);
  }
  if (arches.size === 0) arches.add(hostArch);
  for (const arch of arches) {
    if (arch !== 'x64' && arch !== 'arm64') throw new Error(`no native binaries are prepared for arch ${arch}`);
  }
  return [...arches] as TargetArch[];
}
