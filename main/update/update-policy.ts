/**
 * When the packaged app updates itself, and from where. Plain Node: the build configuration
 * (electron-builder.config.ts) reads the feed from here, and main/electron/auto-update.ts the rest.
 */

/** The build-time environment variable with the update feed (electron-updater's generic provider). */
export const UPDATE_FEED_ENV = 'FJERNHJELP_UPDATE_URL';

/** The updater checks when the app starts and then this often. */
export const UPDATE_CHECK_INTERVAL_MS = 4 * 60 * 60 * 1000;

/** electron-builder writes this into the app's resources only when a feed was configured at build time. */
export const UPDATE_CONFIG_FILE = 'app-update.yml';

/**
 * The feed URL from the build environment, or undefined when none is set (the app is then built
 * without an updater). A feed that is set but unusable stops the build: a silently dropped feed would
 * ship an app that never updates.
 */
export function updateFeedFromEnv(env: Readonly<Record<string, string | undefined>>): string | undefined {
  const raw = env[UPDATE_FEED_ENV]?.trim();
  if (!raw) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`${UPDATE_FEED_ENV} is not a URL: ${JSON.stringify(raw)}`);
  }
  if (url.protocol !== 'https:') throw new Error(`${UPDATE_FEED_ENV} must be an https URL, got ${url.protocol}`);
  // The feed URL is written into every installed copy (resources/app-update.yml) and into logs.
  if (url.username || url.password) throw new Error(`${UPDATE_FEED_ENV} must not contain credentials`);
  if (url.search || url.hash) throw new Error(`${UPDATE_FEED_ENV} must be a folder URL without query or fragment`);
  // electron-updater resolves latest.yml and the installers relative to the feed: it must be a folder.
  return url.href.endsWith('/') ? url.href : `${url.href}/`;
}

export interface InstallFacts {
  /** app.isPackaged */
  packaged: boolean;
  platform: NodeJS.Platform;
  /** resources/app-update.yml exists (a feed was configured at build time). */
  hasUpdateConfig: boolean;
  /** Windows: the NSIS uninstaller sits next to the executable (so the NSIS installer put it there). */
  hasNsisUninstaller: boolean;
  /** Linux: the app runs from an AppImage (the APPIMAGE environment variable is set). */
  runsAsAppImage: boolean;
}

export type UpdateDecision = { enabled: true } | { enabled: false; reason: string };

/**
 * Only installs that electron-updater can replace update themselves. An MSI (deployed by Intune or
 * SCCM) and a deb package are updated by whoever deploys them: electron-updater would put an NSIS
 * per-user copy next to the MSI's per-machine one, and a deb update asks for a root password.
 */
export function decideAutoUpdate(facts: InstallFacts): UpdateDecision {
  if (!facts.packaged) return { enabled: false, reason: 'not packaged' };
  if (!facts.hasUpdateConfig) return { enabled: false, reason: 'no update feed configured at build time' };
  if (facts.platform === 'win32' && !facts.hasNsisUninstaller) {
    return { enabled: false, reason: 'not installed by the NSIS installer (MSI or copied): updated by its deployment' };
  }
  if (facts.platform === 'linux' && !facts.runsAsAppImage) {
    return { enabled: false, reason: 'not an AppImage (deb): updated by the package manager' };
  }
  if (!['win32', 'darwin', 'linux'].includes(facts.platform)) return { enabled: false, reason: `unsupported platform ${facts.platform}` };
  return { enabled: true };
}
