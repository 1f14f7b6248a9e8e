import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AccessibleGroup, Grant, MachineGroup, User, Vendor } from '../../common/portal/portal-types';
import { openCache } from './cache-database';
import { cacheRepositories } from './cache-repositories';

// Only the fields the repositories read; the cache keeps the portal's JSON as it is.
const vendor = (id: string, name: string) => ({ id, name, version: 1 }) as Vendor;
const group = (id: string, name: string) => ({ id, name, fullName: `Org-${name}`, syncState: 'ready', readyAt: '2026-01-01T00:00:00.000Z' }) as unknown as MachineGroup;
const grant = (vendorId: string, vendorName: string) =>
  ({ id: `g1:${vendorId}`, groupId: 'g1', vendor: { id: vendorId, name: vendorName }, mode: 'with_approval', grantedAt: '2026-01-01T00:00:00.000Z', expiresAt: null }) as unknown as Grant;
const reachable = (id: string, owner: string, name: string) => ({ id, name, fullName: `${owner}-${name}`, owner: { id: owner, name: owner }, mode: 'with_approval' }) as unknown as AccessibleGroup;
const user = (id: string, firstName: string, lastName: string) =>
  ({ id, username: `${firstName}.${id}`.toLowerCase(), firstName, lastName, email: `${id}@example.no` }) as unknown as User;

function freshCache() {
  return cacheRepositories(openCache(join(mkdtempSync(join(tmpdir(), 'cache-order-')), 'cache.sqlite')));
}

/** The cache answers every read of names in Norwegian order (Æ, Ø, Å after Z), not in SQLite's code-point order. */
describe('the cache lists names in Norwegian order', () => {
  it('vendors, machine groups and grants', () => {
    const cache = freshCache();
    ['Ålesund Kodeverksted AS', 'Østfold Fjerndrift AS', 'Ærlig Drift AS', 'Nordlys AS', 'Rana IT AS', 'Bærum AS', 'Berg AS'].forEach((name, index) =>
      cache.vendors.put(vendor(`v${index}`, name), 1),
    );
    expect(cache.vendors.all().map((item) => item.name)).toEqual(['Berg AS', 'Bærum AS', 'Nordlys AS', 'Rana IT AS', 'Ærlig Drift AS', 'Østfold Fjerndrift AS', 'Ålesund Kodeverksted AS']);

    ['Ålesund', 'Østre', 'Gruppe 10', 'Gruppe 9', 'zeta'].forEach((name, index) => cache.machineGroups.put(group(`m${index}`, name), 1));
    expect(cache.machineGroups.all().map((item) => item.name)).toEqual(['Gruppe 9', 'Gruppe 10', 'zeta', 'Østre', 'Ålesund']);

    ['Ålesund AS', 'Østfold AS', 'Tyttebær AS'].forEach((name, index) => cache.grants.put(grant(`v${index}`, name), 1));
    expect(cache.grants.where('group_id = ?', 'g1').map((item) => item.vendor.name)).toEqual(['Tyttebær AS', 'Østfold AS', 'Ålesund AS']);
  });

  it('groups the organisation may reach, by owner then group; users by last name, then first name', () => {
    const cache = freshCache();
    cache.accessibleGroups.put(reachable('a1', 'Ålesund AS', 'Maskiner'), 1);
    cache.accessibleGroups.put(reachable('a2', 'Østfold AS', 'Servere'), 1);
    cache.accessibleGroups.put(reachable('a3', 'Østfold AS', 'Maskiner'), 1);
    cache.accessibleGroups.put(reachable('a4', 'Bærum AS', 'Maskiner'), 1);
    expect(cache.accessibleGroups.all().map((item) => item.fullName)).toEqual(['Bærum AS-Maskiner', 'Østfold AS-Maskiner', 'Østfold AS-Servere', 'Ålesund AS-Maskiner']);

    cache.users.put(user('u1', 'Ola', 'Åsen'), 1);
    cache.users.put(user('u2', 'Åse', 'Ødegård'), 1);
    cache.users.put(user('u3', 'Kari', 'Nordmann'), 1);
    cache.users.put(user('u4', 'Anne', 'Nordmann'), 1);
    cache.users.put(user('u5', 'Per', 'Aas'), 1);
    // Norwegian collation reads "Aa" in a name as "Å" (Aas = Ås), as Norwegian phone books and registers do.
    expect(cache.users.all().map((item) => `${item.firstName} ${item.lastName}`)).toEqual(['Anne Nordmann', 'Kari Nordmann', 'Åse Ødegård', 'Per Aas', 'Ola Åsen']);
  });

  it('equal names come out in id order, however they were written', () => {
    const cache = freshCache();
    ['v3', 'v1', 'v2'].forEach((id) => cache.vendors.put(vendor(id, 'Berg AS'), 1));
    cache.vendors.put(vendor('v0', 'Ås AS'), 1);
    expect(cache.vendors.all().map((item) => item.id)).toEqual(['v1', 'v2', 'v3', 'v0']);
    ['m2', 'm1'].forEach((id) => cache.machineGroups.put(group(id, 'Maskiner'), 1));
    expect(cache.machineGroups.all().map((item) => item.id)).toEqual(['m1', 'm2']);
  });
});
