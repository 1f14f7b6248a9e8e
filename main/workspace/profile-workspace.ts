import type { EngineStatus, Me, SyncPage } from '../../common/portal/portal-types';
import type { SessionStatus, SyncStatus, UiLanguage } from '../../common/contract';
import { AuthSession, type SubjectMemory } from '../auth/auth-session';
import type { Profile } from '../auth/profile';
import { PortalClient } from '../api/portal-client';
import { accountRepository, type AccountRepository } from '../cache/account-repository';
import { cacheFileFor, type CacheDb } from '../cache/cache-database';
import { openCacheOrRecover, type CacheRecovery } from '../cache/cache-recovery';
import { cacheRepositories, type CacheRepositories } from '../cache/cache-repositories';
import { engineStatusRepository, type EngineStatusRepository } from '../cache/engine-status-repository';
import { reminderRepository } from '../cache/reminder-repository';
import { reviewRepository, type ReviewRepository } from '../cache/review-repository';
import { reviewSettingsRepository, type ReviewSettingsRepository } from '../cache/review-settings-repository';
import { syncStateRepository } from '../cache/sync-state-repository';
import type { EventSink } from '../events';
import { PortalError } from '../ipc/portal-error';
import type { Logger } from '../log/logger';
import type { Notifier } from '../notify/notifier';
import type { SecretStore } from '../secrets/secret-store';
import { reviewPull } from '../review/review-pull';
import { CampaignReminders } from '../review/campaign-reminders';
import { pushReviews } from '../review/review-push';
import { SyncEngine } from '../sync/sync-engine';
import type { Clock } from '../time/clock';

export interface WorkspaceDeps {
  profile: Profile;
  demo: boolean;
  dataDir: string;
  secrets: SecretStore;
  subjects: SubjectMemory;
  openBrowser: (url: string) => Promise<void>;
  events: EventSink;
  logger: Logger;
  now: () => Date;
  /** Campaign reminders: where they are shown, on which clock, in which language. */
  reminders: { notifier: Notifier; clock: Clock; language: () => UiLanguage };
  syncIntervalMs?: number;
}

/**
 * Everything that belongs to one profile: its sign-in session, the portal client over it, its
 * offline cache and the sync engine that fills the cache. Only one is open at a time.
 */
export class ProfileWorkspace {
  readonly profile: Profile;
  readonly demo: boolean;
  readonly session: AuthSession;
  readonly client: PortalClient;
  readonly db: CacheDb;
  /** Set when the cache file was damaged at open and replaced; the user is told (SessionStatus). */
  readonly cacheRecovery: CacheRecovery | null;
  readonly repositories: CacheRepositories;
  readonly reviews: ReviewRepository;
  readonly account: AccountRepository;
  readonly engineStatus: EngineStatusRepository;
  /** The organisation's working hours, recommendation window and reminder lead time (issue 14), offline, per profile. */
  readonly reviewSettings: ReviewSettingsRepository;
  readonly sync: SyncEngine;
  /** Runs while signed in: the reminders are about campaigns only a signed-in administrator sees. */
  readonly reminders: CampaignReminders;
  #state: SessionStatus['state'] = 'signed-out';
  #signIn: AbortController | undefined;
  readonly #deps: WorkspaceDeps;

  constructor(deps: WorkspaceDeps) {
    this.#deps = deps;
    this.profile = deps.profile;
    this.demo = deps.demo;
    this.session = new AuthSession({
      profile: deps.profile,
      secrets: deps.secrets,
      subjects: deps.subjects,
      openBrowser: deps.openBrowser,
      logger: deps.logger,
      now: deps.now,
    });
    this.client = new PortalClient(deps.profile.portalUrl, this.session);
    const { db, recovery } = openCacheOrRecover(cacheFileFor(deps.dataDir, deps.profile.id), deps.logger);
    this.db = db;
    this.cacheRecovery = recovery;
    this.repositories = cacheRepositories(this.db);
    this.reviews = reviewRepository(this.db);
    const pullReviews = reviewPull(this.reviews, this.client, deps.logger);
    this.account = accountRepository(this.db);
    this.engineStatus = engineStatusRepository(this.db);
    this.reviewSettings = reviewSettingsRepository(this.db);
    this.reminders = new CampaignReminders({
      campaigns: () => this.reviews.campaigns(),
      sent: reminderRepository(this.db),
      notifier: deps.reminders.notifier,
      reminderDays: () => this.reviewSettings.get().reminderDays,
      language: deps.reminders.language,
      clock: deps.reminders.clock,
      logger: deps.logger,
    });
    this.sync = new SyncEngine({
      db: this.db,
      repositories: this.repositories,
      state: syncStateRepository(this.db),
      fetchPage: async (since, limit) => (await this.client.request<SyncPage>('GET', 'sync', { query: { since, limit } })).data,
      now: deps.now,
      logger: deps.logger,
      onStatus: (status) => deps.events.emit('sync.status', status),
      onCacheChanged: () => {
        deps.events.emit('cache.changed', null);
        // A campaign pulled from the portal may already be due.
        this.reminders.check();
      },
      exchange: async () => {
        const pushed = await pushReviews(this.reviews, this.client, deps.logger);
        const pulled = await pullReviews();
        return pushed || pulled;
      },
      engineStatus: { fetch: async () => (await this.client.request<EngineStatus>('GET', 'engine')).data, store: this.engineStatus },
      ...(deps.syncIntervalMs ? { intervalMs: deps.syncIntervalMs } : {}),
    });
  }

  get signedIn(): boolean {
    return this.#state === 'signed-in';
  }

  status(): SessionStatus {
    return {
      state: this.#state,
      profile: { id: this.profile.id, name: this.profile.name, portalUrl: this.profile.portalUrl, demo: this.demo },
      account: this.#state === 'signed-in' ? (this.account.get() ?? null) : null,
      cacheRecovery: this.cacheRecovery
        ? { movedTo: this.cacheRecovery.movedTo, salvagedDecisions: this.cacheRecovery.salvagedDecisions, salvageFailed: this.cacheRecovery.salvageFailed }
        : null,
    };
  }

  syncStatus(): SyncStatus {
    return this.sync.status();
  }

  /** Startup: restore from the keychain without a browser; offline, the cached data stays reviewable. */
  async restore(): Promise<void> {
    const restored = await this.session.restore();
    if (!restored) return;
    this.#setState('signed-in');
    if (restored.online) await this.#refreshAccount();
    this.sync.start();
    this.reminders.start();
  }

  async signIn(): Promise<void> {
    if (this.#state === 'signing-in') throw new PortalError('LOGIN_FAILED', 'A sign-in is already in progress');
    this.#signIn = new AbortController();
    this.#setState('signing-in');
    try {
      await this.session.signIn(this.#signIn.signal);
      await this.#refreshAccount();
      this.#setState('signed-in');
      this.sync.start();
      this.reminders.start();
    } catch (error) {
      this.#setState('signed-out');
      throw error;
    } finally {
      this.#signIn = undefined;
    }
  }

  cancelSignIn(): void {
    this.#signIn?.abort();
  }

  async signOut(): Promise<void> {
    this.reminders.stop();
    await this.sync.stop();
    await this.session.signOut();
    this.#setState('signed-out');
  }

  /** Commands and reads of the cache need a signed-in (possibly offline) session. */
  requireSignedIn(): void {
    if (this.#state !== 'signed-in') throw new PortalError('NOT_SIGNED_IN', 'Sign in first');
  }

  /** The organisation's prefix, for full names, from the cached /me. */
  me(): Me {
    const me = this.account.get();
    if (!me) throw new PortalError('NOT_SIGNED_IN', 'Sign in first');
    return me;
  }

  async close(): Promise<void> {
    this.cancelSignIn();
    this.reminders.stop();
    await this.sync.stop();
    this.db.close();
  }

  async #refreshAccount(): Promise<void> {
    const me = (await this.client.request<Me>('GET', 'me')).data;
    this.account.set(me);
  }

  #setState(state: SessionStatus['state']): void {
    this.#state = state;
    this.#deps.events.emit('session.changed', this.status());
  }
}
