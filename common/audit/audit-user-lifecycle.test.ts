import { describe, expect, it } from 'vitest';
import type { AuditEvent } from '../portal/portal-types';
import { auditActionLabel, auditChanges, auditObjectLabel } from './audit-description';

const user = (status: 'active' | 'deactivated', deactivatedAt: string | null) => ({
  id: 'user-1',
  username: 'tor.tekniker',
  firstName: 'Tor',
  lastName: 'Tekniker',
  email: 'tor@vendor.example',
  mobile: '+4791234567',
  twoFactor: 'totp',
  yubikeyPublicId: null,
  roles: ['remote-support-user'],
  status,
  deactivatedAt,
  createdAt: '2026-03-02T09:00:00.000Z',
  updatedAt: deactivatedAt ?? '2026-03-02T09:00:00.000Z',
  version: 4,
});

const event = (action: string, before: object | null, after: object | null): AuditEvent => ({
  id: 1,
  version: 9,
  at: '2026-03-02T10:00:00.000Z',
  actor: { id: 'user-demo-admin', username: 'demo.admin' },
  action,
  objectType: 'user',
  objectId: 'user-1',
  objectNames: { user: 'tor.tekniker', person: 'Tor Tekniker' },
  before: before as AuditEvent['before'],
  after: after as AuditEvent['after'],
});

describe('the audit log on deactivated, reactivated and deleted users', () => {
  it('names the actions in both languages', () => {
    expect(['user.deactivated', 'user.reactivated', 'user.deleted'].map((action) => auditActionLabel(action, 'nb'))).toEqual([
      'Bruker deaktivert',
      'Bruker aktivert igjen',
      'Bruker slettet',
    ]);
    expect(['user.deactivated', 'user.reactivated', 'user.deleted'].map((action) => auditActionLabel(action, 'en'))).toEqual([
      'User deactivated',
      'User reactivated',
      'User deleted',
    ]);
  });

  it('shows a deactivation as the status and time it changed, in words', () => {
    const changes = auditChanges(event('user.deactivated', user('active', null), user('deactivated', '2026-03-02T10:00:00.000Z')), 'nb');
    expect(changes.filter((change) => change.field !== 'Sist endret')).toEqual([
      { field: 'Status', before: 'Aktivert', after: 'Deaktivert' },
      { field: 'Deaktivert', before: '(ingenting)', after: '02.03.2026 11:00' },
    ]);
  });

  it('still names a deleted user, from the names kept with the event', () => {
    const deleted = event('user.deleted', user('active', null), null);
    expect(auditObjectLabel(deleted, 'nb')).toBe('Tor Tekniker (tor.tekniker)');
    expect(auditChanges(deleted, 'en').find((change) => change.field === 'Username')).toEqual({ field: 'Username', before: 'tor.tekniker', after: '(nothing)' });
  });
});
