import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Arch, type Configuration } from 'electron-builder';
import { updateFeedFromEnv } from './main/update/update-policy';
import { buildTimeOnlyPackageNames } from './scripts/build-time-packages';
import { defaultNativeDir, keytarBinaryDir, keytarBinaryPath, type NodePlatform } from './scripts/native-binaries';

/**
 * electron-builder's configuration (loaded by `npm run dist`). A module rather than YAML because
 * signing, notarisation and the update feed come from the build environment and apply only when set.
 */

const projectDir = dirname(fileURLToPath(import.meta.url));

type Env = Readonly<Record<string, string | undefined>>;

/** The environment variable with the Windows certificate's publisher name (its subject CN), for electron-updater's check. */
export const WIN_PUBLISHER_ENV = 'FJERNHJELP_WIN_PUBLISHER_NAME';

/** Windows Installer's identity of the product across versions: never change it, or MSI upgrades become side-by-side installs. */
export const MSI_UPGRADE_CODE = '58E2C0B9-8E3C-4DDB-93FA-EEE5CEF58BE7';

/** RFC 3161 timestamps keep signatures valid after the certificate expires (timestamp tokens are signed: plain HTTP is normal). */
export const WIN_TIMESTAMP_SERVER = 'http://timestamp.digicert.com';

const NOTARIZE_ENV = ['APPLE_ID', 'APPLE_APP_SPECIFIC_PASSWORD', 'APPLE_TEAM_ID', 'APPLE_API_KEY', 'APPLE_API_KEY_ID', 'APPLE_API_ISSUER', 'APPLE_KEYCHAIN_PROFILE'];

/**
 * electron-builder notarises with whichever credentials the environment holds (APPLE_API_KEY +
 * APPLE_API_KEY_ID + APPLE_API_ISSUER, or APPLE_ID + APPLE_APP_SPECIFIC_PASSWORD + APPLE_TEAM_ID, or
 * APPLE_KEYCHAIN_PROFILE). None set: no notarisation. Some set: it notarises, and stops with the
 * name of what is missing.
 */
export function notarizeFromEnv(env: Env): boolean {
  return NOTARIZE_ENV.some((name) => Boolean(env[name]?.trim()));
}

/**
 * What the package holds, per platform. Each platform section carries the whole list: electron-builder
 * treats a platform's own `files` as the main list when it has one, so a platform section with only
 * exclusions would take in the whole project.
 */
function appFiles(platform: NodePlatform, nativeDir: string): NonNullable<Configuration['files']> {
  return [
    // Only the built app: the web harness (out/harness), the reference server's CLI, tests and sources stay out.
    'out/main/**',
    'out/preload/**',
    'out/renderer/**',
    'package.json',
    // The PDF report embeds two DejaVu cuts (main/fonts/dejavu-fonts.ts: the PDF report and the QR label); the package's other 20 files stay out.
    '!**/node_modules/dejavu-fonts-ttf/ttf/!(DejaVuSansCondensed.ttf|DejaVuSansCondensed-Bold.ttf)',
    '!**/node_modules/dejavu-fonts-ttf/{fontconfig,*.txt}',
    // Native addons ship as binaries, no sources. better-sqlite3 has every platform's prebuild: keep
    // this one's (`${arch}` is the target's; electron-builder's `${platform}` would be the host's).
    '!**/node_modules/better-sqlite3/{src,deps,binding.gyp}{,/**/*}',
    `!**/node_modules/better-sqlite3/prebuilds/!(${platform}-\${arch}.node)`,
    // keytar's build folder holds the host's binary only: the target's comes from the native dir below.
    '!**/node_modules/keytar/{src,binding.gyp,build}{,/**/*}',
    // The addons' installer and C++ headers, and what only they use (scripts/build-time-packages.ts).
    ...buildTimeOnlyPackageNames(projectDir).map((name) => `!**/node_modules/${name}{,/**/*}`),
    // Files nothing loads at run time: source maps, TypeScript sources (Node strips no types under
    // node_modules), documentation, and the yarn release pdfkit publishes by mistake.
    '!**/node_modules/**/*.{map,ts,cts,mts}',
    '!**/node_modules/**/!(LICEN[CS]E*|licen[cs]e*).{md,markdown}',
    '!**/node_modules/*/.yarn{,/**/*}',
    { from: keytarBinaryDir(nativeDir, platform, '${arch}'), to: 'node_modules/keytar/build/Release', filter: ['keytar.node'] },
  ];
}

const archName = (arch: Arch): string => Arch[arch];

export interface BuilderConfigOptions {
  /** Where scripts/prepare-native.ts put the per-arch binaries (default .native). */
  nativeDir?: string;
}

export function createBuilderConfig(env: Env = process.env, options: BuilderConfigOptions = {}): Configuration {
  const nativeDir = options.nativeDir ?? defaultNativeDir(projectDir);
  const updateFeed = updateFeedFromEnv(env);
  const publisherName = env[WIN_PUBLISHER_ENV]?.trim();
  const macArches = ['x64', 'arm64'] as Array<'x64' | 'arm64'>;
  const winArches = ['x64', 'arm64'] as Array<'x64' | 'arm64'>;

  return {
    appId: 'no.fjernhjelp.admin',
    productName: 'Fjernhjelp Admin',
    copyright: 'Copyright © 2026 Fjernhjelp Admin',
    directories: { output: 'dist', buildResources: 'build' },
    // The one icon source: electron-builder makes the .icns and .ico from it (build/icon-source.svg draws it; npm run icons).
    icon: 'build/icon.png',
    // Native code cannot be loaded from inside an asar: the .node files, and nothing else, are unpacked
    // (smart unpacking would unpack every package that holds one, sources and all).
    asar: { smartUnpack: false },
    asarUnpack: ['**/*.node'],
    // Both addons are Node-API and ship prebuilt binaries: nothing to rebuild for Electron, and a
    // rebuild in place would leave node_modules on the last arch built.
    npmRebuild: false,
    nodeGypRebuild: false,
    beforePack: async (context) => {
      const platform = context.electronPlatformName as NodePlatform;
      const arch = archName(context.arch);
      const binary = keytarBinaryPath(nativeDir, platform, arch);
      if (!existsSync(binary)) {
        throw new Error(`${binary} is missing: npm run dist prepares it (npx tsx scripts/prepare-native.ts ${platform})`);
      }
    },
    electronFuses: {
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
      grantFileProtocolExtraPrivileges: false,
      loadBrowserProcessSpecificV8Snapshot: false,
    },
    // electron-updater's generic feed only when one is given at build time; null (not absent) so that
    // electron-builder does not derive a GitHub feed from the repository.
    publish: updateFeed ? [{ provider: 'generic', url: updateFeed }] : null,

    mac: {
      category: 'public.app-category.utilities',
      hardenedRuntime: true,
      // Our own, minimal entitlements for the app and its helpers (see the file).
      entitlements: 'build/entitlements.mac.plist',
      entitlementsInherit: 'build/entitlements.mac.plist',
      // Signing identity: CSC_LINK + CSC_KEY_PASSWORD (or one in the keychain); notarisation: see notarizeFromEnv.
      notarize: notarizeFromEnv(env),
      target: [
        { target: 'dmg', arch: macArches },
        // electron-updater (Squirrel.Mac) updates from the zip.
        ...(updateFeed ? [{ target: 'zip', arch: macArches }] : []),
      ],
      files: appFiles('darwin', nativeDir),
    },

    win: {
      target: [
        { target: 'nsis', arch: winArches },
        { target: 'msi', arch: winArches },
      ],
      // Certificate: WIN_CSC_LINK + WIN_CSC_KEY_PASSWORD (or CSC_LINK + CSC_KEY_PASSWORD); unsigned without one.
      signtoolOptions: {
        signingHashAlgorithms: ['sha256'],
        rfc3161TimeStampServer: WIN_TIMESTAMP_SERVER,
        // Written into app-update.yml: electron-updater installs only updates signed by this publisher.
        // Without it electron-builder takes the certificate's common name.
        ...(publisherName ? { publisherName } : {}),
      },
      verifyUpdateCodeSignature: true,
      files: appFiles('win32', nativeDir),
    },
    // Assisted installer whose first page asks: for me only (no admin rights) or for all users (elevates).
    nsis: {
      oneClick: false,
      perMachine: false,
      selectPerMachineByDefault: false,
      allowElevation: true,
      allowToChangeInstallationDirectory: true,
      deleteAppDataOnUninstall: false,
    },
    // For Intune/SCCM: always per machine, silent with msiexec /qn, and not started after a deployment
    // (which runs as SYSTEM). The upgrade code ties every version together so each one replaces the last.
    msi: {
      perMachine: true,
      upgradeCode: MSI_UPGRADE_CODE,
      runAfterFinish: false,
      artifactName: '${productName}-${version}-${arch}.${ext}',
    },

    linux: {
      category: 'Utility',
      maintainer: 'Fjernhjelp Admin',
      target: ['AppImage', 'deb'],
      files: appFiles('linux', nativeDir),
    },
  };
}

export default createBuilderConfig();
