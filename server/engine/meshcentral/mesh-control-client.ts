import { randomBytes } from 'node:crypto';
import WebSocket from 'ws';
import type { z } from 'zod';
import { EngineError } from '../remote-support-engine';
import {
  addMeshUserResult,
  addUsersToGroupResult,
  closeMessage,
  createMeshResult,
  createUserGroupResult,
  eventsMessage,
  lastConnectsMessage,
  meshesMessage,
  nodesMessage,
  resultMessage,
  serverInfoMessage,
  userGroupsMessage,
  userInfoMessage,
  usersMessage,
} from './mesh-messages';
import { effectiveConsent } from './mesh-rights';
import { normaliseCertHash, pinnedConnection } from './pinned-tls';

/**
 * A typed client of MeshCentral's control channel: wss://host/control.ashx, the JSON protocol meshctrl.js
 * speaks (MeshCentral 1.1.55, meshuser.js). It logs in with the `x-meshauth` header as meshctrl does
 * (base64(user),base64(password)), over TLS pinned to the engine's certificate (pinned-tls.ts).
 *
 * Correlation: commands that change something are sent with a unique `responseid`, which MeshCentral echoes
 * with `result: 'ok'` or a reason; list commands echo a `tag` instead. Everything else on the socket
 * (events MeshCentral pushes to a logged-in session) is ignored. Every message the client uses is parsed
 * with zod (mesh-messages.ts). Errors are EngineError with a code; no password ever appears in one.
 *
 * Consent and rights: see mesh-rights.ts (what a user-group → device-group link holds and how MeshCentral
 * combines consent flags).
 */
export interface MeshControlOptions {
  /** wss://host:port (the path /control.ashx is added). */
  url: string;
  /** SHA-384 of the engine's TLS certificate, hex (colons allowed). */
  certHash: string;
  username: string;
  password: string;
  /** Per request and for the connection, default 15 s. */
  timeoutMs?: number;
}

export interface MeshDeviceGroup {
  id: string;
  name: string;
  description: string;
  consent: number;
  /** Who is linked to the group (users and user groups) with which rights. */
  links: Record<string, number>;
}

export interface MeshUserGroup {
  id: string;
  name: string;
  description: string;
  consent: number;
  /** Device groups (`mesh/…`) and devices (`node/…`) with rights; members (`user/…`). */
  links: Record<string, number>;
}

export interface MeshUser {
  id: string;
  name: string;
  email: string | null;
  consent: number;
  links: Record<string, number>;
}

export interface MeshDevice {
  id: string;
  deviceGroupId: string;
  name: string;
  /** The agent's description of the OS, e.g. "Ubuntu 24.04 LTS"; null before the agent reported it. */
  os: string | null;
  /** An agent is connected right now (conn bit 1). */
  online: boolean;
  /** When the agent last connected or disconnected (MeshCentral's `lastconnect` record); null if never. */
  lastConnect: Date | null;
}

type Json = Record<string, unknown>;

interface Pending {
  resolve(message: Json): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout;
}

const CONTROL_PATH = '/control.ashx';

export class MeshControlClient {
  private readonly pending = new Map<string, Pending>();
  private readonly pongs: Pending[] = [];
  private counter = 0;
  private closedError: EngineError | undefined;

  private constructor(
    private readonly socket: WebSocket,
    private readonly timeoutMs: number,
    /** What MeshCentral said about itself at login (domain, name, tlshash, consent of the domain). */
    readonly serverInfo: z.infer<typeof serverInfoMessage>['serverinfo'],
    /** The logged-in account as MeshCentral sees it. */
    readonly user: z.infer<typeof userInfoMessage>['userinfo'],
  ) {
    socket.on('message', (data) => this.onMessage(data.toString()));
    socket.on('close', () => this.failAll(new EngineError('UNREACHABLE', 'The connection to the engine was closed')));
    socket.on('error', () => this.failAll(new EngineError('UNREACHABLE', 'The connection to the engine failed')));
  }

  /** Connects and logs in; resolves once MeshCentral accepted the login (it sent serverinfo and userinfo). */
  static connect(options: MeshControlOptions): Promise<MeshControlClient> {
    const timeoutMs = options.timeoutMs ?? 15_000;
    const pin = normaliseCertHash(options.certHash);
    const base = new URL(options.url);
    if (base.protocol !== 'wss:') throw new EngineError('PROTOCOL', 'The engine is only spoken to over wss://');
    const url = `${base.origin}${CONTROL_PATH}`;
    const auth = `${Buffer.from(options.username).toString('base64')},${Buffer.from(options.password).toString('base64')}`;

    return new Promise((resolve, reject) => {
      const socket = new WebSocket(url, {
        headers: { 'x-meshauth': auth },
        createConnection: pinnedConnection(pin, timeoutMs) as never,
        handshakeTimeout: timeoutMs,
        perMessageDeflate: false,
        followRedirects: false,
      });
      let serverInfo: z.infer<typeof serverInfoMessage>['serverinfo'] | undefined;
      let settled = false;
      const timer = setTimeout(() => fail(new EngineError('TIMEOUT', `The engine did not complete the login within ${timeoutMs} ms`)), timeoutMs);
      function fail(error: EngineError): void {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        socket.removeAllListeners();
        socket.on('error', () => undefined);
        socket.terminate();
        reject(error);
      }
      socket.on('error', (error) => {
        // pinnedConnection's EngineError (unreachable, pin mismatch) arrives here as it was made.
        fail(error instanceof EngineError ? error : new EngineError('UNREACHABLE', `The engine cannot be reached (${error.message})`));
      });
      socket.on('unexpected-response', (_request, response) => {
        fail(new EngineError('PROTOCOL', `The engine answered the control channel with HTTP ${response.statusCode}`));
      });
      socket.on('close', () => fail(new EngineError('LOGIN_FAILED', 'The engine closed the connection during the login')));
      socket.on('message', (data) => {
        const message = parseJson(data.toString());
        if (!message) return;
        if (message['action'] === 'close') {
          const parsed = closeMessage.safeParse(message);
          const reason = parsed.success ? parsed.data.msg ?? parsed.data.cause : undefined;
          const secondFactor = reason === 'tokenrequired' ? ': the account needs a second factor' : '';
          fail(new EngineError('LOGIN_FAILED', `The engine refused the login of ${JSON.stringify(options.username)}${secondFactor} (${reason ?? 'no reason given'})`));
        } else if (message['action'] === 'serverinfo') {
          serverInfo = parseAs(serverInfoMessage, message, 'serverinfo').serverinfo;
        } else if (message['action'] === 'userinfo' && serverInfo) {
          const user = parseAs(userInfoMessage, message, 'userinfo').userinfo;
          settled = true;
          clearTimeout(timer);
          socket.removeAllListeners();
          resolve(new MeshControlClient(socket, timeoutMs, serverInfo, user));
        }
      });
    });
  }

  async close(): Promise<void> {
    if (this.socket.readyState === WebSocket.CLOSED) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        this.socket.terminate();
        resolve();
      }, 2_000);
      this.socket.once('close', () => {
        clearTimeout(timer);
        resolve();
      });
      this.socket.close();
    });
  }

  /** A round trip: MeshCentral answers `ping` with `pong` (no id, so pongs are matched in order). */
  ping(): Promise<void> {
    return new Promise<Json>((resolve, reject) => {
      if (this.closedError) return reject(this.closedError);
      const entry: Pending = { resolve, reject, timer: setTimeout(() => this.timeOut(entry, 'ping'), this.timeoutMs) };
      this.pongs.push(entry);
      this.socket.send(JSON.stringify({ action: 'ping' }));
    }).then(() => undefined);
  }

  // --- device groups (meshes) --------------------------------------------------------------------------

  async listDeviceGroups(): Promise<MeshDeviceGroup[]> {
    const { meshes } = parseAs(meshesMessage, await this.list('meshes', {}), 'meshes');
    return meshes
      .filter((mesh) => mesh.mtype === 2) // 2: agent-managed devices; 1 is Intel AMT only
      .map((mesh) => ({ id: mesh._id, name: mesh.name, description: mesh.desc ?? '', consent: mesh.consent ?? 0, links: rightsOf(mesh.links) }));
  }

  /** Creates a device group of agent-managed devices; returns its id (`mesh//…`). */
  async createDeviceGroup(group: { name: string; description?: string; consent?: number }): Promise<string> {
    const answer = parseAs(
      createMeshResult,
      await this.command('createmesh', { meshname: group.name, meshtype: 2, desc: group.description ?? '', ...(group.consent !== undefined && { consent: group.consent }) }),
      'createmesh',
    );
    if (!answer.meshid) throw new EngineError('PROTOCOL', 'The engine created a device group but did not say its id');
    return answer.meshid;
  }

  async updateDeviceGroup(id: string, change: { name?: string; description?: string; consent?: number }): Promise<void> {
    await this.command('editmesh', {
      meshid: id,
      ...(change.name !== undefined && { meshname: change.name }),
      ...(change.description !== undefined && { desc: change.description }),
      ...(change.consent !== undefined && { consent: change.consent }),
    });
  }

  renameDeviceGroup(id: string, name: string): Promise<void> {
    return this.updateDeviceGroup(id, { name });
  }

  async deleteDeviceGroup(id: string): Promise<void> {
    await this.command('deletemesh', { meshid: id });
  }

  // --- user groups ------------------------------------------------------------------------------------

  async listUserGroups(): Promise<MeshUserGroup[]> {
    const { ugroups } = parseAs(userGroupsMessage, await this.list('usergroups', {}), 'usergroups');
    return Object.entries(ugroups ?? {}).map(([id, group]) => ({
      id,
      name: group.name,
      description: group.desc ?? '',
      consent: group.consent ?? 0,
      links: rightsOf(group.links),
    }));
  }

  /** Creates a user group; its consent (if any) is set with editusergroup, the only command that sets it. */
  async createUserGroup(group: { name: string; description?: string; consent?: number }): Promise<string> {
    const answer = parseAs(createUserGroupResult, await this.command('createusergroup', { name: group.name, desc: group.description ?? '' }), 'createusergroup');
    if (!answer.ugrpid) throw new EngineError('PROTOCOL', 'The engine created a user group but did not say its id');
    if (group.consent) await this.setUserGroupConsent(answer.ugrpid, group.consent);
    return answer.ugrpid;
  }

  /**
   * editusergroup sends no answer, so the change is confirmed by reading the group back: MeshCentral
   * handles one session's commands in order and changes the group in memory before it answers the list.
   */
  async setUserGroupConsent(id: string, consent: number): Promise<void> {
    this.send('editusergroup', { ugrpid: id, consent });
    const group = (await this.listUserGroups()).find((candidate) => candidate.id === id);
    if (!group) throw new EngineError('REFUSED', `The engine has no user group ${id}`);
    if (group.consent !== consent) throw new EngineError('REFUSED', `The engine did not change the consent of user group ${id}`);
  }

  async deleteUserGroup(id: string): Promise<void> {
    await this.command('deleteusergroup', { ugrpid: id });
  }

  async addUserToUserGroup(groupId: string, userId: string): Promise<void> {
    // addusertousergroup takes user NAMES (the last part of the id) and reports how many it added.
    const answer = parseAs(addUsersToGroupResult, await this.command('addusertousergroup', { ugrpid: groupId, usernames: [localPart(userId)] }), 'addusertousergroup');
    if (answer.added !== 1) throw new EngineError('REFUSED', `The engine did not add user ${userId} to user group ${groupId}`);
  }

  async removeUserFromUserGroup(groupId: string, userId: string): Promise<void> {
    await this.command('removeuserfromusergroup', { ugrpid: groupId, userid: userId });
  }

  /** Links a user group to a device group with `rights` (MeshRight bits); the link holds nothing else. */
  async linkUserGroupToDeviceGroup(groupId: string, deviceGroupId: string, rights: number): Promise<void> {
    // addmeshuser answers with a list of messages ("Added user …") and counts, not 'ok': the counts decide.
    const answer = parseAs(
      addMeshUserResult,
      await this.request('addmeshuser', { meshid: deviceGroupId, userid: groupId, meshadmin: rights }, 'responseid'),
      'addmeshuser',
    );
    if (answer.success !== 1 || answer.failed !== 0) throw new EngineError('REFUSED', `The engine refused addmeshuser: ${answer.result}`);
  }

  async unlinkUserGroupFromDeviceGroup(groupId: string, deviceGroupId: string): Promise<void> {
    await this.command('removemeshuser', { meshid: deviceGroupId, userid: groupId });
  }

  // --- users ------------------------------------------------------------------------------------------

  async listUsers(): Promise<MeshUser[]> {
    const { users } = parseAs(usersMessage, await this.list('users', {}), 'users');
    return users.map((user) => ({ id: user._id, name: user.name, email: user.email ?? null, consent: user.consent ?? 0, links: rightsOf(user.links) }));
  }

  /**
   * Creates a user with a random password (32 bytes, base64url) and returns it to the caller only: it is
   * the caller's to keep or forget. MeshCentral's id is `user/<domain>/<lower-case name>`.
   */
  async createUser(user: { username: string; email?: string; realName?: string }): Promise<{ id: string; password: string }> {
    const password = randomBytes(32).toString('base64url');
    await this.command('adduser', {
      username: user.username,
      pass: password,
      ...(user.email !== undefined && { email: user.email, emailVerified: true }),
      ...(user.realName !== undefined && { realname: user.realName }),
    });
    return { id: `user/${this.serverInfo.domain}/${user.username.toLowerCase()}`, password };
  }

  async deleteUser(id: string): Promise<void> {
    await this.command('deleteuser', { userid: id });
  }

  // --- devices ----------------------------------------------------------------------------------------

  /** The devices the logged-in account may see, of one device group or of all. */
  async listDevices(deviceGroupId?: string): Promise<MeshDevice[]> {
    const { nodes } = parseAs(nodesMessage, await this.list('nodes', deviceGroupId ? { meshid: deviceGroupId } : {}), 'nodes');
    const { lastconnects } = parseAs(lastConnectsMessage, await this.list('lastconnects', {}), 'lastconnects');
    return Object.entries(nodes).flatMap(([groupId, groupNodes]) =>
      groupNodes.map((node) => {
        const last = lastconnects[node._id];
        return {
          id: node._id,
          deviceGroupId: groupId,
          name: node.name,
          os: node.osdesc ?? null,
          online: ((node.conn ?? 0) & 1) !== 0,
          lastConnect: last === undefined ? null : new Date(last),
        };
      }),
    );
  }

  /**
   * The newest `limit` events MeshCentral stored for a device, of one action (`relaylog`: sessions relayed to it;
   * `agentlog`: what its agent logged, e.g. a prompt's answer). Unparsed: mesh-sessions.ts reads each one.
   * MeshCentral keeps events 20 days by default (db.js, expireAfterSeconds of the events' `time`).
   */
  async deviceEvents(deviceId: string, filter: 'relaylog' | 'agentlog', limit: number): Promise<unknown[]> {
    const { events } = parseAs(eventsMessage, await this.list('events', { nodeid: deviceId, filter, limit }), 'events');
    return events;
  }

  /**
   * The consent flags MeshCentral applies when `userId` opens a session to `deviceId`, computed from what
   * this (administrator) session can read, with MeshCentral's own rule (mesh-rights.ts effectiveConsent).
   */
  async effectiveConsent(userId: string, deviceId: string): Promise<number> {
    const [users, groups, deviceGroups, nodesAnswer] = [await this.listUsers(), await this.listUserGroups(), await this.listDeviceGroups(), await this.list('nodes', {})];
    const user = users.find((candidate) => candidate.id === userId);
    if (!user) throw new EngineError('REFUSED', `The engine has no user ${userId}`);
    const { nodes } = parseAs(nodesMessage, nodesAnswer, 'nodes');
    const entry = Object.entries(nodes).flatMap(([groupId, list]) => list.map((node) => ({ groupId, node }))).find(({ node }) => node._id === deviceId);
    if (!entry) throw new EngineError('REFUSED', `The engine has no device ${deviceId}`);
    const mesh = deviceGroups.find((group) => group.id === entry.groupId);
    return effectiveConsent({
      domainConsent: this.serverInfo.consent,
      mesh: { id: entry.groupId, consent: mesh?.consent },
      node: { id: deviceId, consent: entry.node.consent },
      user: { links: user.links, consent: user.consent },
      userGroups: new Map(groups.map((group) => [group.id, { consent: group.consent, links: group.links }])),
    });
  }

  // --- transport --------------------------------------------------------------------------------------

  /** A command answered with `{ responseid, result }`; anything but 'ok' is a refusal. */
  private async command(action: string, fields: Json): Promise<Json> {
    const answer = await this.request(action, fields, 'responseid');
    const { result } = parseAs(resultMessage, answer, action);
    if (result.toLowerCase() !== 'ok') throw new EngineError('REFUSED', `The engine refused ${action}: ${result}`);
    return answer;
  }

  /** A list command: answered with a message carrying our `tag` (or, on refusal, our `responseid` and a result). */
  private async list(action: string, fields: Json): Promise<Json> {
    const answer = await this.request(action, fields, 'tag');
    if (typeof answer['result'] === 'string' && answer[action === 'usergroups' ? 'ugroups' : action] === undefined) {
      throw new EngineError('REFUSED', `The engine refused ${action}: ${answer['result']}`);
    }
    return answer;
  }

  private request(action: string, fields: Json, key: 'responseid' | 'tag'): Promise<Json> {
    return new Promise((resolve, reject) => {
      if (this.closedError) return reject(this.closedError);
      const id = `fh-${++this.counter}`;
      const entry: Pending = { resolve, reject, timer: setTimeout(() => this.timeOut(entry, action, id), this.timeoutMs) };
      this.pending.set(id, entry);
      // A refusal of a list command comes with the responseid, its answer with the tag: send both.
      this.send(action, { ...fields, [key]: id, ...(key === 'tag' && { responseid: id }) });
    });
  }

  private send(action: string, fields: Json): void {
    if (this.closedError) throw this.closedError;
    this.socket.send(JSON.stringify({ action, ...fields }));
  }

  private onMessage(text: string): void {
    const message = parseJson(text);
    if (!message) return;
    if (message['action'] === 'pong') {
      const entry = this.pongs.shift();
      if (entry) this.settle(entry, message);
      return;
    }
    for (const key of ['responseid', 'tag'] as const) {
      const id = message[key];
      if (typeof id !== 'string') continue;
      const entry = this.pending.get(id);
      if (!entry) continue;
      this.pending.delete(id);
      this.settle(entry, message);
      return;
    }
  }

  private settle(entry: Pending, message: Json): void {
    clearTimeout(entry.timer);
    entry.resolve(message);
  }

  private timeOut(entry: Pending, action: string, id?: string): void {
    if (id) this.pending.delete(id);
    else this.pongs.splice(this.pongs.indexOf(entry), 1);
    entry.reject(new EngineError('TIMEOUT', `The engine did not answer ${action} within ${this.timeoutMs} ms`));
  }

  private failAll(error: EngineError): void {
    this.closedError ??= error;
    for (const entry of [...this.pending.values(), ...this.pongs]) {
      clearTimeout(entry.timer);
      entry.reject(error);
    }
    this.pending.clear();
    this.pongs.length = 0;
  }
}

function parseJson(text: string): Json | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : undefined;
  } catch {
    return undefined;
  }
}

function parseAs<T extends z.ZodType>(schema: T, message: Json, what: string): z.infer<T> {
  const parsed = schema.safeParse(message);
  if (!parsed.success) throw new EngineError('PROTOCOL', `The engine's answer to ${what} is not what MeshCentral 1.1.55 sends: ${parsed.error.issues[0]?.message ?? 'invalid'} at ${parsed.error.issues[0]?.path.join('.') ?? ''}`);
  return parsed.data;
}

function rightsOf(links: Record<string, { rights?: number | undefined }> | undefined): Record<string, number> {
  return Object.fromEntries(Object.entries(links ?? {}).map(([id, link]) => [id, link.rights ?? 0]));
}

function localPart(id: string): string {
  return id.split('/')[2] ?? id;
}
