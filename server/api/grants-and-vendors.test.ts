import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ORGANISATION } from '../seed/demo-credentials';
import { addPortalAdmin } from './testing/other-organisation';
import { activateService, startTestPortal, type ApiClient, type TestPortal } from './testing/test-portal';

const GROUPS = '/api/v1/machine-groups';
const OSTFOLD = 'org-vendor-01'; // "Østfold Fjerndrift AS"
const BAERUM = 'org-vendor-02'; // "Bærum Journalteknikk AS"

describe('vendors, grants and accessible machine groups', () => {
  let portal: TestPortal;
  let admin: ApiClient;
  let vendorAdmin: ApiClient;
  let groupId: string;
  let changedVersion: number;

  beforeAll(async () => {
    portal = await startTestPortal();
    admin = await portal.as();
    await activateService(portal, admin);
    groupId = (await admin.post(GROUPS, { name: 'Servere' })).body.id;
    addPortalAdmin(portal.dbPath, OSTFOLD, 'ostfold.admin');
    vendorAdmin = await portal.as('ostfold.admin');
  });
  afterAll(() => portal?.close());

  describe('GET /vendors', () => {
    it('lists the other vendor organisations, not the caller\'s own', async () => {
      const response = await admin.get('/api/v1/vendors?limit=100');
      expect(response.status).toBe(200);
      expect(response.body).toHaveLength(25);
      expect(response.body.map((vendor: { id: string }) => vendor.id)).not.toContain(DEMO_ORGANISATION.id);
    });

    it('finds names ignoring case and diacritics, prefix matches first', async () => {
      expect((await admin.get('/api/v1/vendors?query=ostfold')).body).toEqual([{ id: OSTFOLD, name: 'Østfold Fjerndrift AS', version: expect.any(Number) }]);
      expect((await admin.get('/api/v1/vendors?query=BAERUM')).body).toEqual([{ id: BAERUM, name: 'Bærum Journalteknikk AS', version: expect.any(Number) }]);
      const substring = (await admin.get(`/api/v1/vendors?query=${encodeURIComponent('HELSE')}`)).body.map((vendor: { name: string }) => vendor.name);
      expect(substring).toEqual(['Bjørkelunden Tannhelsedata AS', 'Grønnåsen Helsedata AS', 'Trollstølen Helseteknikk AS']);
      // "Fjellvåken ..." starts with the query; "Dovrefjell ..." and "Tindefjell ..." only contain it, and come after.
      const fjell = (await admin.get('/api/v1/vendors?query=Fjell')).body.map((vendor: { name: string }) => vendor.name);
      expect(fjell).toEqual(['Fjellvåken Klinikkdata AS', 'Dovrefjell Omsorgsteknologi AS', 'Tindefjell Røntgensystemer AS']);
      expect((await admin.get(`/api/v1/vendors?query=${encodeURIComponent('Måkeskjær')}`)).body).toHaveLength(1);
      expect((await admin.get('/api/v1/vendors?query=makeskjaer')).body).toHaveLength(1);
      expect((await admin.get('/api/v1/vendors?query=as&limit=3')).body).toHaveLength(3);
      expect((await admin.get('/api/v1/vendors?limit=0')).status).toBe(400);
    });
  });

  describe('grants', () => {
    it('gives a vendor access (201), changes it (200), and leaves an identical PUT a no-op (200)', async () => {
      const created = await admin.put(`${GROUPS}/${groupId}/grants/${OSTFOLD}`, { mode: 'with_approval' });
      expect(created.status).toBe(201);
      expect(created.body).toEqual({
        id: `${groupId}:${OSTFOLD}`,
        groupId,
        vendor: { id: OSTFOLD, name: 'Østfold Fjerndrift AS' },
        mode: 'with_approval',
        grantedAt: portal.clock.now().toISOString(),
        grantedBy: 'demo.admin',
        modeChangedAt: null,
        modeChangedBy: null,
        expiresAt: null,
        // This portal drives no remote-support system: a grant is active in the simulation at once.
        engineStatus: { state: 'active', reason: null },
        version: expect.any(Number),
      });
      const changed = await admin.put(`${GROUPS}/${groupId}/grants/${OSTFOLD}`, { mode: 'without_approval' });
      expect(changed.status).toBe(200);
      expect(changed.body.mode).toBe('without_approval');
      expect(changed.body.version).toBeGreaterThan(created.body.version);
      changedVersion = changed.body.version;
      const auditBefore = (await admin.get('/api/v1/audit-events?limit=1000')).body.length;
      const same = await admin.put(`${GROUPS}/${groupId}/grants/${OSTFOLD}`, { mode: 'without_approval', expiresAt: null });
      expect(same.status).toBe(200);
      expect((await admin.get('/api/v1/audit-events?limit=1000')).body.length).toBe(auditBefore);

      const list = await admin.get(`${GROUPS}/${groupId}/grants`);
      expect(list.status).toBe(200);
      expect(list.body).toEqual([changed.body]);
    });

    it('keeps when and by whom access was first given when its mode changes, and records the mode change on its own', async () => {
      const VENDOR = 'org-vendor-03';
      const path = `${GROUPS}/${groupId}/grants/${VENDOR}`;
      const created = await admin.put(path, { mode: 'with_approval' });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ grantedBy: 'demo.admin', modeChangedAt: null, modeChangedBy: null });
      addPortalAdmin(portal.dbPath, DEMO_ORGANISATION.id, 'other.admin');
      const otherAdmin = await portal.as('other.admin');

      portal.clock.advance(60_000);
      const loosened = await otherAdmin.put(path, { mode: 'without_approval' });
      expect(loosened.status).toBe(200);
      expect(loosened.body).toMatchObject({
        mode: 'without_approval',
        grantedAt: created.body.grantedAt,
        grantedBy: 'demo.admin',
        modeChangedAt: portal.clock.now().toISOString(),
        modeChangedBy: 'other.admin',
      });
      // An expiry change is no mode change: the mode change stays as recorded.
      portal.clock.advance(60_000);
      const expiresAt = new Date(portal.clock.now().getTime() + 86_400_000).toISOString();
      const limited = await admin.put(path, { mode: 'without_approval', expiresAt });
      expect(limited.body).toMatchObject({ grantedAt: created.body.grantedAt, grantedBy: 'demo.admin', modeChangedAt: loosened.body.modeChangedAt, expiresAt });

      const events = (await admin.get('/api/v1/audit-events?limit=1000')).body.filter((event: { objectId: string }) => event.objectId === created.body.id);
      expect(events.map((event: { action: string; actor: { username: string } }) => [event.action, event.actor.username])).toEqual([
        ['grant.created', 'demo.admin'],
        ['grant.mode_changed', 'other.admin'],
        ['grant.changed', 'demo.admin'],
      ]);
      expect(events[1]).toMatchObject({ before: { mode: 'with_approval', modeChangedAt: null }, after: { mode: 'without_approval', grantedAt: created.body.grantedAt } });
      // The sync feed carries the same grant.
      const feed = (await admin.get('/api/v1/sync?since=0&limit=1000')).body.changes.filter((change: { type: string; id: string }) => change.type === 'grant' && change.id === created.body.id);
      expect(feed.at(-1).data).toEqual(limited.body);
      expect((await admin.delete(path)).status).toBe(204);
    });

    it('shows the group to the vendor as accessible, with the owner and mode', async () => {
      const response = await vendorAdmin.get('/api/v1/accessible-machine-groups');
      expect(response.status).toBe(200);
      expect(response.body).toContainEqual({
        id: groupId,
        name: 'Servere',
        fullName: 'NorskHelsenetttest-Servere',
        owner: { id: DEMO_ORGANISATION.id, name: 'Norsk Helsenett test' },
        mode: 'without_approval',
        expiresAt: null,
        version: changedVersion,
      });
    });

    it('refuses granting your own organisation (422 CANNOT_GRANT_SELF) and unknown vendors (404 VENDOR_NOT_FOUND)', async () => {
      const self = await admin.put(`${GROUPS}/${groupId}/grants/${DEMO_ORGANISATION.id}`, { mode: 'with_approval' });
      expect(self.status).toBe(422);
      expect(self.body.code).toBe('CANNOT_GRANT_SELF');
      const vendorSelf = await vendorAdmin.put(`${GROUPS}/group-vendor-01-maskiner/grants/${OSTFOLD}`, { mode: 'with_approval' });
      expect(vendorSelf.status).toBe(422);
      expect(vendorSelf.body.code).toBe('CANNOT_GRANT_SELF');
      const unknown = await admin.put(`${GROUPS}/${groupId}/grants/org-nobody`, { mode: 'with_approval' });
      expect(unknown.status).toBe(404);
      expect(unknown.body.code).toBe('VENDOR_NOT_FOUND');
    });

    it('refuses another organisation\'s group (404) and a bad mode (400)', async () => {
      const foreign = await admin.put(`${GROUPS}/group-vendor-01-maskiner/grants/${BAERUM}`, { mode: 'with_approval' });
      expect(foreign.status).toBe(404);
      expect(foreign.body.code).toBe('NOT_FOUND');
      expect((await admin.delete(`${GROUPS}/group-vendor-01-maskiner/grants/${DEMO_ORGANISATION.id}`)).status).toBe(404);
      const badMode = await admin.put(`${GROUPS}/${groupId}/grants/${BAERUM}`, { mode: 'sometimes' });
      expect(badMode.status).toBe(400);
      expect(badMode.body.errors[0].field).toBe('mode');
    });

    it('requires expiresAt in the future, and removes the grant once it has passed', async () => {
      const past = await admin.put(`${GROUPS}/${groupId}/grants/${BAERUM}`, { mode: 'with_approval', expiresAt: portal.clock.now().toISOString() });
      expect(past.status).toBe(422);
      expect(past.body.code).toBe('EXPIRES_AT_NOT_IN_FUTURE');
      expect((await admin.put(`${GROUPS}/${groupId}/grants/${BAERUM}`, { mode: 'with_approval', expiresAt: 'tomorrow' })).status).toBe(400);

      const expiresAt = new Date(portal.clock.now().getTime() + 5_000).toISOString();
      const created = await admin.put(`${GROUPS}/${groupId}/grants/${BAERUM}`, { mode: 'with_approval', expiresAt });
      expect(created.status).toBe(201);
      expect(created.body.expiresAt).toBe(expiresAt);
      portal.clock.advance(5_000);
      const grants = (await admin.get(`${GROUPS}/${groupId}/grants`)).body.map((grant: { vendor: { id: string } }) => grant.vendor.id);
      expect(grants).toEqual([OSTFOLD]);
      const audit = (await admin.get('/api/v1/audit-events?limit=1000')).body;
      expect(audit.at(-1)).toMatchObject({ action: 'grant.expired', actor: { id: 'system' }, objectId: `${groupId}:${BAERUM}`, after: null });
    });

    it('removes access (204), then answers 404 for the grant that is gone', async () => {
      const removed = await admin.delete(`${GROUPS}/${groupId}/grants/${OSTFOLD}`);
      expect(removed.status).toBe(204);
      expect(removed.body).toBeUndefined();
      expect((await admin.get(`${GROUPS}/${groupId}/grants`)).body).toEqual([]);
      expect((await vendorAdmin.get('/api/v1/accessible-machine-groups')).body.map((group: { id: string }) => group.id)).not.toContain(groupId);
      const again = await admin.delete(`${GROUPS}/${groupId}/grants/${OSTFOLD}`);
      expect(again.status).toBe(404);
      expect(again.body.code).toBe('NOT_FOUND');
    });
  });

  describe('GET /accessible-machine-groups', () => {
    it('shows the demo\'s two seeded grants: "Maskiner" with approval and "Servere" without (the laptop icon)', async () => {
      const response = await admin.get('/api/v1/accessible-machine-groups');
      expect(response.status).toBe(200);
      expect(response.body).toEqual([
        {
          id: 'group-vendor-02-servere',
          name: 'Servere',
          fullName: 'BærumJournalteknikkAS-Servere',
          owner: { id: BAERUM, name: 'Bærum Journalteknikk AS' },
          mode: 'without_approval',
          expiresAt: null,
          version: expect.any(Number),
        },
        {
          id: 'group-vendor-01-maskiner',
          name: 'Maskiner',
          fullName: 'ØstfoldFjerndriftAS-Maskiner',
          owner: { id: OSTFOLD, name: 'Østfold Fjerndrift AS' },
          mode: 'with_approval',
          expiresAt: null,
          version: expect.any(Number),
        },
      ]);
      const etag = response.headers.get('etag')!;
      expect((await admin.get('/api/v1/accessible-machine-groups', { headers: { 'if-none-match': etag } })).status).toBe(304);
    });

    it('may be read by a remote-support user', async () => {
      const kari = await portal.as('kari.nordmann');
      const response = await kari.get('/api/v1/accessible-machine-groups');
      expect(response.status).toBe(200);
      expect(response.body).toHaveLength(2);
      expect((await kari.get('/api/v1/vendors')).status).toBe(403);
    });
  });
});
