import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sortByNames } from '../../common/sorting/name-collation';
import { DEMO_ORGANISATION } from '../seed/demo-credentials';
import { DEMO_VENDOR_NAMES } from '../seed/vendor-names';
import { addPortalAdmin } from './testing/other-organisation';
import { activateService, startTestPortal, type ApiClient, type TestPortal } from './testing/test-portal';

const GROUPS = '/api/v1/machine-groups';
const names = (body: Array<{ name: string }>) => body.map((item) => item.name);

/**
 * Every list the portal sorts by name is in Norwegian order: Æ, Ø, Å after Z and in that order, which
 * neither SQLite's binary order (Å, Æ, Ø) nor the folded search key (Å as A, Ø as O) gives.
 */
describe('names in Norwegian order', () => {
  let portal: TestPortal;
  let admin: ApiClient;
  let vendorIds: Map<string, string>;

  beforeAll(async () => {
    portal = await startTestPortal();
    admin = await portal.as();
    await activateService(portal, admin);
    const vendors = (await admin.get('/api/v1/vendors?limit=100')).body as Array<{ id: string; name: string }>;
    vendorIds = new Map(vendors.map((vendor) => [vendor.name, vendor.id]));
  });
  afterAll(() => portal?.close());

  it('lists vendors (also one page of a search) with Ålesund last and Østfold after Varangerbotn', async () => {
    const all = names((await admin.get('/api/v1/vendors?limit=100')).body);
    expect(all).toEqual(sortByNames(DEMO_VENDOR_NAMES, (name) => [name]));
    expect(all.slice(-3)).toEqual(['Varangerbotn Teknologi AS', 'Østfold Fjerndrift AS', 'Ålesund Kodeverksted AS']);
    // The page holds the first names in that order, not the first in binary order.
    expect(names((await admin.get('/api/v1/vendors?query=as&limit=3')).body)).toEqual(all.slice(0, 3));
    // Names that start with the query still come first, each part in Norwegian order.
    expect(names((await admin.get(`/api/v1/vendors?query=${encodeURIComponent('sjø')}`)).body)).toEqual(['Sjøsiden Apotekdata AS']);
  });

  it('lists machine groups by name in Norwegian order', async () => {
    for (const name of ['Ålesund', 'Østre', 'Ærlig', 'Zeta', 'Bærum', 'Berg', 'Gruppe 10', 'Gruppe 9']) {
      expect((await admin.post(GROUPS, { name })).status).toBe(201);
    }
    expect(names((await admin.get(GROUPS)).body)).toEqual(['Berg', 'Bærum', 'Gruppe 9', 'Gruppe 10', 'Maskiner', 'Zeta', 'Ærlig', 'Østre', 'Ålesund']);
  });

  it("lists a group's grants by vendor name, and the groups a vendor may reach by owner, in Norwegian order", async () => {
    const group = ((await admin.get(GROUPS)).body as Array<{ id: string; name: string }>).find((candidate) => candidate.name === 'Maskiner')!;
    for (const vendor of ['Ålesund Kodeverksted AS', 'Østfold Fjerndrift AS', 'Tyttebær Systemhus AS', 'Bærum Journalteknikk AS']) {
      expect((await admin.put(`${GROUPS}/${group.id}/grants/${vendorIds.get(vendor)}`, { mode: 'with_approval' })).status).toBe(201);
    }
    const grants = (await admin.get(`${GROUPS}/${group.id}/grants`)).body as Array<{ vendor: { name: string } }>;
    expect(grants.map((grant) => grant.vendor.name)).toEqual(['Bærum Journalteknikk AS', 'Tyttebær Systemhus AS', 'Østfold Fjerndrift AS', 'Ålesund Kodeverksted AS']);

    // The seed lets "Østfold" and "Bærum" reach the demo organisation; "Ålesund" does too, here.
    addPortalAdmin(portal.dbPath, vendorIds.get('Ålesund Kodeverksted AS')!, 'alesund.admin');
    const alesund = await portal.as('alesund.admin');
    const alesundGroup = ((await alesund.get(GROUPS)).body as Array<{ id: string; name: string }>)[0]!;
    expect((await alesund.put(`${GROUPS}/${alesundGroup.id}/grants/${DEMO_ORGANISATION.id}`, { mode: 'with_approval' })).status).toBe(201);
    const reachable = (await admin.get('/api/v1/accessible-machine-groups')).body as Array<{ owner: { name: string } }>;
    expect(reachable.map((group) => group.owner.name)).toEqual(['Bærum Journalteknikk AS', 'Østfold Fjerndrift AS', 'Ålesund Kodeverksted AS']);
  });

  it('lists users by last name in Norwegian order', async () => {
    for (const [firstName, lastName] of [
      ['Åse', 'Ødegård'],
      ['Per', 'Ærlighet'],
      ['Zeb', 'Zahl'],
    ]) {
      const email = `${firstName}.${lastName}@example.no`.toLowerCase().normalize('NFD').replace(/[^a-z.@]/g, '');
      expect((await admin.post('/api/v1/users', { firstName, lastName, email, mobile: '91234567', twoFactor: 'totp' })).status).toBe(201);
    }
    const users = (await admin.get('/api/v1/users')).body as Array<{ lastName: string }>;
    expect(users.map((user) => user.lastName)).toEqual(['Administrator', 'Nordmann', 'Sæther', 'Zahl', 'Ærlighet', 'Ødegård', 'Åsen']);
  });
});
