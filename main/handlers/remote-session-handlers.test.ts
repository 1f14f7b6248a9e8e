import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelName, ChannelOutput, EventName, ParsedInput } from '../../common/contract';
import type { Grant, RemoteSession } from '../../common/portal/portal-types';
import { DEFAULT_REVIEW_SETTINGS } from '../../common/review/review-settings';
import { AppCore } from '../app-core';
import { DEMO_ORGANISATION } from '../../server/seed/demo-credentials';
import { demoVendorId } from '../../server/seed/demo-seed';
import { DEMO_SESSIONS } from '../../server/seed/demo-sessions';
import { sampleSession } from '../cache/testing/remote-sessions';
import { createHandlers } from '../handlers';
import { createDispatcher, type Dispatch } from '../ipc/dispatcher';
import type { Handlers } from '../ipc/handlers-type';
import { sameOriginPolicy } from '../ipc/sender-policy';
import { createFileLogger } from '../log/logger';
import { APP_ENTRY_URL } from '../protocol/app-url';
import { SettingsStore } from '../settings/settings-store';
import { startTestPortal, testSecrets, type TestPortal } from '../test-support/portal-fixture';

const run = promisify(execFile);

/**
 * The sessions channels through the real dispatcher and handlers: the real portal over HTTP, the real
 * keychain, a real SQLite cache. The demo portal's feed brings the demo organisation's own technicians'
 * sessions on the two groups other organisations granted it; the access given here through the portal has
 * none (this portal drives no remote-support system), so its sessions are put in the same cache the feed fills.
 */
describe('remote-support sessions in the app: list, usage per grant, settings, exports', () => {
  let portal: TestPortal;
  let core: AppCore;
  let handlers: Handlers;
  let dispatch: Dispatch;
  let dataDir: string;
  let grant: Grant;
  const events: EventName[] = [];
  /** Wednesday 15 April 2026, 12:00 in Oslo. */
  let now = new Date('2026-04-15T10:00:00.000Z');

  const call = <C extends ChannelName>(channel: C, ...input: ParsedInput<C> extends undefined ? [] : [ParsedInput<C>]): Promise<ChannelOutput<C>> =>
    (handlers[channel] as (input?: unknown) => Promise<ChannelOutput<C>>)(input[0]);
  const put = (...sessions: RemoteSession[]) => {
    const { repositories, db } = core.workspace();
    db.transaction(() => sessions.forEach((session) => repositories.remoteSessions.put(session, session.version)))();
  };

  beforeAll(async () => {
    portal = await startTestPortal({ activationDelayMs: 0, groupSyncDelayMs: 0 });
    dataDir = mkdtempSync(join(tmpdir(), 'session-handlers-data-'));
    const settings = new SettingsStore(dataDir);
    settings.saveProfile({ ...portal.profile, id: 'session-handlers-test' });
    settings.setActiveProfile('session-handlers-test');
    const sink = { emit: (event: EventName) => void events.push(event) };
    const logger = createFileLogger(join(dataDir, 'logs', 'main.log'));
    core = await AppCore.start({
      config: { version: '0.0.0-test', dataDir, logDir: join(dataDir, 'logs'), demoAtStart: false, platform: process.platform },
      secrets: testSecrets(),
      adapters: { openExternal: portal.openBrowser, chooseSavePath: async (name) => join(dataDir, name) },
      events: sink,
      logger,
    });
    handlers = createHandlers({ core, events: sink, now: () => now });
    dispatch = createDispatcher(handlers, sameOriginPolicy(APP_ENTRY_URL), logger);
    await call('session.signIn');
    await call('sync.now');
    const service = await call('service.get');
    if (service?.status !== 'active') await call('service.activate', { acceptTerms: true, termsVersion: service!.terms.version });
    await call('sync.now');
    const [group] = await call('groups.list');
    const [vendor] = await call('vendors.search', { query: '', limit: 1 });
    grant = await call('grants.put', { groupId: group!.id, vendorId: vendor!.id, mode: 'without_approval' });
    await call('sync.now');
  }, 120_000);

  afterAll(async () => {
    await call('session.signOut').catch(() => {});
    await core?.close();
    await portal?.close();
  });

  const onGrant = (id: string, overrides: Partial<RemoteSession>) =>
    sampleSession(id, { ownerId: DEMO_ORGANISATION.id, groupId: grant.groupId, groupName: 'Maskiner', vendorId: grant.vendor.id, vendorName: grant.vendor.name, ...overrides });

  it("has the organisation's own technicians' sessions at others from the portal's feed, as theirs, and as no use of its own grants", async () => {
    const atOthers = await call('sessions.list', { filter: {}, limit: 5000 });
    expect(atOthers.total).toBe(DEMO_SESSIONS.length);
    for (const session of atOthers.sessions) expect(session).toMatchObject({ place: 'atOthers', vendorId: DEMO_ORGANISATION.id });
    expect(new Set(atOthers.sessions.map((session) => session.ownerId))).toEqual(new Set([demoVendorId(0), demoVendorId(1)]));
    expect((await call('sessions.list', { filter: { place: 'ownMachines' }, limit: 5000 })).total).toBe(0);
    expect((await call('grants.usage')).usage.every((usage) => usage.lastUsedAt === null)).toBe(true);
  });

  it('gives a grant the portal gave "never used", then its last use, sessions in the window and use without approval outside working hours', async () => {
    const before = await call('grants.usage');
    expect(before.windowDays).toBe(90);
    expect(before.usage.find((usage) => usage.grantId === grant.id)).toEqual({
      grantId: grant.id,
      groupId: grant.groupId,
      vendorId: grant.vendor.id,
      lastUsedAt: null,
      sessionsInWindow: 0,
      usedOutsideHours: false,
    });
    put(
      // Yesterday 10:00 in Oslo, asked and approved.
      onGrant('day', { startedAt: '2026-04-14T08:00:00.000Z', endedAt: '2026-04-14T08:30:00.000Z', consent: 'given' }),
      // Saturday night, nobody asked.
      onGrant('night', { startedAt: '2026-04-11T20:00:00.000Z', endedAt: '2026-04-11T20:20:00.000Z', consent: 'notNeeded', kind: 'terminal' }),
      // Long ago.
      onGrant('old', { startedAt: '2025-06-02T08:00:00.000Z', endedAt: '2025-06-02T08:10:00.000Z' }),
    );
    const after = (await call('grants.usage')).usage.find((usage) => usage.grantId === grant.id);
    expect(after).toMatchObject({ lastUsedAt: '2026-04-14T08:00:00.000Z', sessionsInWindow: 2, usedOutsideHours: true });
  });

  it('lists the sessions newest first with filters, and offers what has sessions', async () => {
    const own = { place: 'ownMachines' } as const;
    const all = await call('sessions.list', { filter: own, limit: 5000 });
    expect(all.sessions.map((session) => [session.id, session.outsideWorkingHours, session.place])).toEqual([
      ['day', false, 'ownMachines'],
      ['night', true, 'ownMachines'],
      ['old', false, 'ownMachines'],
    ]);
    expect((await call('sessions.list', { filter: {}, limit: 5000 })).total).toBe(3 + DEMO_SESSIONS.length);
    expect((await call('sessions.list', { filter: { ...own, kind: 'terminal' }, limit: 5000 })).sessions.map((session) => session.id)).toEqual(['night']);
    expect(await call('sessions.list', { filter: { ...own, from: '2026-04-01' }, limit: 1 })).toEqual(expect.objectContaining({ total: 2, limit: 1 }));
    const facets = await call('sessions.facets');
    expect(facets.vendors).toEqual(expect.arrayContaining([{ id: grant.vendor.id, name: grant.vendor.name }, { id: DEMO_ORGANISATION.id, name: DEMO_ORGANISATION.name }]));
    expect(facets.vendors).toHaveLength(2);
    expect(facets.groups).toContainEqual({ id: grant.groupId, name: 'Maskiner' });
  });

  it('keeps the review settings in the profile\'s cache, refuses bad ones at their fields, and judges by the saved hours', async () => {
    expect(await call('reviewSettings.get')).toEqual(DEFAULT_REVIEW_SETTINGS);
    const refused = await dispatch('reviewSettings.save', APP_ENTRY_URL, { ...DEFAULT_REVIEW_SETTINGS, workdayStart: 1000, workdayEnd: 900, recommendationDays: 0 });
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const fields = refused.ok ? [] : (refused.error.fields ?? []).map(({ path, code }) => ({ path, code }));
    expect(fields).toEqual(expect.arrayContaining([{ path: 'recommendationDays', code: 'MINIMUM' }]));
    expect(await call('reviewSettings.get')).toEqual(DEFAULT_REVIEW_SETTINGS);
    expect(await dispatch('reviewSettings.save', APP_ENTRY_URL, { ...DEFAULT_REVIEW_SETTINGS, workdayStart: 1000, workdayEnd: 900 })).toMatchObject({
      ok: false,
      error: { fields: [{ path: 'workdayEnd', code: 'WORKDAY_END_NOT_AFTER_START' }] },
    });

    events.length = 0;
    // Saturdays round the clock are working time now; and only the last 3 days count.
    const saved = await dispatch('reviewSettings.save', APP_ENTRY_URL, { workdayStart: 0, workdayEnd: 1440, workdays: [6, 1, 2, 3, 4, 5], recommendationDays: 3, reminderDays: 2 });
    expect(saved).toEqual({ ok: true, value: { workdayStart: 0, workdayEnd: 1440, workdays: [1, 2, 3, 4, 5, 6], timeZone: 'Europe/Oslo', recommendationDays: 3, reminderDays: 2 } });
    expect(events).toContain('cache.changed');
    expect((await call('grants.usage')).usage.find((usage) => usage.grantId === grant.id)).toMatchObject({ sessionsInWindow: 1, usedOutsideHours: false });
    expect((await call('sessions.list', { filter: { outsideWorkingHours: true, place: 'ownMachines' }, limit: 5000 })).total).toBe(0);
    // Per profile, in its cache: the same after the app is opened again.
    expect(await call('reviewSettings.get')).toMatchObject({ recommendationDays: 3, reminderDays: 2 });
    await call('reviewSettings.save', DEFAULT_REVIEW_SETTINGS);
  });

  it('exports the filtered sessions to CSV in the screen\'s dialect, owner-only', async () => {
    const saved = await call('sessions.exportCsv', { filter: { consent: 'notNeeded', place: 'ownMachines' }, language: 'nb' });
    expect(saved).toEqual({ path: join(dataDir, 'fjernhjelpsøkter-2026-04-15.csv'), rows: 1 });
    expect(statSync(saved!.path).mode & 0o777).toBe(0o600);
    const rows = parse(readFileSync(saved!.path, 'utf8'), { bom: true, delimiter: ';' }) as string[][];
    expect(rows).toEqual([
      ['Startet (Europe/Oslo)', 'Avsluttet (Europe/Oslo)', 'Hvor', 'Leverandør', 'Bruker', 'Maskingruppe', 'Maskinnavn', 'Type', 'Godkjenning', 'Utenfor arbeidstid', 'Økt-ID'],
      ['2026-04-11 22:00:00+02:00', '2026-04-11 22:20:00+02:00', 'På våre maskiner', grant.vendor.name, 'tekniker.en', 'Maskiner', 'Resepsjon-PC', 'Terminal', 'Uten godkjenning', 'Ja', 'night'],
    ]);
  });

  it('exports them to a PDF that names the vendor, its use and the time zone', async () => {
    now = new Date('2026-04-15T10:05:00.000Z');
    const saved = await call('sessions.exportPdf', { filter: { vendorId: grant.vendor.id }, language: 'en' });
    expect(saved?.rows).toBe(3);
    const { stdout } = await run('pdftotext', ['-layout', '-enc', 'UTF-8', saved!.path, '-'], { encoding: 'utf8' });
    expect(stdout).toContain('Remote-support sessions');
    expect(stdout).toMatch(new RegExp(`Selection\\s+Vendor: ${grant.vendor.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    expect(stdout).toMatch(/Last used/);
    expect(stdout).toMatch(/Time zone\s+Europe\/Oslo \(Norwegian time\)/);
    expect(stdout).toContain(grant.vendor.name);
  });

  it('answers NOT_SIGNED_IN when signed out, and nothing is read', async () => {
    await call('session.signOut');
    try {
      for (const channel of ['grants.usage', 'sessions.facets', 'reviewSettings.get'] as const) {
        expect(await dispatch(channel, APP_ENTRY_URL, undefined)).toMatchObject({ ok: false, error: { code: 'NOT_SIGNED_IN' } });
      }
      expect(await dispatch('sessions.list', APP_ENTRY_URL, { filter: {} })).toMatchObject({ ok: false, error: { code: 'NOT_SIGNED_IN' } });
    } finally {
      await call('session.signIn');
    }
  });
});
