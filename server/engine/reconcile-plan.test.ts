import { describe, expect, it } from 'vitest';
import { planReconcile, type EngineAction } from './reconcile-plan';
import type { DesiredState, ObservedEngine } from './remote-support-engine';

const desired: DesiredState = {
  groups: [{ groupId: 'g1', organisationId: 'o1', fullName: 'Org-Maskiner' }],
  accounts: [{ userId: 'u1', organisationId: 'v1', username: 'tekniker', displayName: 'Tekniker', email: 't@example.no' }],
  accesses: [{ groupId: 'g1', vendorId: 'v1', vendorName: 'Vendor', mode: 'with_approval', memberUserIds: ['u1'] }],
};

const converged: ObservedEngine = {
  groups: [{ groupId: 'g1', engineId: 'mesh-1', name: 'Org-Maskiner' }],
  accounts: [{ userId: 'u1', engineId: 'user-1' }],
  accesses: [{ groupId: 'g1', vendorId: 'v1', engineId: 'ugrp-1', mode: 'with_approval', memberUserIds: ['u1'], linkedGroupIds: ['g1'] }],
  foreign: [],
  devices: [],
};

const kinds = (observed: ObservedEngine): string[] => planReconcile(desired, observed).map((action) => `${action.kind} ${action.key}`);

describe('planReconcile', () => {
  it('plans nothing when the engine holds what the portal says', () => {
    expect(kinds(converged)).toEqual([]);
  });

  it('creates groups and accounts first, and access only to a group the engine has', () => {
    expect(kinds({ ...converged, groups: [], accounts: [], accesses: [] })).toEqual(['createGroup group:g1', 'createAccount user:u1']);
  });

  it('asks an engine that makes accounts at first sign-in for none', () => {
    expect(planReconcile(desired, { ...converged, accounts: [], accesses: [] }, true).map((action) => action.kind)).toEqual(['putAccess']);
  });

  it('puts access whose mode, members or link differ, and makes only accounts the engine has members', () => {
    for (const change of [{ mode: 'without_approval' as const }, { mode: undefined }, { memberUserIds: [] }, { linkedGroupIds: ['g1', 'engine:mesh-9'] }]) {
      expect(kinds({ ...converged, accesses: [{ ...converged.accesses[0]!, ...change }] })).toEqual(['putAccess grant:g1:v1']);
    }
    const [action] = planReconcile(desired, { ...converged, accounts: [], accesses: [] });
    expect(action).toMatchObject({ kind: 'createAccount' });
    const put = planReconcile(desired, { ...converged, accounts: [], accesses: [] })[1];
    expect(put).toMatchObject({ kind: 'putAccess', access: { memberUserIds: [] } });
  });

  it('removes access, accounts and groups the portal no longer has, groups last', () => {
    expect(planReconcile({ groups: [], accounts: [], accesses: [] }, converged).map((action) => action.kind)).toEqual(['removeAccess', 'deleteAccount', 'deleteGroup']);
  });

  it('a group found twice: the empty copy goes, a copy with devices stays; a grant found twice loses its copy', () => {
    const twice: ObservedEngine = {
      ...converged,
      groups: [...converged.groups, { groupId: 'g1', engineId: 'mesh-2', name: 'Org-Maskiner' }],
      accesses: [...converged.accesses, { ...converged.accesses[0]!, engineId: 'ugrp-2' }],
    };
    const engineIdOf = (action: EngineAction): string => (action.kind === 'deleteGroup' ? action.group.engineId : action.kind === 'removeAccess' ? action.access.engineId : '');
    expect(planReconcile(desired, twice).map((action) => [action.kind, engineIdOf(action)])).toEqual([
      ['removeAccess', 'ugrp-2'],
      ['deleteGroup', 'mesh-2'],
    ]);
    const withDevices = { ...twice, devices: [{ engineId: 'node-1', groupId: 'g1', engineGroupId: 'mesh-2', name: 'PC', os: null, online: true, lastSeenAt: null }] };
    // The copy with the machine is the one that counts now; the empty first one goes.
    expect(planReconcile(desired, withDevices).filter((action) => action.kind === 'deleteGroup').map(engineIdOf)).toEqual(['mesh-1']);
  });
});
