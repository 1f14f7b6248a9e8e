import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ADMIN } from '../seed/demo-credentials';
import { activateService, startTestPortal, type ApiClient, type TestPortal } from './testing/test-portal';

describe('GET /audit-events', () => {
  let portal: TestPortal;
  let admin: ApiClient;

  beforeAll(async () => {
    portal = await startTestPortal();
    admin = await portal.as();
  });
  afterAll(() => portal?.close());

  it('is readable before activation, and records who did what with before and after', async () => {
    const seeded = await admin.get('/api/v1/audit-events');
    expect(seeded.status).toBe(200);
    expect(seeded.body.map((event: { action: string }) => event.action)).toEqual(['user.seeded', 'user.seeded', 'user.seeded', 'user.seeded']);

    await activateService(portal, admin);
    const group = (await admin.post('/api/v1/machine-groups', { name: 'Servere' })).body;
    const events = (await admin.get('/api/v1/audit-events?limit=1000')).body;
    const created = events.find((event: { objectId: string }) => event.objectId === group.id);
    expect(created).toMatchObject({
      actor: { id: DEMO_ADMIN.id, username: DEMO_ADMIN.username },
      action: 'machineGroup.created',
      objectType: 'machineGroup',
      before: null,
      after: group,
      at: portal.clock.now().toISOString(),
    });
  });

  it('pages forward with since and limit, oldest first', async () => {
    const all = (await admin.get('/api/v1/audit-events?limit=1000')).body as Array<{ id: number }>;
    expect(all.length).toBeGreaterThan(5);
    const first = (await admin.get('/api/v1/audit-events?limit=2')).body;
    const next = (await admin.get(`/api/v1/audit-events?since=${first[1].id}&limit=3`)).body;
    expect([...first, ...next].map((event: { id: number }) => event.id)).toEqual(all.slice(0, 5).map((event) => event.id));
    expect((await admin.get('/api/v1/audit-events?since=-1')).status).toBe(400);
  });

  it('is only for portal administrators, and only shows the caller\'s organisation', async () => {
    const kari = await portal.as('kari.nordmann');
    expect((await kari.get('/api/v1/audit-events')).status).toBe(403);
    const all = JSON.stringify((await admin.get('/api/v1/audit-events?limit=1000')).body);
    expect(all).not.toContain('org-vendor-');
  });

  it('names each object as it was when the event happened, and keeps the names after the object is gone', async () => {
    const group = (await admin.post('/api/v1/machine-groups', { name: 'Navnesjekk' })).body as { id: string; fullName: string };
    portal.clock.advance(3_000); // past the group's synchronisation delay: "machineGroup.ready" follows
    const vendor = ((await admin.get('/api/v1/vendors?query=ostfold')).body as Array<{ id: string; name: string }>)[0]!;
    const grantPath = `/api/v1/machine-groups/${group.id}/grants/${vendor.id}`;
    expect((await admin.put(grantPath, { mode: 'with_approval' })).status).toBeLessThan(300);
    expect((await admin.put(grantPath, { mode: 'without_approval' })).status).toBeLessThan(300);
    expect((await admin.delete(grantPath)).status).toBe(204);
    // The group's name changes behind the API's back: the events already written keep the old one.
    const db = new Database(portal.dbPath);
    try {
      db.prepare('UPDATE machine_groups SET name = ? WHERE id = ?').run('Omdøpt', group.id);
    } finally {
      db.close();
    }

    const events = (await admin.get('/api/v1/audit-events?limit=1000')).body as Array<{ action: string; objectId: string; objectType: string; objectNames?: unknown }>;
    const names = (objectId: string) => events.filter((event) => event.objectId === objectId).map((event) => [event.action, event.objectNames]);
    const grantNames = { group: group.fullName, vendor: vendor.name };
    expect(names(`${group.id}:${vendor.id}`)).toEqual([
      ['grant.created', grantNames],
      // A kind of event added later (the mode change) is named the same way, by the one writer of events.
      ['grant.mode_changed', grantNames],
      ['grant.deleted', grantNames],
    ]);
    expect(names(group.id)).toEqual([['machineGroup.created', { group: group.fullName }], ['machineGroup.ready', { group: group.fullName }]]);
    expect(events.find((event) => event.action === 'service.activation_requested')?.objectNames).toEqual({ organisation: 'Norsk Helsenett test' });
    expect(events.find((event) => event.action === 'user.seeded' && event.objectId === DEMO_ADMIN.id)?.objectNames).toEqual({
      user: DEMO_ADMIN.username,
      person: expect.stringMatching(/\S+ \S+/),
    });
  });
});
