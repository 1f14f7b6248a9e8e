import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import Database from 'better-sqlite3';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelName, ChannelOutput, ParsedInput } from '../../common/contract';
import type { AccessReview, Grant, Vendor } from '../../common/portal/portal-types';
import { PortalClient } from '../api/portal-client';
import { AppCore } from '../app-core';
import { cacheFileFor } from '../cache/cache-database';
import { createHandlers } from '../handlers';
import type { Handlers } from '../ipc/handlers-type';
import { createFileLogger } from '../log/logger';
import { SettingsStore } from '../settings/settings-store';
import { devTokenTransport } from '../test-support/dev-token-transport';
import { startTestPortal, testSecrets, type TestPortal } from '../test-support/portal-fixture';

/**
 * A review campaign end to end through the IPC handlers: started online, decided with the portal
 * stopped, the app restarted in between, pushed when the portal returns (once, however often it is
 * sent), exported, and completed online — against the real reference portal, keychain and SQLite.
 */
describe('an access review campaign, offline in the middle', () => {
  let portal: TestPortal;
  let core: AppCore;
  let handlers: Handlers;
  let dataDir: string;
  let downloads: string;
  let admin: PortalClient;
  const grants: Record<'approved' | 'unattended' | 'temporary', Grant> = {} as never;
  let campaignId = '';

  const call = <C extends ChannelName>(channel: C, ...input: ParsedInput<C> extends undefined ? [] : [ParsedInput<C>]): Promise<ChannelOutput<C>> =>
    (handlers[channel] as (input?: unknown) => Promise<ChannelOutput<C>>)(input[0]);

  const startCore = async () => {
    core = await AppCore.start({
      config: { version: '0.0.0-test', dataDir, logDir: join(dataDir, 'logs'), demoAtStart: false, platform: process.platform },
      secrets: testSecrets(),
      adapters: { openExternal: portal.openBrowser, chooseSavePath: async (name) => join(downloads, name) },
      events: { emit: () => {} },
      logger: createFileLogger(join(dataDir, 'logs', 'main.log')),
    });
    handlers = createHandlers({ core, events: { emit: () => {} }, now: () => new Date() });
  };
  const serverReview = async () => (await admin.request<AccessReview>('GET', `access-reviews/${campaignId}`)).data;

  beforeAll(async () => {
    portal = await startTestPortal({ activationDelayMs: 0, groupSyncDelayMs: 0 });
    dataDir = mkdtempSync(join(tmpdir(), 'review-core-'));
    downloads = mkdtempSync(join(tmpdir(), 'review-downloads-'));
    // Its own profile id, so its keychain entry never meets the other core test's.
    const profile = { ...portal.profile, id: 'review-test' };
    const settings = new SettingsStore(dataDir);
    settings.saveProfile(profile);
    settings.setActiveProfile(profile.id);
    await startCore();
    await call('session.signIn');
    await call('sync.now');
    const service = (await call('service.get'))!;
    await call('service.activate', { acceptTerms: true, termsVersion: service.terms.version });
    await call('sync.now');
    const group = (await call('groups.list'))[0]!;
    const vendors: Vendor[] = await call('vendors.search', { query: '', limit: 3 });
    grants.approved = await call('grants.put', { groupId: group.id, vendorId: vendors[0]!.id, mode: 'with_approval' });
    grants.unattended = await call('grants.put', { groupId: group.id, vendorId: vendors[1]!.id, mode: 'without_approval' });
    grants.temporary = await call('grants.put', {
      groupId: group.id,
      vendorId: vendors[2]!.id,
      mode: 'without_approval',
      expiresAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
    });
    await call('sync.now');
    admin = new PortalClient(portal.server.url, await devTokenTransport(portal.server.url, 'demo.admin'));
  }, 90_000);

  afterAll(async () => {
    await call('session.signOut').catch(() => {});
    await core?.close();
    await portal?.close();
  });

  it('refuses a campaign without a name or with a due date in the past, field by field', async () => {
    await expect(call('reviews.start', { name: '  ', dueDate: '2020-01-01' })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      fields: [expect.objectContaining({ path: 'name', code: 'REVIEW_NAME_REQUIRED' }), expect.objectContaining({ path: 'dueDate', code: 'DUE_DATE_IN_PAST' })],
    });
    expect(await call('reviews.list')).toEqual([]);
  });

  it('starts online with a snapshot of every grant, and the portal records it', async () => {
    const campaign = await call('reviews.start', { name: 'Kvartalsgjennomgang Q4 – Bærum', dueDate: '2099-12-31' });
    campaignId = campaign.id;
    expect(campaign).toMatchObject({ itemCount: 3, decidedCount: 0, startedBy: 'demo.admin' });
    await call('sync.now');
    expect((await call('reviews.get', { id: campaignId }))?.campaign.unpushedCount).toBe(0);
    expect(await serverReview()).toMatchObject({ name: 'Kvartalsgjennomgang Q4 – Bærum', itemCount: 3, startedBy: 'demo.admin', decisions: [] });
  });

  it('records decisions with the portal stopped, and keeps them across a restart of the app', async () => {
    await portal.stop();
    await expect(
      call('reviews.decide', { campaignId, grantId: grants.unattended.id, decision: 'keep' }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT', fields: [expect.objectContaining({ path: 'justification', code: 'JUSTIFICATION_REQUIRED' })] });
    await call('reviews.decide', { campaignId, grantId: grants.approved.id, decision: 'keep' });
    await call('reviews.decide', { campaignId, grantId: grants.unattended.id, decision: 'keep', justification: '  Vaktavtale med leverandøren, se sak 2026-117  ' });
    await call('reviews.decide', { campaignId, grantId: grants.temporary.id, decision: 'keep', justification: 'Prosjekt' });
    // A change of mind is a new record; the same decision twice is not.
    await call('reviews.decide', { campaignId, grantId: grants.temporary.id, decision: 'remove' });
    await call('reviews.decide', { campaignId, grantId: grants.temporary.id, decision: 'remove' });
    expect((await call('sync.now')).activity).toBe('offline');
    await expect(call('reviews.complete', { id: campaignId })).rejects.toMatchObject({ code: 'OFFLINE' });

    await core.close();
    await startCore();
    expect((await call('session.status')).state).toBe('signed-in');
    const detail = (await call('reviews.get', { id: campaignId }))!;
    expect(detail.campaign).toMatchObject({ decidedCount: 3, removeCount: 1, unpushedCount: 4, completedAt: null });
    expect(Object.fromEntries(detail.items.map((item) => [item.grantId, [item.decision?.decision, item.decision?.justification]]))).toEqual({
      [grants.approved.id]: ['keep', null],
      [grants.unattended.id]: ['keep', 'Vaktavtale med leverandøren, se sak 2026-117'],
      [grants.temporary.id]: ['remove', null],
    });
    // Nothing was removed while offline: removals wait for the final step.
    expect((await call('grants.all')).map((grant) => grant.id).sort()).toEqual(Object.values(grants).map((grant) => grant.id).sort());
  }, 60_000);

  it('pushes every record once when the portal returns, even when sent again', async () => {
    await portal.restart();
    admin = new PortalClient(portal.server.url, await devTokenTransport(portal.server.url, 'demo.admin'));
    expect((await call('sync.now')).activity).toBe('idle');
    expect((await call('reviews.get', { id: campaignId }))?.campaign.unpushedCount).toBe(0);
    const first = await serverReview();
    expect(first.decisions).toHaveLength(4);
    expect(first.decisions.map((record) => [record.grantId, record.decision, record.decidedBy])).toEqual([
      [grants.approved.id, 'keep', 'demo.admin'],
      [grants.unattended.id, 'keep', 'demo.admin'],
      [grants.temporary.id, 'keep', 'demo.admin'],
      [grants.temporary.id, 'remove', 'demo.admin'],
    ]);

    // As if the app died after the portal accepted the records but before it marked them sent.
    const cache = new Database(cacheFileFor(dataDir, 'review-test'));
    cache.prepare('UPDATE review_decisions SET pushed = 0').run();
    cache.prepare('UPDATE review_campaigns SET pushed = 0').run();
    cache.close();
    expect((await call('reviews.get', { id: campaignId }))?.campaign.unpushedCount).toBe(5);
    await call('sync.now');
    expect((await call('reviews.get', { id: campaignId }))?.campaign).toMatchObject({ unpushedCount: 0, pushError: null });
    const again = await serverReview();
    expect(again.decisions.map((record) => record.id)).toEqual(first.decisions.map((record) => record.id));

    await call('sync.now');
    const audit = await call('audit.list', { limit: 1000 });
    expect(audit.filter((event) => event.action === 'access_review.started')).toHaveLength(1);
    expect(audit.filter((event) => event.action === 'access_review.decided')).toHaveLength(4);
  }, 60_000);

  it('exports the review as CSV and PDF, owner-only, with every grant', async () => {
    const csv = (await call('reviews.exportCsv', { id: campaignId, language: 'nb' }))!;
    expect(csv.rows).toBe(3);
    const pdf = (await call('reviews.exportPdf', { id: campaignId, language: 'nb' }))!;
    if (process.platform !== 'win32') {
      expect(statSync(csv.path).mode & 0o777).toBe(0o600);
      expect(statSync(pdf.path).mode & 0o777).toBe(0o600);
    }
    // A Norwegian file for Norwegian Excel: ";" between the columns.
    const rows = parse(readFileSync(csv.path, 'utf8'), { bom: true, columns: true, delimiter: ';' }) as Array<Record<string, string>>;
    expect(rows.map((row) => Object.values(row).join('|'))).toHaveLength(3);
    expect(rows.map((row) => row['Beslutning'])).not.toContain(undefined);
    expect(rows.some((row) => Object.values(row).includes('Vaktavtale med leverandøren, se sak 2026-117'))).toBe(true);
    // Raw order keeps a wrapped cell's lines together; collapsing whitespace joins them again.
    const text = execFileSync('pdftotext', ['-raw', pdf.path, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    for (const grant of Object.values(grants)) expect(text).toContain(grant.vendor.name);
    expect(text).toContain('Kvartalsgjennomgang Q4 – Bærum');
  });

  it('exports the main access review as filtered on screen, owner-only, in the campaign file\'s columns and words', async () => {
    const csv = (await call('reviews.exportAccessCsv', { filter: { mode: 'without_approval' }, language: 'nb' }))!;
    expect(csv.rows).toBe(2);
    expect(basename(csv.path)).toMatch(/^tilgangsgjennomgang-\d{4}-\d{2}-\d{2}\.csv$/);
    if (process.platform !== 'win32') expect(statSync(csv.path).mode & 0o777).toBe(0o600);
    const read = (path: string, delimiter: ';' | ',') => parse(readFileSync(path, 'utf8'), { bom: true, columns: true, delimiter }) as Array<Record<string, string>>;
    const rows = read(csv.path, ';');
    expect(Object.keys(rows[0]!)).toEqual(['Maskingruppe', 'Leverandør', 'Tilgang', 'Gitt', 'Gitt av', 'Utløper', 'Beslutning', 'Sist vurdert', 'Gjennomgang']);
    expect(rows.map((row) => [row['Leverandør'], row['Tilgang']]).sort()).toEqual(
      [
        [grants.unattended.vendor.name, 'Uten godkjenning'],
        [grants.temporary.vendor.name, 'Uten godkjenning'],
      ].sort(),
    );
    expect(rows.every((row) => /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\+0[12]:00$/.test(row['Gitt']!))).toBe(true);

    // The screen's other filters narrow it the same way; an English file is ","-separated.
    expect((await call('reviews.exportAccessCsv', { filter: { vendorId: grants.approved.vendor.id, expiringWithinDays: 7 }, language: 'en' }))!.rows).toBe(0);
    const approved = (await call('reviews.exportAccessCsv', { filter: { vendorId: grants.approved.vendor.id }, language: 'en' }))!;
    expect(read(approved.path, ',')).toEqual([expect.objectContaining({ Vendor: grants.approved.vendor.name, Access: 'With approval' })]);
    // "Aldri vurdert" in the file is exactly what the "never reviewed" filter keeps.
    const all = read((await call('reviews.exportAccessCsv', { filter: {}, language: 'nb' }))!.path, ';');
    const never = (await call('reviews.exportAccessCsv', { filter: { neverReviewed: true }, language: 'nb' }))!;
    expect(all).toHaveLength(3);
    expect(never.rows).toBe(all.filter((row) => row['Beslutning'] === 'Aldri vurdert').length);
    expect(all.filter((row) => row['Beslutning'] !== 'Aldri vurdert').every((row) => row['Gjennomgang'] === 'Kvartalsgjennomgang Q4 – Bærum')).toBe(true);
  });

  it('removes the access decided "remove" only in the confirmed, online final step', async () => {
    const done = await call('reviews.complete', { id: campaignId });
    expect(done.campaign.completedAt).not.toBeNull();
    expect(done.campaign.unpushedCount).toBe(0);
    expect(done.items.find((item) => item.grantId === grants.temporary.id)?.removedAt).not.toBeNull();
    expect(done.items.filter((item) => item.removedAt !== null)).toHaveLength(1);

    const remaining = (await admin.request<Grant[]>('GET', `machine-groups/${grants.approved.groupId}/grants`)).data.map((grant) => grant.id).sort();
    expect(remaining).toEqual([grants.approved.id, grants.unattended.id].sort());
    expect((await call('grants.list', { groupId: grants.approved.groupId })).map((grant) => grant.id).sort()).toEqual(remaining);
    expect((await serverReview()).completedAt).not.toBeNull();
    await expect(call('reviews.decide', { campaignId, grantId: grants.approved.id, decision: 'remove' })).rejects.toMatchObject({ code: 'ACCESS_REVIEW_COMPLETED' });
    // Completing twice changes nothing.
    expect((await call('reviews.complete', { id: campaignId })).campaign.completedAt).toBe(done.campaign.completedAt);

    const last = await call('reviews.lastReviewed');
    expect(last.map((entry) => [entry.grantId, entry.decision]).sort()).toEqual(
      [
        [grants.approved.id, 'keep'],
        [grants.unattended.id, 'keep'],
        [grants.temporary.id, 'remove'],
      ].sort(),
    );
  }, 60_000);

  it('decides many grants at once, all or none, with one justification where it is required', async () => {
    const campaign = await call('reviews.start', { name: 'Oppfølging', dueDate: '2099-06-30' });
    const ids = [grants.approved.id, grants.unattended.id];
    await expect(call('reviews.decideMany', { campaignId: campaign.id, grantIds: ids, decision: 'keep' })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      fields: [expect.objectContaining({ path: 'justification', code: 'JUSTIFICATION_REQUIRED' })],
    });
    expect((await call('reviews.get', { id: campaign.id }))?.campaign.decidedCount).toBe(0);
    await expect(call('reviews.decideMany', { campaignId: campaign.id, grantIds: [...ids, 'g:unknown'], decision: 'remove' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await call('reviews.get', { id: campaign.id }))?.campaign.decidedCount).toBe(0);

    expect(await call('reviews.decideMany', { campaignId: campaign.id, grantIds: ids, decision: 'keep', justification: 'Avtale fornyet' })).toEqual({ decided: 2 });
    expect(await call('reviews.decideMany', { campaignId: campaign.id, grantIds: ids, decision: 'keep', justification: 'Avtale fornyet' })).toEqual({ decided: 0 });
    const detail = (await call('reviews.get', { id: campaign.id }))!;
    expect(detail.items.map((item) => [item.decision?.decision, item.decision?.justification])).toEqual([
      ['keep', 'Avtale fornyet'],
      ['keep', 'Avtale fornyet'],
    ]);
    await call('sync.now');
    expect((await call('reviews.get', { id: campaign.id }))?.campaign.unpushedCount).toBe(0);
  });
});
