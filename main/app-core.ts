import type { ProfileSummary, SessionStatus, UiLanguage } from '../common/contract';
import type { AppConfig } from './app-config';
import { isIssuerUrl } from './auth/login-url-policy';
import { DEMO_PROFILE_ID, type Profile } from './auth/profile';
import { startDemoPortal, type DemoPortal, type DemoPortalOptions } from './demo/demo-portal';
import type { EventSink } from './events';
import { PortalError } from './ipc/portal-error';
import type { Logger } from './log/logger';
import type { Notifier } from './notify/notifier';
import type { SecretStore } from './secrets/secret-store';
import { SettingsStore } from './settings/settings-store';
import { systemClock, type Clock } from './time/clock';
import { ProfileWorkspace } from './workspace/profile-workspace';

/** What differs between Electron and the web harness; everything else is this module's. */
export interface PlatformAdapters {
  /** Opens a URL in the system browser. Only ever called with the active issuer's own URLs. */
  openExternal: (url: string) => Promise<void>;
  /** The save dialog: the path the user picked, or undefined if they cancelled. */
  chooseSavePath: (defaultFileName: string) => Promise<string | undefined>;
  /** The window switched language (and said so at start); Electron rebuilds its application menu. */
  languageChanged?: (language: UiLanguage) => void;
  /** Desktop notifications (campaign reminders). Without one, as in tests of other parts, none are shown. */
  notifier?: Notifier;
}

export interface AppCoreOptions {
  config: AppConfig;
  secrets: SecretStore;
  adapters: PlatformAdapters;
  events: EventSink;
  logger: Logger;
  now?: () => Date;
  /** The time and timers of main's own schedules (campaign reminders); the system's unless a test moves one by hand. */
  clock?: Clock;
  demoPortal?: DemoPortalOptions;
  syncIntervalMs?: number;
}

/**
 * The app's main-process state: settings, the embedded demo portal (when asked for), and the one
 * open profile workspace. Both the Electron entry and the web harness create exactly one of these.
 */
export class AppCore {
  readonly settings: SettingsStore;
  readonly #options: AppCoreOptions;
  readonly #now: () => Date;
  #demo: DemoPortal | undefined;
  /** The demo portal's start while it is under way, and after: asking again never starts a second one. */
  #demoStart: Promise<DemoPortal> | undefined;
  #workspace: ProfileWorkspace | undefined;
  /** Profile switches run one at a time, so two never open the same cache file or leave a workspace behind. */
  #switching: Promise<unknown> = Promise.resolve();
  #closed = false;
  /** The window's language (it says so at start): main's own texts, such as its notifications, follow it. */
  #language: UiLanguage = 'nb';

  private constructor(options: AppCoreOptions) {
    this.#options = options;
    this.#now = options.now ?? (() => new Date());
    this.settings = new SettingsStore(options.config.dataDir);
  }

  static async start(options: AppCoreOptions): Promise<AppCore> {
    const core = new AppCore(options);
    if (options.config.demoAtStart) {
      // Without its demo the app still opens: the portal choice offers "Prøv demo" again, with the error.
      await core.#startDemoPortal().catch(() => undefined);
    }
    await core.#open(core.#activeProfileId());
    return core;
  }

  get config(): AppConfig {
    return this.#options.config;
  }

  get logger(): Logger {
    return this.#options.logger;
  }

  get chooseSavePath(): PlatformAdapters['chooseSavePath'] {
    return this.#options.adapters.chooseSavePath;
  }

  setLanguage(language: UiLanguage): void {
    this.#language = language;
    this.#options.adapters.languageChanged?.(language);
  }

  /** Whether the embedded demo portal is running (it then stays up until the app closes). */
  get demoRunning(): boolean {
    return this.#demo !== undefined;
  }

  /** The open profile's id, or `null` before the user has chosen a portal. */
  get openProfileId(): string | null {
    return this.#workspace?.profile.id ?? null;
  }

  workspace(): ProfileWorkspace {
    if (!this.#workspace) throw new PortalError('NOT_SIGNED_IN', 'No profile is open');
    return this.#workspace;
  }

  profiles(): ProfileSummary[] {
    return this.#allProfiles().map((profile) => ({
      id: profile.id,
      name: profile.name,
      portalUrl: profile.portalUrl,
      demo: profile.id === DEMO_PROFILE_ID,
    }));
  }

  /** The open profile's session, or "signed out, no profile" while the user has not chosen a portal. */
  status(): SessionStatus {
    return this.#workspace?.status() ?? { state: 'signed-out', profile: null, account: null, cacheRecovery: null };
  }

  selectProfile(id: string): Promise<SessionStatus> {
    return this.#exclusive(async () => {
      if (!this.#allProfiles().some((profile) => profile.id === id)) {
        throw new PortalError('INVALID_INPUT', `No profile ${id}`, [{ path: 'id', code: 'UNKNOWN_PROFILE', message: 'No such profile' }]);
      }
      if (this.#workspace?.profile.id !== id) {
        this.settings.setActiveProfile(id);
        await this.#open(id);
      }
      return this.workspace().status();
    });
  }

  /** "Prøv demo": starts the demo portal unless it runs (once, however often asked), then opens its profile. */
  async startDemo(): Promise<SessionStatus> {
    await this.#startDemoPortal();
    return this.selectProfile(DEMO_PROFILE_ID);
  }

  async close(): Promise<void> {
    this.#closed = true;
    // A demo start or profile switch under way finishes first, so what it opened is closed here too.
    await this.#demoStart?.catch(() => undefined);
    await this.#switching;
    const closing = this.#workspace;
    this.#workspace = undefined;
    await closing?.close();
    await this.#demo?.server.close();
    this.#demo = undefined;
  }

  /** The user's own portals first, in the order they were added; the demo last, and only while it runs. */
  #allProfiles(): Profile[] {
    return [...this.settings.profiles, ...(this.#demo ? [this.#demo.profile] : [])];
  }

  #startDemoPortal(): Promise<DemoPortal> {
    if (this.#closed) return Promise.reject(closingError());
    this.#demoStart ??= startDemoPortal(this.#options.config.dataDir, this.#options.demoPortal).then(
      (demo) => {
        this.#demo = demo;
        this.#options.logger.info('demo.started', { url: demo.server.url });
        return demo;
      },
      (error: unknown) => {
        // Not remembered: a later "Prøv demo" tries again (the port may be free by then).
        this.#demoStart = undefined;
        // The cause goes to the log only, as the dispatcher does with unexpected errors.
        this.#options.logger.error('demo.start-failed', { error: error instanceof Error ? error.message : String(error) });
        throw new PortalError('DEMO_UNAVAILABLE', 'The demo portal could not start');
      },
    );
    return this.#demoStart;
  }

  #exclusive<T>(run: () => Promise<T>): Promise<T> {
    const next = this.#switching.then(() => {
      if (this.#closed) throw closingError();
      return run();
    });
    this.#switching = next.catch(() => undefined);
    return next;
  }

  #activeProfileId(): string | undefined {
    const saved = this.settings.activeProfileId;
    const profiles = this.#allProfiles();
    return profiles.find((profile) => profile.id === saved)?.id ?? profiles[0]?.id;
  }

  async #open(profileId: string | undefined): Promise<void> {
    const closing = this.#workspace;
    this.#workspace = undefined;
    await closing?.close();
    const profile = this.#allProfiles().find((candidate) => candidate.id === profileId);
    if (!profile) return;
    const { config, secrets, events, logger, adapters, syncIntervalMs } = this.#options;
    const workspace = new ProfileWorkspace({
      profile,
      demo: profile.id === DEMO_PROFILE_ID,
      dataDir: config.dataDir,
      secrets,
      subjects: this.settings,
      openBrowser: async (url) => {
        // Only the issuer's own login URLs ever reach the system browser.
        if (!isIssuerUrl(url, profile.issuer)) throw new PortalError('LOGIN_FAILED', 'Refusing to open a URL outside the sign-in service');
        await adapters.openExternal(url);
      },
      events,
      logger,
      now: this.#now,
      reminders: { notifier: adapters.notifier ?? silentNotifier, clock: this.#options.clock ?? systemClock, language: () => this.#language },
      ...(syncIntervalMs ? { syncIntervalMs } : {}),
    });
    this.#workspace = workspace;
    try {
      await workspace.restore();
    } catch (error) {
      logger.warn('session.restore-failed', { profile: profile.id, error: error instanceof Error ? error.message : String(error) });
    }
  }
}

const silentNotifier: Notifier = { notify: () => {} };

function closingError(): PortalError {
  return new PortalError('INTERNAL', 'The app is closing');
}
