import {
  EngineError,
  type DesiredAccess,
  type DesiredAccount,
  type DesiredGroup,
  type Device,
  type ForeignAccess,
  type ObservedAccess,
  type ObservedAccount,
  type ObservedEngine,
  type ObservedGroup,
  type ObservedSessions,
  type RemoteSupportEngine,
} from '../remote-support-engine';
import { MeshControlClient, type MeshControlOptions, type MeshUserGroup } from './mesh-control-client';
import { MeshRight, PROMPT_FOR_EVERY_SESSION } from './mesh-rights';
import { sessionsFromEvents } from './mesh-sessions';

/**
 * The guide's concepts in MeshCentral (ids and protocol facts: mesh-control-client.ts, mesh-rights.ts):
 *
 * - A machine group is a device group named with its full name ("Prefix-name", what vendors see), marked
 *   as the portal's by its description `fjernhjelp-group:<group id>`, so a rename in the portal renames it
 *   and a device group made by hand is never taken for one of ours. Its own consent is 0: consent comes from
 *   each vendor's link alone.
 * - A grant (vendor × group) is a user group of its own, `fjernhjelp-grant:<group id>:<vendor id>`, linked to
 *   that one device group with the right to remote-control, whose members are the vendor's accounts. A link in
 *   MeshCentral holds only rights, but MeshCentral ORs into a session's consent the consent of every user group
 *   of the user that links to the device group: so one user group per grant makes the mode apply exactly to
 *   this vendor on this group. With approval: prompt for desktop, terminal and files; without: no prompt.
 *   Removing the grant deletes the user group, and with it the link, at once.
 * - A remote-support user is the account MeshCentral makes at the user's first sign-in through the portal's
 *   own OpenID Connect provider (`user//~oidc:<portal user id>`): one identity and one second factor (SMS
 *   one-time password, then TOTP or Yubikey), and no password of ours in MeshCentral. MeshCentral cannot make
 *   such an account beforehand, so until that first sign-in the account is pending.
 * - Drift: any other user or user group linked to one of our device groups (except this service account,
 *   which MeshCentral links to every group it creates).
 */
export const GROUP_MARKER = 'fjernhjelp-group:';
export const GRANT_MARKER = 'fjernhjelp-grant:';
export const OIDC_ACCOUNT_PREFIX = 'user//~oidc:';
/** Between a user group's id and a member's in the subject id of a member added by hand (ids hold no '|'). */
const MEMBER_SEPARATOR = '|';

/** What a vendor's technicians may do on a granted group: remote control (desktop, terminal, files). */
export const VENDOR_RIGHTS = MeshRight.remoteControl;

/**
 * The newest events read per device and kind on every reconcile (which runs at least every minute): far more than
 * a machine logs in between, and a bounded answer however long MeshCentral's log is.
 */
const SESSION_EVENT_LIMIT = 1_000;
/** Devices whose logs are read at the same time over the one control session. */
const SESSION_READ_CONCURRENCY = 8;

/** The portal user of a MeshCentral account the portal's sign-in made; null for any other account. */
export function portalUserOfAccount(accountId: string): string | null {
  return accountId.startsWith(OIDC_ACCOUNT_PREFIX) && accountId.length > OIDC_ACCOUNT_PREFIX.length ? accountId.slice(OIDC_ACCOUNT_PREFIX.length) : null;
}

export class MeshCentralEngine implements RemoteSupportEngine {
  readonly label = 'MeshCentral';
  readonly accountsAtFirstSignIn = true;
  private client: Promise<MeshControlClient> | undefined;

  constructor(private readonly options: MeshControlOptions) {}

  /** One control session, opened when needed and opened again after the engine was away. */
  private async session<T>(use: (client: MeshControlClient) => Promise<T>): Promise<T> {
    this.client ??= MeshControlClient.connect(this.options);
    const pending = this.client;
    try {
      return await use(await pending);
    } catch (error) {
      if (error instanceof EngineError && error.code !== 'REFUSED') {
        if (this.client === pending) this.client = undefined;
        void pending.then((client) => client.close()).catch(() => undefined);
      }
      throw error;
    }
  }

  observe(): Promise<ObservedEngine> {
    return this.session(async (client) => {
      const [deviceGroups, userGroups, users, devices] = [await client.listDeviceGroups(), await client.listUserGroups(), await client.listUsers(), await client.listDevices()];
      const groups: ObservedGroup[] = [];
      const portalGroupOf = new Map<string, string>();
      for (const deviceGroup of deviceGroups) {
        const groupId = markedId(deviceGroup.description, GROUP_MARKER);
        if (groupId === undefined) continue;
        groups.push({ groupId, engineId: deviceGroup.id, name: deviceGroup.name });
        portalGroupOf.set(deviceGroup.id, groupId);
      }

      const accounts: ObservedAccount[] = users
        .filter((user) => user.id.startsWith(OIDC_ACCOUNT_PREFIX))
        .map((user) => ({ userId: user.id.slice(OIDC_ACCOUNT_PREFIX.length), engineId: user.id }));

      const accesses: ObservedAccess[] = [];
      const ourUserGroups = new Set<string>();
      for (const userGroup of userGroups) {
        const grant = markedId(userGroup.description, GRANT_MARKER);
        const [groupId, vendorId] = grant?.split(':') ?? [];
        if (groupId === undefined || vendorId === undefined) continue;
        ourUserGroups.add(userGroup.id);
        accesses.push({
          groupId,
          vendorId,
          engineId: userGroup.id,
          mode: modeOf(userGroup),
          memberUserIds: Object.keys(userGroup.links)
            .filter((id) => id.startsWith(OIDC_ACCOUNT_PREFIX))
            .map((id) => id.slice(OIDC_ACCOUNT_PREFIX.length))
            .sort(),
          linkedGroupIds: Object.keys(userGroup.links)
            .filter((id) => id.startsWith('mesh/') || id.startsWith('node/'))
            .map((id) => portalGroupOf.get(id) ?? `engine:${id}`),
        });
      }

      const names = new Map<string, { name: string; consent: number }>([
        ...users.map((user) => [user.id, { name: user.name, consent: user.consent }] as const),
        ...userGroups.map((group) => [group.id, { name: group.name, consent: group.consent }] as const),
      ]);
      const foreign: ForeignAccess[] = [];
      for (const deviceGroup of deviceGroups) {
        const groupId = portalGroupOf.get(deviceGroup.id);
        if (groupId === undefined) continue;
        for (const subjectId of Object.keys(deviceGroup.links)) {
          if (subjectId === client.user._id || ourUserGroups.has(subjectId)) continue;
          const subject = names.get(subjectId);
          foreign.push({
            groupId,
            subjectId,
            subjectKind: subjectId.startsWith('ugrp/') ? 'userGroup' : 'user',
            subjectName: subject?.name ?? subjectId,
            consentRequired: ((deviceGroup.consent | (subject?.consent ?? 0)) & PROMPT_FOR_EVERY_SESSION) !== 0,
          });
        }
      }

      // A user added by hand to one of our user groups reaches the group as the grant does, but was never
      // granted: drift, with the user group in its id so that removing it takes the user out of that group.
      for (const access of accesses) {
        const userGroup = userGroups.find((candidate) => candidate.id === access.engineId)!;
        for (const memberId of Object.keys(userGroup.links)) {
          if (!memberId.startsWith('user/') || memberId.startsWith(OIDC_ACCOUNT_PREFIX)) continue;
          for (const groupId of access.linkedGroupIds) {
            if (groupId.startsWith('engine:')) continue;
            foreign.push({
              groupId,
              subjectId: `${access.engineId}${MEMBER_SEPARATOR}${memberId}`,
              subjectKind: 'user',
              subjectName: `${names.get(memberId)?.name ?? memberId} (${userGroup.name})`,
              consentRequired: access.mode !== 'without_approval',
            });
          }
        }
      }

      const observedDevices: Device[] = devices
        .filter((device) => portalGroupOf.has(device.deviceGroupId))
        .map((device) => ({
          engineId: device.id,
          groupId: portalGroupOf.get(device.deviceGroupId)!,
          engineGroupId: device.deviceGroupId,
          name: device.name,
          os: device.os,
          online: device.online,
          lastSeenAt: device.lastConnect?.toISOString() ?? null,
        }));
      return { groups, accounts, accesses, foreign, devices: observedDevices };
    });
  }

  /**
   * Each machine's relay log and agent log (mesh-sessions.ts has the mapping), read newest first; sessions that
   * ended before the portal's high-water mark for the machine are left out, open ones never.
   */
  observeSessions(devices: readonly Device[], since: ReadonlyMap<string, string>): Promise<ObservedSessions> {
    return this.session(async (client) => {
      const result: ObservedSessions = { sessions: [], skipped: [] };
      const deviceIds = [...new Set(devices.map((device) => device.engineId))];
      for (let start = 0; start < deviceIds.length; start += SESSION_READ_CONCURRENCY) {
        const batch = deviceIds.slice(start, start + SESSION_READ_CONCURRENCY);
        const logs = await Promise.all(
          batch.map(async (deviceId) => {
            const [relay, agent] = await Promise.all([client.deviceEvents(deviceId, 'relaylog', SESSION_EVENT_LIMIT), client.deviceEvents(deviceId, 'agentlog', SESSION_EVENT_LIMIT)]);
            return { deviceId, read: sessionsFromEvents(deviceId, [...relay, ...agent], portalUserOfAccount) };
          }),
        );
        for (const { deviceId, read } of logs) {
          const mark = since.get(deviceId);
          result.sessions.push(...read.sessions.filter((session) => session.endedAt === null || mark === undefined || session.endedAt >= mark));
          result.skipped.push(...read.skipped);
        }
      }
      return result;
    });
  }

  createGroup(group: DesiredGroup): Promise<void> {
    return this.session(async (client) => {
      await client.createDeviceGroup({ name: group.fullName, description: `${GROUP_MARKER}${group.groupId}`, consent: 0 });
    });
  }

  renameGroup(group: ObservedGroup, fullName: string): Promise<void> {
    return this.session((client) => client.renameDeviceGroup(group.engineId, fullName));
  }

  deleteGroup(group: ObservedGroup): Promise<void> {
    return this.session((client) => client.deleteDeviceGroup(group.engineId));
  }

  /** Never asked (accountsAtFirstSignIn): MeshCentral makes the account at the user's first sign-in. */
  async createAccount(_account: DesiredAccount): Promise<void> {
    throw new EngineError('REFUSED', 'MeshCentral makes an account when its user first signs in through the portal');
  }

  deleteAccount(account: ObservedAccount): Promise<void> {
    return this.session((client) => client.deleteUser(account.engineId));
  }

  putAccess(access: DesiredAccess, group: ObservedGroup, accounts: ReadonlyMap<string, ObservedAccount>, existing: ObservedAccess | undefined): Promise<void> {
    return this.session(async (client) => {
      const consent = access.mode === 'with_approval' ? PROMPT_FOR_EVERY_SESSION : 0;
      const name = `${access.vendorName} → ${group.name}`;
      const userGroupId =
        existing?.engineId ?? (await client.createUserGroup({ name, description: `${GRANT_MARKER}${access.groupId}:${access.vendorId}` }));
      // Consent before the link and the members: a new link never opens a session without the prompt it needs.
      if (existing?.mode !== access.mode) await client.setUserGroupConsent(userGroupId, consent);
      const current = new Set(existing?.memberUserIds ?? []);
      const wanted = new Set(access.memberUserIds);
      for (const userId of wanted) {
        const account = accounts.get(userId);
        if (account && !current.has(userId)) await client.addUserToUserGroup(userGroupId, account.engineId);
      }
      for (const userId of current) {
        if (!wanted.has(userId)) await client.removeUserFromUserGroup(userGroupId, `${OIDC_ACCOUNT_PREFIX}${userId}`);
      }
      const linked = new Set(existing?.linkedGroupIds ?? []);
      if (!linked.has(access.groupId)) await client.linkUserGroupToDeviceGroup(userGroupId, group.engineId, VENDOR_RIGHTS);
      for (const other of await this.otherLinks(client, userGroupId, group.engineId)) await client.unlinkUserGroupFromDeviceGroup(userGroupId, other);
    });
  }

  /** Device groups a grant's user group is linked to besides its own (changed by hand): unlinked. */
  private async otherLinks(client: MeshControlClient, userGroupId: string, deviceGroupId: string): Promise<string[]> {
    const userGroup: MeshUserGroup | undefined = (await client.listUserGroups()).find((candidate) => candidate.id === userGroupId);
    return Object.keys(userGroup?.links ?? {}).filter((id) => id.startsWith('mesh/') && id !== deviceGroupId);
  }

  removeAccess(access: ObservedAccess): Promise<void> {
    return this.session((client) => client.deleteUserGroup(access.engineId));
  }

  removeForeignAccess(foreign: ForeignAccess): Promise<void> {
    return this.session(async (client) => {
      const deviceGroup = (await client.listDeviceGroups()).find((candidate) => markedId(candidate.description, GROUP_MARKER) === foreign.groupId);
      if (!deviceGroup) return;
      const [userGroupId, memberId] = foreign.subjectId.split(MEMBER_SEPARATOR);
      if (memberId !== undefined && userGroupId !== undefined) await client.removeUserFromUserGroup(userGroupId, memberId);
      else await client.unlinkUserGroupFromDeviceGroup(foreign.subjectId, deviceGroup.id);
    });
  }

  async close(): Promise<void> {
    const pending = this.client;
    this.client = undefined;
    await pending?.then((client) => client.close()).catch(() => undefined);
  }
}

function markedId(description: string, marker: string): string | undefined {
  return description.startsWith(marker) && description.length > marker.length ? description.slice(marker.length) : undefined;
}

function modeOf(userGroup: MeshUserGroup): ObservedAccess['mode'] {
  if (userGroup.consent === 0) return 'without_approval';
  if ((userGroup.consent & PROMPT_FOR_EVERY_SESSION) === PROMPT_FOR_EVERY_SESSION) return 'with_approval';
  return undefined;
}
