import type { GrantMode } from '../../domain/grant-repository';
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
  type ObservedSession,
  type ObservedSessions,
  type RemoteSupportEngine,
} from '../remote-support-engine';

/**
 * An engine in memory, for the reconciler's unit tests only (the adapter tests use a real MeshCentral).
 * `down` makes every call fail as an unreachable engine does; `refuse` makes calls for one key refused.
 */
export class InMemoryEngine implements RemoteSupportEngine {
  readonly label = 'In-memory';
  readonly accountsAtFirstSignIn = false;
  readonly groups = new Map<string, { engineId: string; name: string }>();
  readonly accounts = new Map<string, { engineId: string; username: string }>();
  readonly accesses = new Map<string, { engineId: string; groupId: string; vendorId: string; mode: GrantMode; members: string[] }>();
  foreign: ForeignAccess[] = [];
  /** The machines `observe` reports, and the sessions logged on them. */
  devices: Device[] = [];
  sessions: ObservedSession[] = [];
  /** Log entries the adapter "could not read", reported with every read; `sessionLogBroken` makes the read fail. */
  sessionLogSkipped: string[] = [];
  sessionLogBroken = false;
  /** The high-water marks of the last read. */
  sessionsAskedSince: ReadonlyMap<string, string> | undefined;
  down = false;
  /** Fails the Nth call from now (1 = the next one) as unreachable, once. */
  failAfterCalls: number | undefined;
  readonly refuse = new Set<string>();
  calls: string[] = [];
  private nextId = 1;

  private enter(call: string): void {
    this.calls.push(call);
    if (this.down) throw new EngineError('UNREACHABLE', 'the engine cannot be reached');
    if (this.failAfterCalls !== undefined && --this.failAfterCalls === 0) {
      this.failAfterCalls = undefined;
      this.down = true;
      throw new EngineError('UNREACHABLE', 'the engine went away');
    }
  }

  async observe(): Promise<ObservedEngine> {
    this.enter('observe');
    const groups: ObservedGroup[] = [...this.groups].map(([groupId, group]) => ({ groupId, engineId: group.engineId, name: group.name }));
    const accounts: ObservedAccount[] = [...this.accounts].map(([userId, account]) => ({ userId, engineId: account.engineId }));
    const accesses: ObservedAccess[] = [...this.accesses.values()].map((access) => ({
      groupId: access.groupId,
      vendorId: access.vendorId,
      engineId: access.engineId,
      mode: access.mode,
      memberUserIds: [...access.members],
      linkedGroupIds: [access.groupId],
    }));
    return { groups, accounts, accesses, foreign: [...this.foreign], devices: this.devices.map((device) => ({ ...device })) };
  }

  async observeSessions(devices: readonly Device[], since: ReadonlyMap<string, string>): Promise<ObservedSessions> {
    this.enter('observeSessions');
    this.sessionsAskedSince = new Map(since);
    if (this.sessionLogBroken) throw new EngineError('PROTOCOL', "the engine's answer to events is not what it should be");
    const wanted = new Set(devices.map((device) => device.engineId));
    const sessions = this.sessions.filter((session) => {
      const mark = since.get(session.deviceEngineId);
      return wanted.has(session.deviceEngineId) && (session.endedAt === null || mark === undefined || session.endedAt >= mark);
    });
    return { sessions: sessions.map((session) => ({ ...session })), skipped: [...this.sessionLogSkipped] };
  }

  async createGroup(group: DesiredGroup): Promise<void> {
    this.enter(`createGroup ${group.fullName}`);
    if (this.refuse.has(`group:${group.groupId}`)) throw new EngineError('REFUSED', 'the engine refused the name');
    if (!this.groups.has(group.groupId)) this.groups.set(group.groupId, { engineId: `mesh-${this.nextId++}`, name: group.fullName });
  }

  async renameGroup(group: ObservedGroup, fullName: string): Promise<void> {
    this.enter(`renameGroup ${fullName}`);
    const held = this.groups.get(group.groupId);
    if (held) held.name = fullName;
  }

  async deleteGroup(group: ObservedGroup): Promise<void> {
    this.enter(`deleteGroup ${group.name}`);
    this.groups.delete(group.groupId);
  }

  async createAccount(account: DesiredAccount): Promise<void> {
    this.enter(`createAccount ${account.username}`);
    if (!this.accounts.has(account.userId)) this.accounts.set(account.userId, { engineId: `user-${this.nextId++}`, username: account.username });
  }

  async deleteAccount(account: ObservedAccount): Promise<void> {
    this.enter(`deleteAccount ${account.userId}`);
    this.accounts.delete(account.userId);
  }

  async putAccess(access: DesiredAccess, _group: ObservedGroup, _accounts: ReadonlyMap<string, ObservedAccount>, existing: ObservedAccess | undefined): Promise<void> {
    this.enter(`putAccess ${access.groupId}:${access.vendorId} ${access.mode}`);
    if (this.refuse.has(`grant:${access.groupId}:${access.vendorId}`)) throw new EngineError('REFUSED', 'the engine refused the link');
    const key = `${access.groupId}:${access.vendorId}`;
    this.accesses.set(key, {
      engineId: existing?.engineId ?? `ugrp-${this.nextId++}`,
      groupId: access.groupId,
      vendorId: access.vendorId,
      mode: access.mode,
      members: [...access.memberUserIds],
    });
  }

  async removeAccess(access: ObservedAccess): Promise<void> {
    this.enter(`removeAccess ${access.groupId}:${access.vendorId}`);
    this.accesses.delete(`${access.groupId}:${access.vendorId}`);
  }

  async removeForeignAccess(foreign: ForeignAccess): Promise<void> {
    this.enter(`removeForeignAccess ${foreign.subjectId}`);
    this.foreign = this.foreign.filter((link) => !(link.groupId === foreign.groupId && link.subjectId === foreign.subjectId));
  }

  async close(): Promise<void> {}
}
