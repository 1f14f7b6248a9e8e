import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import type { Configuration } from 'electron-builder';
import { createBuilderConfig, MSI_UPGRADE_CODE, notarizeFromEnv, WIN_PUBLISHER_ENV } from '../electron-builder.config';
import { UPDATE_FEED_ENV } from '../main/update/update-policy';
import { repoRoot } from './built-output';

/**
 * The parts of the packaging that cannot be built here (macOS signing and notarisation, Windows
 * installers and signing), checked in the configuration itself.
 */

const config = createBuilderConfig({});
const targetsOf = (section: { target?: unknown } | null | undefined) =>
  (section?.target as Array<{ target: string; arch?: string[] }>).map((entry) => ({ target: entry.target, arch: entry.arch }));

describe('electron-builder configuration', () => {
  it('loads through electron-builder’s own loader, as `npm run dist` loads it', async () => {
    const resolveFromProject = createRequire(join(repoRoot, 'package.json'));
    const { getConfig } = resolveFromProject('app-builder-lib/out/util/config/config') as {
      getConfig(projectDir: string, configPath: string | null, configFromOptions: null): Promise<Configuration>;
    };
    const loaded = await getConfig(repoRoot, 'electron-builder.config.ts', null);
    expect(loaded.appId).toBe('no.fjernhjelp.admin');
    expect(loaded.npmRebuild).toBe(false);
    const packageJson = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(packageJson.scripts.dist).toContain('--config electron-builder.config.ts');
    expect(`${packageJson.scripts.predist ?? ''} ${packageJson.scripts.dist}`).toContain('scripts/prepare-native.ts');
    expect(existsSync(join(repoRoot, 'electron-builder.yml'))).toBe(false);
  });

  it('rebuilds nothing and unpacks only native binaries', () => {
    expect(config.npmRebuild).toBe(false);
    expect(config.asarUnpack).toEqual(['**/*.node']);
    expect(config.asar).toEqual({ smartUnpack: false });
  });

  it('keeps the prepared native binaries out of git', () => {
    expect(readFileSync(join(repoRoot, '.gitignore'), 'utf8').split('\n')).toContain('.native/');
  });

  it('macOS: hardened runtime with our own entitlements, DMG for x64 and arm64', () => {
    expect(config.mac).toMatchObject({
      hardenedRuntime: true,
      entitlements: 'build/entitlements.mac.plist',
      entitlementsInherit: 'build/entitlements.mac.plist',
    });
    expect(targetsOf(config.mac)).toEqual([{ target: 'dmg', arch: ['x64', 'arm64'] }]);
  });

  it('macOS: the entitlements allow V8’s JIT and nothing else', () => {
    const plist = readFileSync(join(repoRoot, 'build/entitlements.mac.plist'), 'utf8');
    const body = plist.replace(/<!--[\s\S]*?-->/g, '');
    const keys = [...body.matchAll(/<key>([^<]+)<\/key>/g)].map((match) => match[1]);
    expect(keys).toEqual(['com.apple.security.cs.allow-jit']);
    for (const weakening of ['disable-library-validation', 'allow-unsigned-executable-memory', 'allow-dyld-environment-variables', 'disable-executable-page-protection']) {
      expect(body).not.toContain(weakening);
    }
  });

  it('macOS: notarises only when Apple credentials are in the environment', () => {
    expect(config.mac?.notarize).toBe(false);
    expect(notarizeFromEnv({})).toBe(false);
    expect(createBuilderConfig({ APPLE_API_KEY: '/keys/AuthKey.p8', APPLE_API_KEY_ID: 'K', APPLE_API_ISSUER: 'I' }).mac?.notarize).toBe(true);
    expect(createBuilderConfig({ APPLE_ID: 'a@b.no', APPLE_APP_SPECIFIC_PASSWORD: 'x', APPLE_TEAM_ID: 'T' }).mac?.notarize).toBe(true);
    // A partial set turns notarisation on, so that electron-builder stops and names what is missing.
    expect(notarizeFromEnv({ APPLE_ID: 'a@b.no' })).toBe(true);
  });

  it('Windows: NSIS with the per-user / per-machine choice, and a per-machine MSI, both for x64 and arm64', () => {
    expect(targetsOf(config.win)).toEqual([
      { target: 'nsis', arch: ['x64', 'arm64'] },
      { target: 'msi', arch: ['x64', 'arm64'] },
    ]);
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: false, allowElevation: true });
    expect(config.msi).toMatchObject({ perMachine: true, upgradeCode: MSI_UPGRADE_CODE, runAfterFinish: false });
    expect(MSI_UPGRADE_CODE).toMatch(/^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/);
    // One file per arch: the default MSI name has no arch, and the second build would overwrite the first.
    expect(config.msi?.artifactName).toContain('${arch}');
  });

  it('Windows: SHA-256 signatures with an RFC 3161 timestamp; the publisher name comes from the environment', () => {
    expect(config.win?.signtoolOptions).toMatchObject({ signingHashAlgorithms: ['sha256'], rfc3161TimeStampServer: expect.stringMatching(/^https?:\/\//) });
    expect(config.win?.signtoolOptions?.publisherName).toBeUndefined();
    expect(config.win?.verifyUpdateCodeSignature).toBe(true);
    const signed = createBuilderConfig({ [WIN_PUBLISHER_ENV]: 'Norsk Helsenett SF' });
    expect(signed.win?.signtoolOptions?.publisherName).toBe('Norsk Helsenett SF');
  });

  it('Linux: AppImage and deb', () => {
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
  });

  it('publishes an update feed only when one is given, and only https', () => {
    expect(config.publish).toBeNull();
    const withFeed = createBuilderConfig({ [UPDATE_FEED_ENV]: 'https://updates.example.no/fjernhjelp' });
    expect(withFeed.publish).toEqual([{ provider: 'generic', url: 'https://updates.example.no/fjernhjelp/' }]);
    // Squirrel.Mac updates from a zip.
    expect(targetsOf(withFeed.mac).map((entry) => entry.target)).toEqual(['dmg', 'zip']);
    expect(() => createBuilderConfig({ [UPDATE_FEED_ENV]: 'http://updates.example.no/' })).toThrow(/https/);
  });

  it('every platform packages the same app files and its own native binaries', () => {
    for (const [platform, section] of [['darwin', config.mac], ['win32', config.win], ['linux', config.linux]] as const) {
      const files = section?.files as Array<string | { from: string; to: string }>;
      expect(files.slice(0, 4)).toEqual(['out/main/**', 'out/preload/**', 'out/renderer/**', 'package.json']);
      expect(files).toContain(`!**/node_modules/better-sqlite3/prebuilds/!(${platform}-\${arch}.node)`);
      expect(files).toContainEqual(expect.objectContaining({ from: expect.stringMatching(new RegExp(`keytar[/\\\\]${platform}-\\$\\{arch\\}$`)), to: 'node_modules/keytar/build/Release' }));
    }
  });

  it('icon: one 1024 × 1024 PNG source with transparent corners, drawn from the SVG kept next to it', () => {
    expect(config.icon).toBe('build/icon.png');
    const png = PNG.sync.read(readFileSync(join(repoRoot, 'build/icon.png')));
    // electron-builder 26 needs at least 512 for .icns and 256 for .ico; 1024 covers the 512@2x Retina size.
    expect([png.width, png.height]).toEqual([1024, 1024]);
    expect(png.data[3]).toBe(0);
    expect(png.data[(512 * 1024 + 512) * 4 + 3]).toBe(255);
    expect(existsSync(join(repoRoot, 'build/icon-source.svg'))).toBe(true);
  });
});
