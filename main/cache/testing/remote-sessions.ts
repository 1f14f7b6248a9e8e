import type { Grant, RemoteSession } from '../../../common/portal/portal-types';

/** A session as the portal's feed sends it; by default a desktop session asked and given, an hour long. */
export function sampleSession(id: string, overrides: Partial<RemoteSession> = {}): RemoteSession {
  const startedAt = overrides.startedAt ?? '2026-03-02T09:00:00.000Z';
  return {
    id,
    ownerId: 'org-own',
    groupId: 'g1',
    groupName: 'Maskiner',
    deviceId: 'node//d1',
    deviceName: 'Resepsjon-PC',
    userId: 'u1',
    username: 'tekniker.en',
    vendorId: 'v1',
    vendorName: 'Østfold Fjerndrift AS',
    kind: 'desktop',
    consent: 'given',
    startedAt,
    endedAt: new Date(Date.parse(startedAt) + 3_600_000).toISOString(),
    version: 1,
    ...overrides,
  };
}

/** A grant with only what the cache's columns read. */
export function sampleGrant(groupId: string, vendorId: string, mode: Grant['mode'] = 'without_approval'): Grant {
  return {
    id: `${groupId}:${vendorId}`,
    groupId,
    vendor: { id: vendorId, name: `Leverandør ${vendorId}` },
    mode,
    grantedAt: '2025-01-01T00:00:00.000Z',
    grantedBy: 'demo.admin',
    expiresAt: null,
  } as unknown as Grant;
}
