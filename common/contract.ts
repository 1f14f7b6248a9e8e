import { z } from 'zod';
import { CHANNEL_NAMES, EVENT_NAMES, isChannelName, isEventName, type ChannelName, type EventName } from './contract-names';
import type {
  AccessibleGroup,
  AuditEvent,
  EngineFinding,
  EngineStatus,
  Grant,
  GroupDevice,
  MachineGroup,
  Me,
  OneTimePasswordReceipt,
  RemoteSupportService,
  User,
  Vendor,
} from './portal/portal-types';
import type { LastReview, ReviewCampaign, ReviewCampaignDetail, ReviewItemState } from './review/review-campaign';
import { MAX_REVIEW_ITEMS } from './review/review-rules';
import { reviewSettingsSchema, type ReviewSettings } from './review/review-settings';
import { SESSION_LIST_DEFAULT, SESSION_LIST_MAX, SESSION_PLACES, type GrantUsageReport, type SessionFacets, type SessionList } from './sessions/remote-session-list';
import { isIsoDay } from './time/day-input';
import type { UserSummary } from './users/user-summary';

/**
 * The IPC contract: every request channel the renderer may call, and every event main may push.
 * Main (handlers + wrapper), the preload, the web harness and the renderer all derive their types
 * from these two maps, so adding a channel is one entry here plus one handler in main/handlers/.
 *
 * Inputs are zod schemas and are parsed by the wrapper before a handler runs. Outputs are typed
 * markers (`returns<T>()`): main produces them, so they are checked by the compiler, not at runtime.
 */
const returns = <T>() => z.custom<T>(() => true);
const none = z.undefined();
/**
 * An id of something in the portal. Well-formed Unicode only: an id goes into a URL path, and a lone
 * surrogate cannot be percent-encoded (encodeURIComponent throws), so it is refused here, by name.
 */
const id = z
  .string()
  .min(1)
  .max(200)
  .refine((value) => !/\p{Cs}/u.test(value), { message: 'holds a broken character (an unpaired surrogate)', params: { code: 'INVALID_CHARACTERS' } });
const isoDay = z.string().max(10).regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as yyyy-mm-dd');
/** An instant in UTC; nanoseconds at most (the format alone would allow any number of fraction digits). */
const isoInstant = z.iso.datetime().max(30);
const campaignId = z.uuid();
/** The UI's languages: Norwegian Bokmål first, English second. */
export const uiLanguageSchema = z.enum(['nb', 'en']);
export type UiLanguage = z.infer<typeof uiLanguageSchema>;
type Saved = { path: string; rows: number } | null;

export const sessionUserSchema = z.object({ subject: z.string(), username: z.string().nullable(), name: z.string().nullable() });

export type SessionState = 'signed-out' | 'signing-in' | 'signed-in';

export interface ProfileSummary {
  id: string;
  name: string;
  portalUrl: string;
  demo: boolean;
}

export interface SessionStatus {
  state: SessionState;
  /** `null` when no portal is open yet: the renderer then shows the portal choice. */
  profile: ProfileSummary | null;
  /** Who is signed in, from the portal's /me (kept in the cache, so it shows offline too). */
  account: Me | null;
  /** The open profile's cache was damaged at start: moved aside and replaced (told to the user once). */
  cacheRecovery: CacheRecoveryNotice | null;
}

export interface CacheRecoveryNotice {
  /** Where the damaged file was kept. */
  movedTo: string;
  /** Review decisions that had not reached the portal, carried over into the new cache. */
  salvagedDecisions: number;
  /** The damaged file's review records could not be read: unsent decisions may be lost. */
  salvageFailed: boolean;
}

export type SyncActivity = 'idle' | 'syncing' | 'offline' | 'error';

export interface SyncStatus {
  activity: SyncActivity;
  lastSuccessAt: string | null;
  lastError: { code: string; message: string } | null;
  /** What the portal is still finishing on its side (activation, a new group), with the expected time. */
  pending: Array<{ kind: 'service' | 'machineGroup'; id: string; name: string | null; readyAt: string }>;
}

/** The remote-support system's status (GET /engine) as last fetched after a sync, kept in the cache for offline. */
export interface CachedEngineStatus {
  status: EngineStatus;
  fetchedAt: string;
}

export const grantModeSchema = z.enum(['with_approval', 'without_approval']);

/** A real calendar day (not 2026-02-30), from 1900 on: a period of sessions is whole Oslo days. */
const calendarDay = isoDay.refine((day) => isIsoDay(day) && day >= '1900-01-01', { message: 'a real day as yyyy-mm-dd', params: { code: 'FORMAT' } });

/** "Fjernhjelpsøkter": which sessions the screen, its CSV and its PDF show. Every condition given must hold. */
export const sessionFilterSchema = z
  .object({
    vendorId: id.optional(),
    groupId: id.optional(),
    userId: id.optional(),
    /** The first and last Oslo calendar day the session started on. */
    from: calendarDay.optional(),
    to: calendarDay.optional(),
    kind: z.enum(['desktop', 'terminal', 'files', 'other']).optional(),
    consent: z.enum(['notNeeded', 'asked', 'given', 'refused']).optional(),
    /** true: only sessions that lay at least in part outside the organisation's working hours; false: only those within. */
    outsideWorkingHours: z.boolean().optional(),
    /** Only the sessions on the organisation's own machines, or only its own technicians' on others'. */
    place: z.enum(SESSION_PLACES).optional(),
  })
  .strict();
export type SessionFilter = z.infer<typeof sessionFilterSchema>;

export const userFieldsSchema = z
  .object({
    firstName: z.string().max(100),
    lastName: z.string().max(100),
    email: z.string().max(254),
    mobile: z.string().max(32),
    twoFactor: z.enum(['totp', 'yubikey']),
    yubikeyOtp: z.string().max(64).optional(),
  })
  .strict();

export const userChangesSchema = userFieldsSchema.pick({ email: true, mobile: true, twoFactor: true, yubikeyOtp: true }).partial().strict();

export const profileInputSchema = z
  .object({ name: z.string().max(80), portalUrl: z.string().max(500), issuer: z.string().max(500), clientId: z.string().max(200) })
  .strict();

export const channels = {
  'app.info': {
    input: none,
    output: z.object({
      version: z.string(),
      dataDir: z.string(),
      logDir: z.string(),
      /** Whether the embedded demo portal is running now (at start, or since the user picked "Prøv demo"). */
      demoRunning: z.boolean(),
      platform: z.string(),
    }),
  },
  /**
   * "Prøv demo": starts the embedded demo portal if it is not running (once, however often it is asked)
   * and opens its profile, answering like `profiles.select`. The demo profile is listed from then on.
   */
  'app.startDemo': { input: none, output: returns<SessionStatus>() },
  /** Asks main to answer with an `app.pong` event, proving both directions of the bridge. */
  'app.ping': {
    input: z.object({ nonce: z.string().min(1).max(64) }).strict(),
    output: z.object({ nonce: z.string(), receivedAt: z.string() }),
  },

  /** The window's language, so main's own texts (the application menu) follow the UI's. */
  'app.setLanguage': { input: z.object({ language: uiLanguageSchema }).strict(), output: returns<null>() },

  'profiles.list': { input: none, output: returns<{ profiles: ProfileSummary[]; activeId: string | null }>() },
  'profiles.save': { input: profileInputSchema, output: returns<ProfileSummary>() },
  'profiles.select': { input: z.object({ id }).strict(), output: returns<SessionStatus>() },

  'session.status': { input: none, output: returns<SessionStatus>() },
  /** Opens the system browser and resolves when the sign-in completes, fails, times out or is cancelled. */
  'session.signIn': { input: none, output: returns<SessionStatus>() },
  'session.cancelSignIn': { input: none, output: returns<null>() },
  'session.signOut': { input: none, output: returns<SessionStatus>() },

  'sync.status': { input: none, output: returns<SyncStatus>() },
  'sync.now': { input: none, output: returns<SyncStatus>() },

  'service.get': { input: none, output: returns<RemoteSupportService | null>() },
  'service.activate': {
    input: z.object({ acceptTerms: z.literal(true), termsVersion: z.string().min(1).max(100) }).strict(),
    output: returns<RemoteSupportService>(),
  },

  'groups.list': { input: none, output: returns<MachineGroup[]>() },
  'groups.get': { input: z.object({ id }).strict(), output: returns<MachineGroup | null>() },
  'groups.create': { input: z.object({ name: z.string().max(200) }).strict(), output: returns<MachineGroup>() },
  /** "Gi nytt navn": `version` is the cached group's, sent as If-Match (412 PRECONDITION_FAILED when someone changed it). */
  'groups.rename': {
    input: z.object({ id, version: z.number().int().nonnegative(), name: z.string().max(200) }).strict(),
    output: returns<MachineGroup>(),
  },
  /** "Slett gruppen": only when no vendor has access (VENDORS_HAVE_ACCESS), never the default group (DEFAULT_GROUP). */
  'groups.delete': { input: z.object({ id, version: z.number().int().nonnegative() }).strict(), output: returns<null>() },

  'grants.list': { input: z.object({ groupId: id }).strict(), output: returns<Grant[]>() },
  /** Every grant on every group of the organisation, from the cache: the access review's table. */
  'grants.all': { input: none, output: returns<Grant[]>() },
  'grants.put': {
    input: z.object({ groupId: id, vendorId: id, mode: grantModeSchema, expiresAt: isoInstant.nullable().optional() }).strict(),
    output: returns<Grant>(),
  },
  'grants.remove': { input: z.object({ groupId: id, vendorId: id }).strict(), output: returns<null>() },
  /**
   * The evidence of use of every cached grant ("Sist brukt", "Økter siste N dager", access without approval
   * used outside working hours), over the review settings' window: joined to the grants by `grantId`.
   */
  'grants.usage': { input: none, output: returns<GrantUsageReport>() },

  /** Remote-support sessions on the organisation's groups, from the cache: the newest `limit` the filter lets through. */
  'sessions.list': {
    input: z.object({ filter: sessionFilterSchema, limit: z.number().int().min(1).max(SESSION_LIST_MAX).default(SESSION_LIST_DEFAULT) }).strict(),
    output: returns<SessionList>(),
  },
  /** The vendors, groups and users that have sessions: the screen's choices. */
  'sessions.facets': { input: none, output: returns<SessionFacets>() },
  /** Asks where to save, then writes the filtered sessions as CSV (0600) in the screen's words and dialect. `null` when cancelled. */
  'sessions.exportCsv': { input: z.object({ filter: sessionFilterSchema, language: uiLanguageSchema }).strict(), output: returns<Saved>() },
  /** The same as a PDF (A4 landscape, Oslo time, says so), with each vendor's use of each group first. */
  'sessions.exportPdf': { input: z.object({ filter: sessionFilterSchema, language: uiLanguageSchema }).strict(), output: returns<Saved>() },

  /** The organisation's working hours, recommendation window and reminder lead time for this profile (defaults until saved). */
  'reviewSettings.get': { input: none, output: returns<ReviewSettings>() },
  'reviewSettings.save': { input: reviewSettingsSchema, output: returns<ReviewSettings>() },

  /** What the portal drives (a real remote-support system, or none: "simulert"), from the cache; null before the first sync. */
  'engine.status': { input: none, output: returns<CachedEngineStatus | null>() },
  /** The machines the remote-support system has in one group, from the cache. */
  'groups.devices': { input: z.object({ groupId: id }).strict(), output: returns<GroupDevice[]>() },
  /** Access to the organisation's groups that exists in the remote-support system but was not given through the portal. */
  'engine.findings': { input: none, output: returns<EngineFinding[]>() },
  /** Online: removes such access in the remote-support system at once (ENGINE_UNAVAILABLE when it cannot be reached: nothing removed). */
  'engine.removeFinding': { input: z.object({ id }).strict(), output: returns<null>() },

  /** Online: the portal's search; offline: the cached vendors, filtered the same way. */
  'vendors.search': {
    input: z.object({ query: z.string().max(100), limit: z.number().int().min(1).max(100).default(20) }).strict(),
    output: returns<Vendor[]>(),
  },
  'accessibleGroups.list': { input: none, output: returns<AccessibleGroup[]>() },

  'users.list': { input: none, output: returns<readonly UserSummary[]>() },
  'users.get': { input: z.object({ id }).strict(), output: returns<User | null>() },
  /** The cached users who already have this e-mail address (any letter case): "Ny bruker" warns before making another. */
  'users.withEmail': { input: z.object({ email: z.string().max(254) }).strict(), output: returns<User[]>() },
  /** The TOTP secret of a new user stays in main: the renderer offers the QR code download instead. */
  'users.create': { input: userFieldsSchema, output: returns<User>() },
  'users.update': {
    input: z.object({ id, version: z.number().int().nonnegative(), changes: userChangesSchema }).strict(),
    output: returns<User>(),
  },
  'users.sendOneTimePassword': { input: z.object({ id }).strict(), output: returns<OneTimePasswordReceipt>() },
  /** Makes a new TOTP secret; the old code stops working. The new QR code is downloaded separately. */
  'users.regenerateTotp': { input: z.object({ id }).strict(), output: returns<User>() },
  /** Asks where to save, then writes the PNG there (0600). `null` when the user cancelled the dialog. */
  'users.saveQrCode': { input: z.object({ id }).strict(), output: returns<{ path: string } | null>() },
  /**
   * A vendor's technician leaves: deactivate (signed out at once, cannot sign in, history kept; undone by
   * reactivate) or delete (cannot be undone). `version` is the one the screen shows, sent as If-Match.
   */
  'users.deactivate': { input: z.object({ id, version: z.number().int().nonnegative() }).strict(), output: returns<User>() },
  'users.reactivate': { input: z.object({ id, version: z.number().int().nonnegative() }).strict(), output: returns<User>() },
  'users.delete': { input: z.object({ id, version: z.number().int().nonnegative() }).strict(), output: returns<null>() },

  'admins.list': { input: none, output: returns<User[]>() },
  'admins.delegate': { input: z.object({ userId: id }).strict(), output: returns<User>() },
  'admins.revoke': { input: z.object({ userId: id }).strict(), output: returns<null>() },

  'audit.list': {
    input: z.object({ limit: z.number().int().min(1).max(100_000).default(500) }).strict(),
    output: returns<AuditEvent[]>(),
  },
  /**
   * Asks where to save, then writes the filtered audit log as CSV (0600) in the screen's language (its
   * words, and ";" as separator in Norwegian for Norwegian Excel). `null` when cancelled.
   */
  'audit.exportCsv': {
    input: z
      .object({
        filter: z
          .object({
            from: isoDay.optional(),
            to: isoDay.optional(),
            actor: z.string().max(200).optional(),
            action: z.string().max(200).optional(),
            objectType: z.string().max(200).optional(),
          })
          .strict(),
        language: uiLanguageSchema,
      })
      .strict(),
    output: returns<Saved>(),
  },

  /** Review campaigns live in the cache first: start and decide work offline, and are pushed when online. */
  'reviews.list': { input: none, output: returns<ReviewCampaign[]>() },
  'reviews.get': { input: z.object({ id: campaignId }).strict(), output: returns<ReviewCampaignDetail | null>() },
  /** Snapshots every cached grant. The name and due date are checked by the shared review rules. */
  'reviews.start': { input: z.object({ name: z.string().max(1000), dueDate: z.string().max(20) }).strict(), output: returns<ReviewCampaign>() },
  'reviews.decide': {
    input: z
      .object({
        campaignId,
        grantId: z.string().min(1).max(201),
        decision: z.enum(['keep', 'remove']),
        justification: z.string().max(10_000).optional(),
      })
      .strict(),
    /** The campaign too, so the screen can update its counts without re-reading every item. */
    output: returns<{ item: ReviewItemState; campaign: ReviewCampaign }>(),
  },
  /** The same decision for many grants (e.g. every one shown by a filter), all recorded or none. */
  'reviews.decideMany': {
    input: z
      .object({
        campaignId,
        grantIds: z.array(z.string().min(1).max(201)).min(1).max(100_000),
        decision: z.enum(['keep', 'remove']),
        justification: z.string().max(10_000).optional(),
      })
      .strict(),
    output: returns<{ decided: number }>(),
  },
  /**
   * "Bruk anbefalingene": the recommended decisions (common/review/review-recommendation.ts) the reviewer
   * confirmed, recorded for the items still undecided only (one decided meanwhile keeps its decision), in
   * one transaction or not at all. `justification` is required when a kept grant is without approval,
   * and is stored on those. Answers what was recorded.
   */
  'reviews.applyRecommendations': {
    input: z
      .object({
        campaignId,
        keep: z.array(z.string().min(1).max(201)).max(MAX_REVIEW_ITEMS),
        remove: z.array(z.string().min(1).max(201)).max(MAX_REVIEW_ITEMS),
        justification: z.string().max(10_000).optional(),
      })
      .strict(),
    output: returns<{ kept: number; removed: number }>(),
  },
  /** The newest decision on each grant across campaigns: "last reviewed" in the access review. */
  'reviews.lastReviewed': { input: none, output: returns<LastReview[]>() },
  /** The final, online step: pushes the records, removes the access decided "remove", closes the campaign. */
  'reviews.complete': { input: z.object({ id: campaignId }).strict(), output: returns<ReviewCampaignDetail>() },
  'reviews.exportCsv': { input: z.object({ id: campaignId, language: uiLanguageSchema }).strict(), output: returns<Saved>() },
  'reviews.exportPdf': { input: z.object({ id: campaignId, language: uiLanguageSchema }).strict(), output: returns<Saved>() },
  /**
   * The main access review (Tilgangsgjennomgang, not a campaign) as its filter shows it, as CSV in the
   * campaign file's columns, words and dialect, with each grant's last review. Asks where to save; `null` when cancelled.
   */
  'reviews.exportAccessCsv': {
    input: z
      .object({
        filter: z
          .object({
            groupId: id.optional(),
            vendorId: id.optional(),
            mode: grantModeSchema.optional(),
            expiringWithinDays: z.number().int().min(1).max(3660).optional(),
            neverReviewed: z.boolean().optional(),
          })
          .strict(),
        language: uiLanguageSchema,
      })
      .strict(),
    output: returns<Saved>(),
  },
} as const satisfies Record<ChannelName, { input: z.ZodType; output: z.ZodType }>;

export const events = {
  'app.pong': z.object({ nonce: z.string(), sentAt: z.string() }),
  'session.changed': returns<SessionStatus>(),
  'sync.status': returns<SyncStatus>(),
  /** The cache changed (a sync page or a command's answer): stores re-query what they show. */
  'cache.changed': returns<null>(),
} as const satisfies Record<EventName, z.ZodType>;

export type ChannelInput<C extends ChannelName> = z.input<(typeof channels)[C]['input']>;
/** The input after the wrapper's `parse`: what a handler receives. */
export type ParsedInput<C extends ChannelName> = z.output<(typeof channels)[C]['input']>;
export type ChannelOutput<C extends ChannelName> = z.output<(typeof channels)[C]['output']>;

export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;

export { isChannelName, isEventName, type ChannelName, type EventName };
export const channelNames: readonly ChannelName[] = CHANNEL_NAMES;
export const eventNames: readonly EventName[] = EVENT_NAMES;
