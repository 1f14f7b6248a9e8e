import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addPortalAdmin, readDatabase } from './testing/other-organisation';
import { activateService, startTestPortal, type ApiClient, type TestPortal } from './testing/test-portal';

const GROUPS = '/api/v1/machine-groups';
const OSTFOLD = 'org-vendor-01'; // "Østfold Fjerndrift AS", a vendor with an admin added below

interface Group {
  id: string;
  name: string;
  fullName: string;
  isDefault: boolean;
  version: number;
}

const ifMatch = (group: { version: number }) => ({ headers: { 'if-match': `W/"${group.version}"` } });

describe('renaming and deleting machine groups', () => {
  let portal: TestPortal;
  let admin: ApiClient;
  let vendorAdmin: ApiClient;

  beforeAll(async () => {
    portal = await startTestPortal();
    admin = await portal.as();
    await activateService(portal, admin);
    addPortalAdmin(portal.dbPath, OSTFOLD, 'ostfold.admin');
    vendorAdmin = await portal.as('ostfold.admin');
  });
  afterAll(() => portal?.close());

  const create = async (name: string): Promise<Group> => {
    const response = await admin.post(GROUPS, { name });
    expect(response.status).toBe(201);
    return response.body as Group;
  };
  const events = async (groupId: string) =>
    ((await admin.get('/api/v1/audit-events?limit=1000')).body as Array<{ objectId: string; action: string; before: unknown; after: unknown; objectNames?: unknown }>).filter(
      (event) => event.objectId === groupId,
    );
  const cursorNow = async (): Promise<number> => {
    let cursor = 0;
    for (;;) {
      const page = (await admin.get(`/api/v1/sync?since=${cursor}&limit=1000`)).body as { cursor: number; hasMore: boolean };
      cursor = page.cursor;
      if (!page.hasMore) return cursor;
    }
  };
  const changesSince = async (since: number) =>
    ((await admin.get(`/api/v1/sync?since=${since}&limit=1000`)).body as { changes: Array<{ type: string; op: string; id: string; data?: Group }> }).changes;

  it('marks the default group "Maskiner" and no other', async () => {
    const groups = (await admin.get(GROUPS)).body as Group[];
    expect(groups.filter((group) => group.isDefault).map((group) => group.name)).toEqual(['Maskiner']);
    expect((await create('Ikke standard')).isDefault).toBe(false);
  });

  it('renames a group: 200 with the new name and ETag, audited with before and after, a put in the sync feed', async () => {
    const group = await create('NorskTest feil');
    const since = await cursorNow();
    const response = await admin.patch(`${GROUPS}/${group.id}`, { name: '  Røntgen lab  ' }, ifMatch(group));
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ id: group.id, name: 'Røntgen lab', fullName: 'NorskHelsenetttest-Røntgen lab' });
    expect(response.body.version).toBeGreaterThan(group.version);
    expect(response.headers.get('etag')).toBe(`W/"${response.body.version}"`);
    expect((await admin.get(`${GROUPS}/${group.id}`)).headers.get('etag')).toBe(`W/"${response.body.version}"`);

    const renamed = (await events(group.id)).find((event) => event.action === 'machineGroup.renamed');
    expect(renamed).toMatchObject({
      before: expect.objectContaining({ name: 'NorskTest feil', fullName: 'NorskHelsenetttest-NorskTest feil' }),
      after: expect.objectContaining({ name: 'Røntgen lab', fullName: 'NorskHelsenetttest-Røntgen lab' }),
    });
    const changes = await changesSince(since);
    expect(changes.filter((change) => change.id === group.id)).toEqual([expect.objectContaining({ type: 'machineGroup', op: 'put', data: response.body })]);
  });

  it('renames the group a vendor has access to, and the vendor\'s feed shows the new name', async () => {
    const group = await create('Tilgang før');
    expect((await admin.put(`${GROUPS}/${group.id}/grants/${OSTFOLD}`, { mode: 'with_approval' })).status).toBe(201);
    let vendorCursor = 0;
    for (;;) {
      const page = (await vendorAdmin.get(`/api/v1/sync?since=${vendorCursor}&limit=1000`)).body as { cursor: number; hasMore: boolean };
      vendorCursor = page.cursor;
      if (!page.hasMore) break;
    }
    const renamed = await admin.patch(`${GROUPS}/${group.id}`, { name: 'Tilgang etter' }, ifMatch(group));
    expect(renamed.status).toBe(200);
    const vendorChanges = (await vendorAdmin.get(`/api/v1/sync?since=${vendorCursor}&limit=1000`)).body.changes as Array<{ type: string; id: string; data: { fullName: string } }>;
    expect(vendorChanges.find((change) => change.type === 'accessibleGroup' && change.id === group.id)?.data.fullName).toBe('NorskHelsenetttest-Tilgang etter');
    expect((await vendorAdmin.get('/api/v1/accessible-machine-groups')).body.map((accessible: { fullName: string }) => accessible.fullName)).toContain(
      'NorskHelsenetttest-Tilgang etter',
    );
  });

  it('keeps the uniqueness rule: renaming to a taken name (any case, look-alike) is 409 NAME_TAKEN on the name', async () => {
    const group = await create('Kontor');
    for (const name of ['maskiner', 'M\u0430skiner', 'RØNTGEN LAB']) {
      const response = await admin.patch(`${GROUPS}/${group.id}`, { name }, ifMatch(group));
      expect(response.status).toBe(409);
      expect(response.body.errors).toEqual([expect.objectContaining({ field: 'name', code: 'NAME_TAKEN' })]);
    }
    // Its own name in another case is not taken from itself.
    const recased = await admin.patch(`${GROUPS}/${group.id}`, { name: 'KONTOR' }, ifMatch(group));
    expect(recased.status).toBe(200);
    expect(recased.body.name).toBe('KONTOR');
  });

  it('checks the name rules (422 on the field) and If-Match (428 without, 412 stale), changing nothing', async () => {
    const group = await create('Regler');
    for (const [name, code] of [
      ['a/b<script>', 'NAME_INVALID_CHARACTERS'],
      ['Servere 🚑', 'NAME_INVALID_CHARACTERS'],
      ['  ', 'NAME_REQUIRED'],
      ['x'.repeat(43), 'NAME_TOO_LONG'],
    ] as const) {
      const response = await admin.patch(`${GROUPS}/${group.id}`, { name }, ifMatch(group));
      expect(response.status).toBe(422);
      expect(response.body.errors).toEqual([expect.objectContaining({ field: 'name', code })]);
    }
    expect((await admin.patch(`${GROUPS}/${group.id}`, { name: 'Uten' })).status).toBe(428);
    const stale = await admin.patch(`${GROUPS}/${group.id}`, { name: 'Gammel' }, { headers: { 'if-match': `W/"${group.version - 1}"` } });
    expect(stale.status).toBe(412);
    expect((await admin.patch(`${GROUPS}/${group.id}`, { name: 'Regler', colour: 'blue' }, ifMatch(group))).status).toBe(400);
    expect((await admin.get(`${GROUPS}/${group.id}`)).body).toMatchObject({ name: 'Regler', version: group.version });
  });

  it('refuses to delete a group vendors have access to: 409 VENDORS_HAVE_ACCESS, nothing removed', async () => {
    const group = await create('Med leverandør');
    expect((await admin.put(`${GROUPS}/${group.id}/grants/${OSTFOLD}`, { mode: 'without_approval' })).status).toBe(201);
    const response = await admin.delete(`${GROUPS}/${group.id}`, ifMatch(group));
    expect(response.status).toBe(409);
    expect(response.body.code).toBe('VENDORS_HAVE_ACCESS');
    expect(response.body.errors).toEqual([expect.objectContaining({ field: 'grants', code: 'VENDORS_HAVE_ACCESS' })]);
    expect((await admin.get(`${GROUPS}/${group.id}`)).status).toBe(200);
    expect((await admin.get(`${GROUPS}/${group.id}/grants`)).body).toHaveLength(1);
  });

  it('deletes a group no vendor has access to: 204, audited with its last state, a tombstone in the sync feed', async () => {
    const group = await create('Testgruppe');
    const since = await cursorNow();
    expect((await admin.delete(`${GROUPS}/${group.id}`)).status).toBe(428);
    const response = await admin.delete(`${GROUPS}/${group.id}`, ifMatch(group));
    expect(response.status).toBe(204);
    expect((await admin.get(`${GROUPS}/${group.id}`)).status).toBe(404);
    expect(((await admin.get(GROUPS)).body as Group[]).map((listed) => listed.id)).not.toContain(group.id);

    const deleted = (await events(group.id)).find((event) => event.action === 'machineGroup.deleted');
    expect(deleted).toMatchObject({ before: expect.objectContaining({ name: 'Testgruppe' }), after: null, objectNames: { group: 'NorskHelsenetttest-Testgruppe' } });
    const changes = await changesSince(since);
    expect(changes.filter((change) => change.id === group.id)).toEqual([expect.objectContaining({ type: 'machineGroup', op: 'delete' })]);
    // The name is free again.
    expect((await admin.post(GROUPS, { name: 'testgruppe' })).status).toBe(201);
    expect((await admin.delete(`${GROUPS}/${group.id}`, ifMatch(group))).status).toBe(404);
  });

  it('protects the default group: it may be renamed, never deleted (409 DEFAULT_GROUP)', async () => {
    const maskiner = ((await admin.get(GROUPS)).body as Group[]).find((group) => group.isDefault)!;
    const grants = (await admin.get(`${GROUPS}/${maskiner.id}/grants`)).body as unknown[];
    expect(grants).toHaveLength(0);
    const refused = await admin.delete(`${GROUPS}/${maskiner.id}`, ifMatch(maskiner));
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('DEFAULT_GROUP');
    const renamed = await admin.patch(`${GROUPS}/${maskiner.id}`, { name: 'Klinikkmaskiner' }, ifMatch(maskiner));
    expect(renamed.body).toMatchObject({ name: 'Klinikkmaskiner', isDefault: true });
    expect((await admin.delete(`${GROUPS}/${maskiner.id}`, ifMatch(renamed.body))).body.code).toBe('DEFAULT_GROUP');
  });

  it('lets no one touch another organisation\'s group (404), and only portal administrators (403)', async () => {
    const own = await create('Bare vår');
    for (const client of [vendorAdmin]) {
      expect((await client.patch(`${GROUPS}/${own.id}`, { name: 'Kapret' }, ifMatch(own))).status).toBe(404);
      expect((await client.delete(`${GROUPS}/${own.id}`, ifMatch(own))).status).toBe(404);
    }
    const theirs = 'group-vendor-01-maskiner';
    expect((await admin.patch(`${GROUPS}/${theirs}`, { name: 'Kapret' }, { headers: { 'if-match': '*' } })).status).toBe(404);
    expect((await admin.delete(`${GROUPS}/${theirs}`, { headers: { 'if-match': '*' } })).status).toBe(404);
    const kari = await portal.as('kari.nordmann');
    expect((await kari.patch(`${GROUPS}/${own.id}`, { name: 'Kapret' }, ifMatch(own))).status).toBe(403);
    expect((await kari.delete(`${GROUPS}/${own.id}`, ifMatch(own))).status).toBe(403);
    expect(readDatabase(portal.dbPath, (db) => db.prepare('SELECT name FROM machine_groups WHERE id = ?').pluck().get(own.id))).toBe('Bare vår');
    expect(readDatabase(portal.dbPath, (db) => db.prepare('SELECT name FROM machine_groups WHERE id = ?').pluck().get(theirs))).toBe('Maskiner');
  });

  it('still takes a review snapshot made before the group was renamed or deleted (the name it had then)', async () => {
    const group = await create('Før navnebytte');
    const grant = (await admin.put(`${GROUPS}/${group.id}/grants/${OSTFOLD}`, { mode: 'with_approval' })).body;
    const item = {
      grantId: grant.id,
      groupId: group.id,
      groupFullName: group.fullName,
      vendorId: OSTFOLD,
      vendorName: grant.vendor.name,
      mode: grant.mode,
      grantedAt: grant.grantedAt,
      grantedBy: grant.grantedBy,
      expiresAt: grant.expiresAt,
    };
    // An app offline since before the rename and the delete starts its review from its cache.
    const renamed = (await admin.patch(`${GROUPS}/${group.id}`, { name: 'Etter navnebytte' }, ifMatch(group))).body as Group;
    expect((await admin.delete(`${GROUPS}/${group.id}/grants/${OSTFOLD}`)).status).toBe(204);
    expect((await admin.delete(`${GROUPS}/${group.id}`, ifMatch(renamed))).status).toBe(204);
    const review = { id: randomUUID(), name: 'Etter sletting', dueDate: '2026-03-31', startedAt: portal.clock.now().toISOString(), items: [item] };
    const started = await admin.post('/api/v1/access-reviews', review);
    expect(started.status).toBe(201);
    // A name the group never had is still refused.
    const invented = { ...review, id: randomUUID(), items: [{ ...item, groupFullName: 'NorskHelsenetttest-Aldri' }] };
    expect((await admin.post('/api/v1/access-reviews', invented)).body.errors).toEqual([expect.objectContaining({ field: 'items.0.groupFullName', code: 'ITEM_CONTRADICTS_GRANT' })]);
  });
});
