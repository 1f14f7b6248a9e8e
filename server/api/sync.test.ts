import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ORGANISATION } from '../seed/demo-credentials';
import { DEMO_SESSIONS } from '../seed/demo-sessions';
import { addPortalAdmin } from './testing/other-organisation';
import { activateService, startTestPortal, type ApiClient, type TestPortal } from './testing/test-portal';

interface Change {
  type: string;
  op: 'put' | 'delete';
  id: string;
  version: number;
  data?: unknown;
}

const OSTFOLD = 'org-vendor-01';

/** Follows the feed from `since` to its end in pages of `limit`, checking the paging contract on the way. */
async function syncAll(client: ApiClient, since: number, limit: number, between?: () => Promise<void>): Promise<{ cursor: number; changes: Change[] }> {
  const changes: Change[] = [];
  let cursor = since;
  for (;;) {
    const page = await client.get(`/api/v1/sync?since=${cursor}&limit=${limit}`);
    expect(page.status).toBe(200);
    const versions = page.body.changes.map((change: Change) => change.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    if (versions.length > 0) expect(versions[0]).toBeGreaterThan(cursor);
    expect(page.body.cursor).toBe(versions.at(-1) ?? cursor);
    changes.push(...page.body.changes);
    cursor = page.body.cursor;
    if (!page.body.hasMore) return { cursor, changes };
    await between?.();
  }
}

/** What a client cache holds after applying changes in order. */
function apply(state: Map<string, unknown>, changes: Change[]): Map<string, unknown> {
  for (const change of changes) {
    const key = `${change.type}/${change.id}`;
    if (change.op === 'delete') state.delete(key);
    else state.set(key, change.data);
  }
  return state;
}

/** The same organisation's view through the REST routes, keyed like the feed. */
async function restState(client: ApiClient, organisationId: string): Promise<Map<string, unknown>> {
  const state = new Map<string, unknown>();
  state.set(`service/${organisationId}`, (await client.get('/api/v1/services/remote-support')).body);
  for (const vendor of (await client.get('/api/v1/vendors?limit=500')).body) state.set(`vendor/${vendor.id}`, vendor);
  const groups = (await client.get('/api/v1/machine-groups')).body;
  for (const group of groups) {
    state.set(`machineGroup/${group.id}`, group);
    for (const grant of (await client.get(`/api/v1/machine-groups/${group.id}/grants`)).body) state.set(`grant/${grant.id}`, grant);
  }
  for (const group of (await client.get('/api/v1/accessible-machine-groups')).body) state.set(`accessibleGroup/${group.id}`, group);
  for (const user of (await client.get('/api/v1/users')).body) state.set(`user/${user.id}`, user);
  for (const event of (await client.get('/api/v1/audit-events?limit=1000')).body) state.set(`auditEvent/${event.id}`, event);
  for (const session of (await client.get('/api/v1/remote-sessions?limit=1000')).body) state.set(`remoteSession/${session.id}`, session);
  return state;
}

describe('GET /sync', () => {
  let portal: TestPortal;
  let admin: ApiClient;
  let vendorAdmin: ApiClient;

  beforeAll(async () => {
    portal = await startTestPortal({ groupSyncDelayMs: 5_000 });
    admin = await portal.as();
    addPortalAdmin(portal.dbPath, OSTFOLD, 'ostfold.admin');
    vendorAdmin = await portal.as('ostfold.admin');
  });
  afterAll(() => portal?.close());

  it('carries the service status and vendors before activation, and SERVICE_NOT_ACTIVE does not apply to it', async () => {
    const { changes } = await syncAll(admin, 0, 1000);
    const service = changes.find((change) => change.type === 'service');
    expect(service).toMatchObject({ op: 'put', id: DEMO_ORGANISATION.id, data: { status: 'inactive' } });
    expect(changes.filter((change) => change.type === 'vendor')).toHaveLength(25);
  });

  it('pages through everything in small pages to exactly the REST view, while two organisations write in between', async () => {
    await activateService(portal, admin);
    const maskiner = (await admin.get('/api/v1/machine-groups')).body[0].id as string;
    let n = 0;
    const writeInterleaved = async (): Promise<void> => {
      n++;
      // Both organisations write between pages, so versions of the two feeds interleave.
      await admin.post('/api/v1/machine-groups', { name: `Gruppe ${n}` });
      await vendorAdmin.post('/api/v1/machine-groups', { name: `Leverandørgruppe ${n}` });
      if (n === 2) await vendorAdmin.put(`/api/v1/machine-groups/group-vendor-01-maskiner/grants/org-vendor-02`, { mode: 'with_approval' });
      if (n === 3) await admin.put(`/api/v1/machine-groups/${maskiner}/grants/org-vendor-05`, { mode: 'without_approval' });
    };
    for (let i = 0; i < 5; i++) await writeInterleaved();

    const { cursor, changes } = await syncAll(admin, 0, 4, writeInterleaved);
    const state = apply(new Map(), changes);
    // Later writes are in the next sync from the cursor; afterwards the cache equals the REST view.
    const rest = await syncAll(admin, cursor, 4);
    apply(state, rest.changes);
    expect(state).toEqual(await restState(admin, DEMO_ORGANISATION.id));

    const types = new Set([...state.keys()].map((key) => key.split('/')[0]));
    expect([...types].sort()).toEqual(['accessibleGroup', 'auditEvent', 'grant', 'machineGroup', 'remoteSession', 'service', 'user', 'vendor']);
    // The demo's sessions are its technicians' on the two groups vendors granted it: it sees them as their vendor.
    const sessions = [...state.entries()].filter(([key]) => key.startsWith('remoteSession/')).map(([, session]) => session as { ownerId: string; vendorId: string });
    expect(sessions).toHaveLength(DEMO_SESSIONS.length);
    for (const session of sessions) expect(session.ownerId).not.toBe(DEMO_ORGANISATION.id);
    for (const session of sessions) expect(session.vendorId).toBe(DEMO_ORGANISATION.id);
    // Nothing of the vendor's own groups reaches the demo organisation's feed.
    expect(changes.some((change) => change.type === 'machineGroup' && (change.data as { name: string }).name.startsWith('Leverandør'))).toBe(false);
  });

  it('delivers deletes: the grant in the owner\'s feed and the accessible group in the vendor\'s', async () => {
    const group = (await admin.post('/api/v1/machine-groups', { name: 'Slettes' })).body;
    await admin.put(`/api/v1/machine-groups/${group.id}/grants/${OSTFOLD}`, { mode: 'without_approval' });
    const ownerStart = await syncAll(admin, 0, 1000);
    const vendorStart = await syncAll(vendorAdmin, 0, 1000);
    expect(vendorStart.changes).toContainEqual(expect.objectContaining({ type: 'accessibleGroup', op: 'put', id: group.id }));
    expect(vendorStart.changes.some((change) => change.type === 'user' && change.id.startsWith('user-demo'))).toBe(false);

    expect((await admin.delete(`/api/v1/machine-groups/${group.id}/grants/${OSTFOLD}`)).status).toBe(204);
    const owner = await syncAll(admin, ownerStart.cursor, 1000);
    expect(owner.changes).toContainEqual(expect.objectContaining({ type: 'grant', op: 'delete', id: `${group.id}:${OSTFOLD}` }));
    expect(owner.changes).toContainEqual(expect.objectContaining({ type: 'auditEvent', op: 'put', data: expect.objectContaining({ action: 'grant.deleted' }) }));
    const vendor = await syncAll(vendorAdmin, vendorStart.cursor, 1000);
    expect(vendor.changes).toEqual([expect.objectContaining({ type: 'accessibleGroup', op: 'delete', id: group.id })]);
    expect(vendor.changes[0]).not.toHaveProperty('data');

    const vendorState = apply(apply(new Map(), vendorStart.changes), vendor.changes);
    expect(vendorState.has(`accessibleGroup/${group.id}`)).toBe(false);
    expect(vendorState).toEqual(await restState(vendorAdmin, OSTFOLD));
    // Østfold owns the group the demo's technicians used with approval: it sees those sessions as the owner.
    const ownerSessions = [...vendorState.keys()].filter((key) => key.startsWith('remoteSession/'));
    expect(ownerSessions).toHaveLength(DEMO_SESSIONS.filter((session) => session.grant === 'withApproval').length);

    // Granting again is a put after the delete.
    await admin.put(`/api/v1/machine-groups/${group.id}/grants/${OSTFOLD}`, { mode: 'with_approval' });
    const again = await syncAll(vendorAdmin, vendor.cursor, 1000);
    expect(again.changes).toEqual([expect.objectContaining({ type: 'accessibleGroup', op: 'put', id: group.id, data: expect.objectContaining({ mode: 'with_approval' }) })]);
  });

  it('shows a group becoming ready as a new version once the sync delay has passed', async () => {
    const group = (await admin.post('/api/v1/machine-groups', { name: 'Venter' })).body;
    const { cursor } = await syncAll(admin, 0, 1000);
    expect((await syncAll(admin, cursor, 1000)).changes).toEqual([]);
    portal.clock.advance(5_000);
    const later = await syncAll(admin, cursor, 1000);
    expect(later.changes).toContainEqual(expect.objectContaining({ type: 'machineGroup', id: group.id, data: expect.objectContaining({ syncState: 'ready' }) }));
  });

  it('sends an ETag (304 when nothing changed), and refuses bad cursors (400) and other roles (403)', async () => {
    const { cursor } = await syncAll(admin, 0, 1000);
    const first = await admin.get(`/api/v1/sync?since=${cursor}`);
    expect(first.body).toEqual({ cursor, hasMore: false, changes: [] });
    expect((await admin.get(`/api/v1/sync?since=${cursor}`, { headers: { 'if-none-match': first.headers.get('etag')! } })).status).toBe(304);
    expect((await admin.get('/api/v1/sync?since=abc')).status).toBe(400);
    expect((await admin.get('/api/v1/sync?limit=0')).status).toBe(400);
    // Pages of up to 20 000 changes (the app's first sync asks for that much); more is refused at the field.
    expect((await admin.get('/api/v1/sync?limit=20000')).status).toBe(200);
    const tooMany = await admin.get('/api/v1/sync?limit=20001');
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.errors).toEqual([expect.objectContaining({ field: 'limit', code: 'MAXIMUM' })]);
    expect((await (await portal.as('ingrid.saether')).get('/api/v1/sync')).status).toBe(403);
  });
});
