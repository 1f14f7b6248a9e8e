import type { GrantMode } from '../domain/grant-repository';

/**
 * What the portal asks of a remote-support system, in the guide's terms: machine groups, a vendor's access
 * to a group with or without approval per connection, and the remote-support users who connect. An adapter
 * (MeshCentral first; ScreenConnect or TeamViewer later) maps these onto its own objects and marks every
 * object it creates as the portal's, so that it can tell them from objects made by hand in the engine.
 *
 * The portal's database is the desired state; the reconciler reads the engine (`observe`), plans the
 * difference (reconcile-plan.ts) and applies it with the calls below, each of which is idempotent: applying
 * an action twice, or after a crash half-way, leaves the engine as applying it once would.
 */
export interface RemoteSupportEngine {
  /** Shown to administrators, e.g. "MeshCentral". */
  readonly label: string;
  /**
   * true: the engine makes a user's account itself at their first sign-in (MeshCentral with the portal as its
   * OpenID provider), so the reconciler never asks for one; the account is pending until then.
   */
  readonly accountsAtFirstSignIn: boolean;
  observe(): Promise<ObservedEngine>;
  /**
   * The remote-support sessions the engine logged on `devices` (the machines of portal groups, as `observe`
   * found them), newest first or in any order. A session that ended before `since[device]` (the latest end the
   * portal holds for that machine) may be left out: the portal has it. Open sessions are always included.
   * The engine's log is read as it is: an entry the adapter cannot read is left out and named in `skipped`.
   */
  observeSessions(devices: readonly Device[], since: ReadonlyMap<string, string>): Promise<ObservedSessions>;
  createGroup(group: DesiredGroup): Promise<void>;
  renameGroup(group: ObservedGroup, fullName: string): Promise<void>;
  deleteGroup(group: ObservedGroup): Promise<void>;
  createAccount(account: DesiredAccount): Promise<void>;
  deleteAccount(account: ObservedAccount): Promise<void>;
  /**
   * Makes a vendor's access to a group exactly `access`: its mode (consent required or not, on a path that
   * applies only to this vendor's link to this group) and its members (the vendor's accounts).
   * `existing` is what `observe` saw of it, if anything.
   */
  putAccess(access: DesiredAccess, group: ObservedGroup, accounts: ReadonlyMap<string, ObservedAccount>, existing: ObservedAccess | undefined): Promise<void>;
  removeAccess(access: ObservedAccess): Promise<void>;
  /** Access on a portal-owned group that the portal did not give, removed after an administrator confirmed it. */
  removeForeignAccess(foreign: ForeignAccess): Promise<void>;
  close(): Promise<void>;
}

/** A machine group of an organisation whose remote support is active; `fullName` is what vendors see. */
export interface DesiredGroup {
  groupId: string;
  organisationId: string;
  fullName: string;
}

/** A remote-support user of an organisation whose remote support is active (a vendor's technician). */
export interface DesiredAccount {
  userId: string;
  organisationId: string;
  username: string;
  displayName: string;
  email: string;
}

/** One grant: `vendorId`'s users may connect to the machines of `groupId`, with or without approval. */
export interface DesiredAccess {
  groupId: string;
  vendorId: string;
  vendorName: string;
  mode: GrantMode;
  /** The user ids of the vendor's accounts, sorted. */
  memberUserIds: string[];
}

export interface DesiredState {
  groups: DesiredGroup[];
  accounts: DesiredAccount[];
  accesses: DesiredAccess[];
}

export interface ObservedGroup {
  groupId: string;
  engineId: string;
  name: string;
}

export interface ObservedAccount {
  userId: string;
  engineId: string;
}

export interface ObservedAccess {
  groupId: string;
  vendorId: string;
  engineId: string;
  /** undefined: the engine's settings match neither mode (changed by hand). */
  mode: GrantMode | undefined;
  memberUserIds: string[];
  /** The portal group ids this access is linked to in the engine; exactly [groupId] when it is right. */
  linkedGroupIds: string[];
}

/** A link to a portal-owned group that no grant explains: a user or group linked by hand in the engine. */
export interface ForeignAccess {
  groupId: string;
  /** The engine's id of the link's subject (a user or a user group), stable across observations. */
  subjectId: string;
  subjectKind: 'user' | 'userGroup';
  subjectName: string;
  /** Whether the person at the machine must accept a connection through this link, as far as the engine says. */
  consentRequired: boolean;
}

export interface Device {
  engineId: string;
  groupId: string;
  /** The engine's group the device is in (a group found twice has two). */
  engineGroupId: string;
  name: string;
  os: string | null;
  online: boolean;
  /** RFC 3339; null when the engine has never seen it connect. */
  lastSeenAt: string | null;
}

export interface ObservedEngine {
  /** A portal group may be found twice (a create carried out whose answer was lost); see reconcile-plan.ts. */
  groups: ObservedGroup[];
  accounts: ObservedAccount[];
  accesses: ObservedAccess[];
  foreign: ForeignAccess[];
  devices: Device[];
}

/** As the RemoteSessionKind schema (server/openapi/session-schemas.ts) names them. */
export const SESSION_KINDS = ['desktop', 'terminal', 'files', 'other'] as const;
export type SessionKind = (typeof SESSION_KINDS)[number];

/**
 * What the engine logged about the person at the machine: they accepted or refused the prompt, or the session
 * started without one (`notPrompted`); null when the engine logged nothing about it (MeshCentral logs no
 * "started without a prompt" for a terminal). The portal decides what a null means from the grant at the time.
 */
export type SessionConsentFact = 'given' | 'refused' | 'notPrompted' | null;

/** One connection to one machine, as the engine logged it. */
export interface ObservedSession {
  /** The engine's own identity of the session, the same in every observation (MeshCentral: device and relay id). */
  engineKey: string;
  deviceEngineId: string;
  /** The engine's id of the account that connected (MeshCentral: `user//~oidc:<portal user id>`, `user//admin`). */
  accountEngineId: string;
  /** The portal user, when the account is one the portal's sign-in made; null for any other account. */
  portalUserId: string | null;
  /** The account as the engine names it. */
  accountName: string;
  kind: SessionKind;
  /** RFC 3339 */
  startedAt: string;
  /** RFC 3339; null while the session is open. */
  endedAt: string | null;
  consent: SessionConsentFact;
}

export interface ObservedSessions {
  sessions: ObservedSession[];
  /** Log entries left out because they could not be read: what and why, never a credential or an address. */
  skipped: string[];
}

/** A failure the engine reported, in words an administrator can act on; never a secret. */
export class EngineError extends Error {
  constructor(
    readonly code: 'UNREACHABLE' | 'CERTIFICATE_MISMATCH' | 'LOGIN_FAILED' | 'REFUSED' | 'TIMEOUT' | 'PROTOCOL',
    message: string,
  ) {
    super(message);
    this.name = 'EngineError';
  }
}
