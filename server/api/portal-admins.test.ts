import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ADMIN } from '../seed/demo-credentials';
import { addPortalAdmin } from './testing/other-organisation';
import { activateService, startTestPortal, type ApiClient, type TestPortal } from './testing/test-portal';

const ADMINS = '/api/v1/portal-admins';

describe('portal administrators', () => {
  let portal: TestPortal;
  let admin: ApiClient;

  beforeAll(async () => {
    portal = await startTestPortal();
    admin = await portal.as();
    await activateService(portal, admin);
  });
  afterAll(() => portal?.close());

  it('lists the organisation\'s administrators', async () => {
    const response = await admin.get(ADMINS);
    expect(response.status).toBe(200);
    expect(response.body.map((user: { id: string }) => user.id)).toEqual([DEMO_ADMIN.id]);
    expect((await admin.get(ADMINS, { headers: { 'if-none-match': response.headers.get('etag')! } })).status).toBe(304);
  });

  it('refuses to revoke the last administrator (409 LAST_ADMIN)', async () => {
    const response = await admin.delete(`${ADMINS}/${DEMO_ADMIN.id}`);
    expect(response.status).toBe(409);
    expect(response.body.code).toBe('LAST_ADMIN');
  });

  it('delegates the role (201, then 200), after which the new admin may act and revoke the first', async () => {
    const delegated = await admin.put(`${ADMINS}/user-demo-kari`);
    expect(delegated.status).toBe(201);
    expect(delegated.body.roles).toEqual(['portal-admin', 'remote-support-user']);
    expect((await admin.put(`${ADMINS}/user-demo-kari`)).status).toBe(200);

    const kari = await portal.as('kari.nordmann');
    expect((await kari.get(ADMINS)).body.map((user: { username: string }) => user.username).sort()).toEqual(['demo.admin', 'kari.nordmann']);
    expect((await kari.delete(`${ADMINS}/${DEMO_ADMIN.id}`)).status).toBe(204);
    expect((await admin.get(ADMINS)).status).toBe(403);
    expect((await kari.delete(`${ADMINS}/user-demo-kari`)).body.code).toBe('LAST_ADMIN');
    expect((await kari.put(`${ADMINS}/${DEMO_ADMIN.id}`)).status).toBe(201);

    const actions = (await kari.get('/api/v1/audit-events?limit=1000')).body.map((event: { action: string }) => event.action);
    expect(actions).toEqual(expect.arrayContaining(['portalAdmin.granted', 'portalAdmin.revoked']));
  });

  it('answers 404 for a user who is not an administrator, another organisation\'s user and unknown ids', async () => {
    const notAdmin = await admin.delete(`${ADMINS}/user-demo-ingrid`);
    expect(notAdmin.status).toBe(404);
    const otherId = addPortalAdmin(portal.dbPath, 'org-vendor-04', 'makeskjaer.admin');
    expect((await admin.put(`${ADMINS}/${otherId}`)).status).toBe(404);
    expect((await admin.delete(`${ADMINS}/${otherId}`)).status).toBe(404);
    expect((await admin.put(`${ADMINS}/nobody`)).body.code).toBe('NOT_FOUND');
  });
});
