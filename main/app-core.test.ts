import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import jsQR from 'jsqr';
import * as OTPAuth from 'otpauth';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ChannelName, ChannelOutput, EventName, ParsedInput } from '../common/contract';
import { openDatabase } from '../server/db/database';
import { signInThroughBrowser, withPage } from '../server/oidc/test-support/browser';
import { beginLogin, discover } from '../server/oidc/test-support/native-app';
import { AppCore } from './app-core';
import { createHandlers } from './handlers';
import type { Handlers } from './ipc/handlers-type';
import { createFileLogger } from './log/logger';
import { SettingsStore } from './settings/settings-store';
import { startTestPortal, testSecrets, type TestPortal } from './test-support/portal-fixture';

/**
 * Every command of the core through its IPC handler, against the real reference portal over HTTP,
 * with the real keychain, real SQLite cache files and Chromium as the system browser.
 */
describe('the main-process core, channel by channel', () => {
  let portal: TestPortal;
  let core: AppCore;
  let handlers: Handlers;
  let dataDir: string;
  let downloads: string;
  const events: Array<{ event: EventName; payload: unknown }> = [];
  const authorizations = new Set<string>();
  const secretsSeen = new Set<string>();

  const call = <C extends ChannelName>(channel: C, ...input: ParsedInput<C> extends undefined ? [] : [ParsedInput<C>]): Promise<ChannelOutput<C>> =>
    (handlers[channel] as (input?: unknown) => Promise<ChannelOutput<C>>)(input[0]);

  beforeAll(async () => {
    portal = await startTestPortal({ activationDelayMs: 0, groupSyncDelayMs: 0 });
    dataDir = mkdtempSync(join(tmpdir(), 'core-data-'));
    downloads = mkdtempSync(join(tmpdir(), 'core-downloads-'));
    const settings = new SettingsStore(dataDir);
    // Its own profile id, so its keychain entry (`<profile>:<subject>`) never meets auth-session.test.ts's
    // `test:` entry for the same demo admin when the two files run in parallel.
    const profile = { ...portal.profile, id: 'core-test' };
    settings.saveProfile(profile);
    settings.setActiveProfile(profile.id);
    // Every access token the app sends, to prove later that none of them reached a file.
    const realFetch = globalThis.fetch;
    vi.spyOn(globalThis, 'fetch').mockImplementation((input, init) => {
      const header = new Headers(init?.headers ?? (input instanceof Request ? input.headers : undefined)).get('authorization');
      if (header) authorizations.add(header.split(' ')[1]!);
      return realFetch(input, init);
    });
    core = await AppCore.start({
      config: { version: '0.0.0-test', dataDir, logDir: join(dataDir, 'logs'), demoAtStart: false, platform: process.platform },
      secrets: testSecrets(),
      adapters: { openExternal: portal.openBrowser, chooseSavePath: async (name) => join(downloads, name) },
      events: { emit: (event, payload) => events.push({ event, payload }) },
      logger: createFileLogger(join(dataDir, 'logs', 'main.log')),
    });
    handlers = createHandlers({ core, events: { emit: (event, payload) => events.push({ event, payload }) }, now: () => new Date() });
  }, 60_000);

  afterAll(async () => {
    await call('session.signOut').catch(() => {});
    await core?.close();
    vi.restoreAllMocks();
    await portal?.close();
  });

  it('signs in through the system browser and shows who is signed in', async () => {
    expect((await call('session.status')).state).toBe('signed-out');
    await expect(call('groups.list')).rejects.toMatchObject({ code: 'NOT_SIGNED_IN' });
    const status = await call('session.signIn');
    expect(status).toMatchObject({
      state: 'signed-in',
      profile: { id: 'core-test', demo: false },
      account: { user: { username: 'demo.admin' }, organisation: { name: 'Norsk Helsenett test', prefix: 'NorskHelsenetttest' }, roles: ['portal-admin'] },
    });
    expect(events.map((entry) => entry.event)).toContain('session.changed');
    await call('sync.now');
    expect((await call('sync.status')).activity).toBe('idle');
  }, 60_000);

  it('activates the service with the terms version the user saw', async () => {
    const service = (await call('service.get'))!;
    expect(service.status).toBe('inactive');
    expect(service.terms.items.length).toBeGreaterThan(5);
    await expect(call('groups.create', { name: 'For tidlig' })).rejects.toMatchObject({ code: 'SERVICE_NOT_ACTIVE' });
    await expect(call('service.activate', { acceptTerms: true, termsVersion: 'old' })).rejects.toMatchObject({ code: 'TERMS_VERSION_MISMATCH' });
    const activating = await call('service.activate', { acceptTerms: true, termsVersion: service.terms.version });
    expect(activating.status).toBe('activating');
    await call('sync.now');
    expect((await call('service.get'))?.status).toBe('active');
    expect((await call('groups.list')).map((group) => group.name)).toEqual(['Maskiner']);
  });

  it('creates machine groups, refusing duplicates and names over the 60-character rule', async () => {
    const changes = events.length;
    const group = await call('groups.create', { name: '  Røntgen  ' });
    expect(group).toMatchObject({ name: 'Røntgen', fullName: 'NorskHelsenetttest-Røntgen' });
    expect(events.slice(changes).map((entry) => entry.event)).toContain('cache.changed');
    expect((await call('groups.get', { id: group.id }))?.name).toBe('Røntgen');
    await expect(call('groups.create', { name: 'røntgen' })).rejects.toMatchObject({ code: 'NAME_TAKEN', fields: [{ path: 'name' }] });
    await expect(call('groups.create', { name: ' maskiner ' })).rejects.toMatchObject({ code: 'NAME_TAKEN' });
    const longest = 'x'.repeat(60 - 'NorskHelsenetttest'.length);
    await expect(call('groups.create', { name: `${longest}y` })).rejects.toMatchObject({ code: 'NAME_TOO_LONG' });
    await expect(call('groups.create', { name: longest })).resolves.toMatchObject({ name: longest });
  });

  it('renames and deletes machine groups through the portal, and the cache follows (after a sync too)', async () => {
    const created = await call('groups.create', { name: 'Skrivefeil' });
    // The group finishes synchronising on the portal (a new version); a rename with the version the app
    // had then is refused, and the sync that follows gives the cache the current one.
    await expect(call('groups.rename', { id: created.id, version: created.version, name: 'For tidlig' })).rejects.toMatchObject({ code: 'PRECONDITION_FAILED' });
    await call('sync.now');
    const group = (await call('groups.get', { id: created.id }))!;
    expect(group.version).toBeGreaterThan(created.version);
    const renamed = await call('groups.rename', { id: group.id, version: group.version, name: ' Laboratoriet ' });
    expect(renamed).toMatchObject({ id: group.id, name: 'Laboratoriet', fullName: 'NorskHelsenetttest-Laboratoriet', isDefault: false });
    expect((await call('groups.get', { id: group.id }))?.name).toBe('Laboratoriet');
    // The version the app had is stale now: the portal says so instead of renaming over someone else's change.
    await expect(call('groups.rename', { id: group.id, version: group.version, name: 'Gammel kopi' })).rejects.toMatchObject({ code: 'PRECONDITION_FAILED' });
    await expect(call('groups.rename', { id: group.id, version: renamed.version, name: 'a/b<script>' })).rejects.toMatchObject({
      code: 'NAME_INVALID_CHARACTERS',
      fields: [{ path: 'name', code: 'NAME_INVALID_CHARACTERS' }],
    });
    await expect(call('groups.rename', { id: group.id, version: renamed.version, name: 'maskiner' })).rejects.toMatchObject({ code: 'NAME_TAKEN', fields: [{ path: 'name' }] });

    const [vendor] = await call('vendors.search', { query: 'ostfold', limit: 1 });
    await call('grants.put', { groupId: group.id, vendorId: vendor!.id, mode: 'with_approval' });
    await expect(call('groups.delete', { id: group.id, version: renamed.version })).rejects.toMatchObject({ code: 'VENDORS_HAVE_ACCESS' });
    expect(await call('groups.get', { id: group.id })).not.toBeNull();
    await call('grants.remove', { groupId: group.id, vendorId: vendor!.id });
    const maskiner = (await call('groups.list')).find((candidate) => candidate.isDefault)!;
    await expect(call('groups.delete', { id: maskiner.id, version: maskiner.version })).rejects.toMatchObject({ code: 'DEFAULT_GROUP' });

    const changes = events.length;
    await expect(call('groups.delete', { id: group.id, version: renamed.version })).resolves.toBeNull();
    expect(events.slice(changes).map((entry) => entry.event)).toContain('cache.changed');
    expect(await call('groups.get', { id: group.id })).toBeNull();
    // The sync feed's tombstone agrees with the command's answer: the group stays gone.
    await call('sync.now');
    expect(await call('groups.get', { id: group.id })).toBeNull();
    expect((await call('groups.list')).map((listed) => listed.id)).not.toContain(group.id);
    const actions = (await call('audit.list', { limit: 500 })).filter((event) => event.objectId === group.id).map((event) => event.action);
    expect(actions).toEqual(expect.arrayContaining(['machineGroup.created', 'machineGroup.renamed', 'machineGroup.deleted']));
  });

  it('gives vendors access with and without approval, changes and removes it', async () => {
    const group = (await call('groups.list')).find((candidate) => candidate.name === 'Maskiner')!;
    const [ostfold] = await call('vendors.search', { query: 'ostfold', limit: 5 });
    expect(ostfold?.name).toMatch(/^Østfold/);
    const [second] = (await call('vendors.search', { query: '', limit: 30 })).filter((vendor) => vendor.id !== ostfold!.id);
    const first = await call('grants.put', { groupId: group.id, vendorId: ostfold!.id, mode: 'with_approval' });
    await call('grants.put', { groupId: group.id, vendorId: second!.id, mode: 'without_approval', expiresAt: new Date(Date.now() + 86_400_000).toISOString() });
    expect((await call('grants.list', { groupId: group.id })).map((grant) => [grant.vendor.id, grant.mode])).toEqual(
      expect.arrayContaining([
        [ostfold!.id, 'with_approval'],
        [second!.id, 'without_approval'],
      ]),
    );
    portal.nextStep();
    const loosened = await call('grants.put', { groupId: group.id, vendorId: ostfold!.id, mode: 'without_approval' });
    // The mode change is its own record: when and by whom access was first given stay, in the cache too and after a sync.
    expect(loosened).toMatchObject({ grantedAt: first.grantedAt, grantedBy: 'demo.admin', modeChangedAt: expect.any(String), modeChangedBy: 'demo.admin' });
    expect(Date.parse(loosened.modeChangedAt!)).toBeGreaterThan(Date.parse(first.grantedAt));
    await call('sync.now');
    const cached = (await call('grants.all')).find((grant) => grant.id === first.id)!;
    expect([cached.grantedAt, cached.modeChangedAt, cached.mode]).toEqual([first.grantedAt, loosened.modeChangedAt, 'without_approval']);
    expect((await call('audit.list', { limit: 500 })).filter((event) => event.objectId === first.id).map((event) => event.action)).toEqual(
      expect.arrayContaining(['grant.created', 'grant.mode_changed']),
    );
    await call('grants.remove', { groupId: group.id, vendorId: second!.id });
    expect((await call('grants.list', { groupId: group.id })).map((grant) => [grant.vendor.id, grant.mode])).toEqual([[ostfold!.id, 'without_approval']]);
    const own = (await call('session.status')).account!.organisation.id;
    await expect(call('grants.put', { groupId: group.id, vendorId: own, mode: 'with_approval' })).rejects.toMatchObject({ code: 'CANNOT_GRANT_SELF' });
    await expect(call('grants.put', { groupId: group.id, vendorId: 'org-nope', mode: 'with_approval' })).rejects.toMatchObject({ code: 'VENDOR_NOT_FOUND' });
    expect((await call('accessibleGroups.list')).map((accessible) => accessible.mode).sort()).toEqual(['with_approval', 'without_approval']);
    // The access review's view: every grant of every group.
    expect((await call('grants.all')).map((grant) => grant.id)).toEqual([`${group.id}:${ostfold!.id}`]);
  });

  it('creates a TOTP user whose downloaded QR code signs that user in at the portal (0600 file)', async () => {
    const user = await call('users.create', { firstName: 'Åse', lastName: 'Ødegård', email: 'ase@example.no', mobile: '41234567', twoFactor: 'totp' });
    expect(user).toMatchObject({ firstName: 'Åse', mobile: '+4741234567', twoFactor: 'totp' });
    expect(JSON.stringify(user)).not.toContain('otpauth');
    const saved = await call('users.saveQrCode', { id: user.id });
    expect(saved?.path).toBe(join(downloads, `${user.username}-totp.png`));
    expect(statSync(saved!.path).mode & 0o777).toBe(0o600);

    const png = PNG.sync.read(readFileSync(saved!.path));
    const uri = jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data;
    const authenticator = OTPAuth.URI.parse(uri!) as OTPAuth.TOTP;
    expect([authenticator.issuer, authenticator.label]).toEqual(['Fjernhjelp (Norsk Helsenett test)', user.username]);
    secretsSeen.add(authenticator.secret.base32);

    const outbox = (await (await fetch(`${portal.server.url}/dev/outbox?userId=${encodeURIComponent(user.id)}`)).json()) as Array<{ channel: string; body: string }>;
    const oneTimePassword = /: (\S+)\n/.exec(outbox.find((message) => message.channel === 'sms')?.body ?? '')?.[1];
    secretsSeen.add(oneTimePassword!);
    const discovery = await discover(portal.server.issuer);
    const login = await beginLogin(discovery);
    try {
      const code = await withPage(portal.browser, (page) =>
        signInThroughBrowser(page, login, {
          username: user.username,
          secret: oneTimePassword!,
          code: () => authenticator.generate({ timestamp: portal.nextStep().getTime() }),
        }),
      );
      const tokens = await login.finish(code);
      expect(tokens.access_token).toBeTruthy();
    } finally {
      await login.close();
    }
  }, 60_000);

  it('finds the users who already have an e-mail address, in any letter case, so "Ny bruker" can warn first', async () => {
    expect((await call('users.withEmail', { email: ' KARI.Nordmann@NHN-test.example ' })).map((user) => user.username)).toEqual(['kari.nordmann']);
    expect((await call('users.withEmail', { email: 'ase@example.no' })).map((user) => user.firstName)).toEqual(['Åse']);
    expect(await call('users.withEmail', { email: 'nobody@nhn-test.example' })).toEqual([]);
  });

  it('edits a user with If-Match, explains a stale version, sends a one-time password and regenerates the TOTP', async () => {
    const created = await call('users.create', { firstName: 'Per', lastName: 'Yubi', email: 'per@example.no', mobile: '+4798765432', twoFactor: 'yubikey', yubikeyOtp: 'ccccccdefghijklnrtuvcbdefghijklnrtuvcbdefghi' });
    expect(created.yubikeyPublicId).toBe('ccccccdefghi');
    await expect(call('users.saveQrCode', { id: created.id })).rejects.toMatchObject({ code: 'TWO_FACTOR_NOT_TOTP' });
    const changed = await call('users.update', { id: created.id, version: created.version, changes: { email: 'per.yubi@example.no' } });
    expect(changed.email).toBe('per.yubi@example.no');
    await expect(call('users.update', { id: created.id, version: created.version, changes: { mobile: '90000000' } })).rejects.toMatchObject({
      code: 'PRECONDITION_FAILED',
    });
    await expect(call('users.update', { id: created.id, version: changed.version, changes: { email: 'not-an-email' } })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      fields: [{ path: 'email', code: 'EMAIL_INVALID' }],
    });
    await expect(call('users.sendOneTimePassword', { id: created.id })).resolves.toMatchObject({ channel: 'sms', recipient: '+4798765432' });

    const totpUser = (await call('users.list')).find((user) => user.username.startsWith('ase'))!;
    const before = (await call('users.saveQrCode', { id: totpUser.id }))!;
    await call('users.regenerateTotp', { id: totpUser.id });
    const after = (await call('users.saveQrCode', { id: totpUser.id }))!;
    expect(after.path).toBe(before.path);
    const png = PNG.sync.read(readFileSync(after.path));
    const secret = (OTPAuth.URI.parse(jsQR(new Uint8ClampedArray(png.data), png.width, png.height)!.data) as OTPAuth.TOTP).secret.base32;
    expect(secretsSeen.has(secret)).toBe(false);
    secretsSeen.add(secret);
  });

  it('delegates and revokes the portal administrator role, never the last one', async () => {
    const admin = (await call('admins.list'))[0]!;
    await expect(call('admins.revoke', { userId: admin.id })).rejects.toMatchObject({ code: 'LAST_ADMIN' });
    const kari = (await call('users.list')).find((user) => user.username === 'kari.nordmann')!;
    const delegated = await call('admins.delegate', { userId: kari.id });
    expect(delegated.roles).toContain('portal-admin');
    expect((await call('admins.list')).map((user) => user.username).sort()).toEqual(['demo.admin', 'kari.nordmann']);
    await call('admins.revoke', { userId: kari.id });
    expect((await call('admins.list')).map((user) => user.username)).toEqual(['demo.admin']);
    await call('sync.now'); // audit events reach the cache through sync
    expect((await call('audit.list', { limit: 500 })).map((event) => event.action)).toEqual(
      expect.arrayContaining(['portalAdmin.granted', 'portalAdmin.revoked', 'user.created', 'grant.deleted', 'service.activated']),
    );
  });

  it('exports the filtered audit log as CSV in the screen\'s language, owner-only, readable by a CSV parser', async () => {
    const all = await call('audit.list', { limit: 100_000 });
    const exported = await call('audit.exportCsv', { filter: { actor: 'demo.admin', objectType: 'grant' }, language: 'nb' });
    const expected = all.filter((event) => event.actor.username === 'demo.admin' && event.objectType === 'grant');
    expect(exported).toEqual({ path: expect.stringMatching(/revisjonslogg-\d{4}-\d{2}-\d{2}\.csv$/), rows: expected.length });
    expect(statSync(exported!.path).mode & 0o777).toBe(0o600);
    const rows = parse(readFileSync(exported!.path, 'utf8'), { bom: true, delimiter: ';' }) as string[][];
    expect(rows[0]).toEqual(['Tidspunkt (Europe/Oslo)', 'Utført av', 'Handling', 'Objekttype', 'Objekt', 'Endringer', 'Rådata (JSON)']);
    expect(rows.slice(1).map((row) => JSON.parse(row[6]!).id)).toEqual(expected.map((event) => event.id));
    expect(rows.slice(1).map((row) => row[2])).toEqual(expect.arrayContaining(['Leverandør fikk tilgang', 'Godkjenningsmetode endret', 'Tilgang fjernet']));
    expect(rows.slice(1).every((row) => row[3] === 'Tilgang' && /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\+0[12]:00$/.test(row[0]!))).toBe(true);
    // Every grant named by its vendor and group, as the portal recorded them: no raw ids.
    expect(rows.slice(1).map((row) => row[4])).not.toContainEqual(expect.stringMatching(/org-vendor-|[0-9a-f]{8}-[0-9a-f]{4}-/));

    const english = await call('audit.exportCsv', { filter: { actor: 'demo.admin', objectType: 'grant' }, language: 'en' });
    const englishRows = parse(readFileSync(english!.path, 'utf8'), { bom: true, delimiter: ',' }) as string[][];
    expect(englishRows[0]).toEqual(['Time (Europe/Oslo)', 'Done by', 'Action', 'Object type', 'Object', 'Changes', 'Raw record (JSON)']);
    expect(englishRows.slice(1).map((row) => row[2])).toEqual(expect.arrayContaining(['Vendor given access', 'Approval method changed', 'Access removed']));
  });

  it('keeps every list working offline and fails commands fast with OFFLINE', async () => {
    await call('sync.now');
    const groups = await call('groups.list');
    const users = await call('users.list');
    await portal.stop();
    try {
      expect(await call('groups.list')).toEqual(groups);
      expect(await call('users.list')).toEqual(users);
      expect((await call('grants.list', { groupId: groups[0]!.id })).length).toBeGreaterThan(0);
      expect((await call('vendors.search', { query: 'bærum', limit: 5 }))[0]?.name).toMatch(/^Bærum/);
      await expect(call('groups.create', { name: 'Frakoblet' })).rejects.toMatchObject({ code: 'OFFLINE' });
      expect((await call('sync.now')).activity).toBe('offline');
    } finally {
      await portal.restart();
    }
  });

  it('never writes a token, one-time password or TOTP secret to the cache or the logs', async () => {
    const db = openDatabase(join(portal.dir, 'portal.db'));
    for (const secret of db.prepare("SELECT totp_secret FROM users WHERE totp_secret IS NOT NULL").pluck().all() as string[]) secretsSeen.add(secret);
    db.close();
    const stored = await testSecrets().get(`core-test:user-demo-admin`);
    const refreshToken = (JSON.parse(stored!) as { refreshToken: string }).refreshToken;
    const secrets = [refreshToken, ...authorizations, ...secretsSeen];
    expect(authorizations.size).toBeGreaterThan(0);
    expect(secretsSeen.size).toBeGreaterThan(5);

    const files = [
      ...readdirSync(join(dataDir, 'cache')).map((name) => join(dataDir, 'cache', name)),
      ...readdirSync(join(dataDir, 'logs')).map((name) => join(dataDir, 'logs', name)),
      join(dataDir, 'settings.json'),
    ];
    expect(files.some((file) => file.endsWith('.sqlite'))).toBe(true);
    for (const file of files) {
      const content = readFileSync(file).toString('latin1');
      for (const secret of secrets) expect(content.includes(secret), `${file} contains a secret`).toBe(false);
    }
  });
});
