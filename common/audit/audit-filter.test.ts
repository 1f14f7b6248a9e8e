import { describe, expect, it } from 'vitest';
import type { AuditEvent } from '../portal/portal-types';
import { auditFacets, filterAuditEvents } from './audit-filter';

const event = (id: number, at: string, username: string, action: string, objectType: string): AuditEvent => ({
  id,
  version: id,
  at,
  actor: { id: username, username },
  action,
  objectType,
  objectId: `o${id}`,
  before: null,
  after: null,
});

const events = [
  event(1, '2026-11-01T10:00:00Z', 'demo.admin', 'grant.created', 'grant'),
  event(2, '2026-11-15T10:00:00Z', 'system', 'grant.expired', 'grant'),
  event(3, '2026-11-30T10:00:00Z', 'demo.admin', 'user.created', 'user'),
];

describe('filterAuditEvents', () => {
  it('filters by an inclusive date range, actor, action and object type together', () => {
    expect(filterAuditEvents(events, {}).map((e) => e.id)).toEqual([1, 2, 3]);
    expect(filterAuditEvents(events, { from: '2026-11-15', to: '2026-11-30' }).map((e) => e.id)).toEqual([2, 3]);
    expect(filterAuditEvents(events, { actor: 'demo.admin', objectType: 'grant' }).map((e) => e.id)).toEqual([1]);
    expect(filterAuditEvents(events, { action: 'grant.expired' }).map((e) => e.id)).toEqual([2]);
    expect(filterAuditEvents(events, { to: '2026-10-31' })).toEqual([]);
  });

  it('dates events by the Oslo calendar the screen shows them on, whatever the machine\'s zone', () => {
    // 23:30 UTC on 30 November is 00:30 on 1 December in Oslo.
    const late = [event(4, '2026-11-30T23:30:00.000Z', 'demo.admin', 'grant.deleted', 'grant')];
    expect(filterAuditEvents(late, { from: '2026-12-01', to: '2026-12-01' }).map((e) => e.id)).toEqual([4]);
    expect(filterAuditEvents(late, { to: '2026-11-30' })).toEqual([]);
  });

  it('offers each actor, action and object type once', () => {
    expect(auditFacets(events)).toEqual({
      actors: ['demo.admin', 'system'],
      actions: ['grant.created', 'grant.expired', 'user.created'],
      objectTypes: ['grant', 'user'],
    });
  });
});
