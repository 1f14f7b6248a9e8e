import { describe, expect, it } from 'vitest';
import type { AuditEvent } from '../portal/portal-types';
import {
  auditActionLabel,
  auditActorLabel,
  auditChangeLines,
  auditChanges,
  auditObjectLabel,
  auditObjectTypeLabel,
  auditTimeLabel,
} from './audit-description';
import { auditNameIndex } from './audit-names';
import { auditWordsEn, auditWordsNb } from './audit-words';

const GROUP = '81ff99f1-5c3e-4b47-a1a4-1f2f0a3b9c11';
const grantSnapshot = (mode: string, expiresAt: string | null = null) => ({
  id: `${GROUP}:org-vendor-06`,
  groupId: GROUP,
  vendor: { id: 'org-vendor-06', name: 'Grønnåsen Helsedata AS' },
  mode,
  grantedAt: '2026-11-30T13:05:00.000Z',
  grantedBy: 'demo.admin',
  expiresAt,
  version: 7,
});

function event(overrides: Partial<AuditEvent>): AuditEvent {
  return {
    id: 1,
    version: 1,
    at: '2026-12-08T18:45:00.000Z',
    actor: { id: 'user-demo-admin', username: 'demo.admin' },
    action: 'grant.changed',
    objectType: 'grant',
    objectId: `${GROUP}:org-vendor-06`,
    before: null,
    after: null,
    ...overrides,
  };
}

describe('audit words', () => {
  it('has every Norwegian word in English too', () => {
    const keys = (tree: object): string[] =>
      Object.entries(tree).flatMap(([key, value]) => (typeof value === 'string' ? [key] : keys(value as object).map((inner) => `${key}.${inner}`)));
    expect(keys(auditWordsEn)).toEqual(keys(auditWordsNb));
  });
});

describe('describing an audit event', () => {
  it('translates actions, object types and the portal as actor, and shows an unknown code as it is', () => {
    expect(auditActionLabel('grant.deleted', 'nb')).toBe('Tilgang fjernet');
    expect(auditActionLabel('grant.deleted', 'en')).toBe('Access removed');
    expect(auditActionLabel('service.activation_requested', 'nb')).toBe('Fjernhjelp aktivert (bruksvilkår godtatt)');
    expect(auditActionLabel('grant.mode_changed', 'nb')).toBe('Godkjenningsmetode endret');
    expect(auditActionLabel('machineGroup.renamed', 'nb')).toBe('Maskingruppe fikk nytt navn');
    expect(auditActionLabel('machineGroup.deleted', 'en')).toBe('Machine group deleted');
    expect(auditActionLabel('machineGroup.archived', 'nb')).toBe('machineGroup.archived');
    expect(auditActionLabel('toString', 'nb')).toBe('toString');
    expect(auditObjectTypeLabel('access_review', 'nb')).toBe('Tilgangsgjennomgang');
    expect(auditObjectTypeLabel('machineGroup', 'en')).toBe('Machine group');
    expect(auditObjectTypeLabel('vendorContract', 'en')).toBe('vendorContract');
    expect(auditActorLabel(event({ actor: { id: 'system', username: 'system' } }), 'nb')).toBe('Kundeportalen (automatisk)');
    expect(auditActorLabel(event({}), 'nb')).toBe('demo.admin');
  });

  it('names the object from the names recorded with the event, as they were then', () => {
    const recorded = event({ objectNames: { group: 'NorskHelsenetttest-Røntgen', vendor: 'Grønnåsen Helsedata AS' } });
    expect(auditObjectLabel(recorded, 'nb')).toBe('Grønnåsen Helsedata AS til NorskHelsenetttest-Røntgen');
    expect(auditObjectLabel(recorded, 'en')).toBe('Grønnåsen Helsedata AS to NorskHelsenetttest-Røntgen');
    const user = event({ objectType: 'user', objectId: 'u-1', objectNames: { user: 'per.testesen', person: 'Per Testesen' } });
    expect(auditObjectLabel(user, 'nb')).toBe('Per Testesen (per.testesen)');
    const service = event({ objectType: 'service', objectId: 'org-nhn-test', objectNames: { organisation: 'Norsk Helsenett test' } });
    expect(auditObjectLabel(service, 'nb')).toBe('Norsk Helsenett test');
  });

  it('names objects of older events from their own snapshots and the other events, the raw id only as a last resort', () => {
    const created = event({ id: 1, action: 'machineGroup.created', objectType: 'machineGroup', objectId: GROUP, after: { id: GROUP, name: 'Røntgen', fullName: 'NorskHelsenetttest-Røntgen' } });
    const deleted = event({ id: 2, action: 'grant.deleted', before: grantSnapshot('with_approval') });
    const known = auditNameIndex([deleted, created]);
    expect(auditObjectLabel(deleted, 'nb', known)).toBe('Grønnåsen Helsedata AS til NorskHelsenetttest-Røntgen');
    expect(auditObjectLabel(deleted, 'nb')).toBe(`Grønnåsen Helsedata AS til ${GROUP}`);
    expect(auditObjectLabel(created, 'nb')).toBe('NorskHelsenetttest-Røntgen');
    const totp = event({ objectType: 'user', objectId: 'u-9', action: 'user.totp_replaced' });
    expect(auditObjectLabel(totp, 'nb')).toBe('u-9');
    const userCreated = event({ id: 3, objectType: 'user', objectId: 'u-9', action: 'user.created', after: { id: 'u-9', username: 'ase.odegard', firstName: 'Åse', lastName: 'Ødegård' } });
    expect(auditObjectLabel(totp, 'nb', auditNameIndex([userCreated, totp]))).toBe('Åse Ødegård (ase.odegard)');
  });

  it('lists a change as the fields that differ, before → after, in words and Oslo time', () => {
    const changed = event({ before: grantSnapshot('with_approval'), after: grantSnapshot('without_approval', '2027-06-30T22:00:00.000Z') });
    expect(auditChanges(changed, 'nb')).toEqual([
      { field: 'Godkjenningsmetode', before: 'Med godkjenning', after: 'Uten godkjenning' },
      { field: 'Utløper', before: 'Aldri', after: '01.07.2027 00:00' },
    ]);
    expect(auditChanges(changed, 'en')).toEqual([
      { field: 'Approval method', before: 'With approval', after: 'Without approval' },
      { field: 'Expires', before: 'Never', after: '01/07/2027 00:00' },
    ]);
    expect(auditChangeLines(auditChanges(changed, 'nb'))).toBe('Godkjenningsmetode: Med godkjenning → Uten godkjenning\nUtløper: Aldri → 01.07.2027 00:00');
  });

  it('lists every field of a creation or a deletion, without ids and versions, and keeps unknown fields by their key', () => {
    const created = event({ action: 'grant.created', after: { ...grantSnapshot('with_approval'), engineSyncedAt: '2026-12-01T08:00:00.000Z' } });
    expect(auditChanges(created, 'nb')).toEqual([
      { field: 'Leverandør', before: '(ingenting)', after: 'Grønnåsen Helsedata AS' },
      { field: 'Godkjenningsmetode', before: '(ingenting)', after: 'Med godkjenning' },
      { field: 'Gitt', before: '(ingenting)', after: '30.11.2026 14:05' },
      { field: 'Gitt av', before: '(ingenting)', after: 'demo.admin' },
      { field: 'Utløper', before: '(ingenting)', after: 'Aldri' },
      { field: 'engineSyncedAt', before: '(ingenting)', after: '01.12.2026 09:00' },
    ]);
    const user = event({
      objectType: 'user',
      action: 'portalAdmin.granted',
      before: { id: 'u', roles: ['remote-support-user'], twoFactor: 'totp' },
      after: { id: 'u', roles: ['remote-support-user', 'portal-admin'], twoFactor: 'totp' },
    });
    expect(auditChanges(user, 'nb')).toEqual([{ field: 'Roller', before: 'Fjernhjelpsbruker', after: 'Fjernhjelpsbruker, Kundeportaladministrator' }]);
    const decided = event({ action: 'access_review.decided', after: { reviewId: 'r', reviewName: 'Høst 2026', decision: 'keep', justification: 'Vakt', decidedAt: '2026-12-08T18:45:00.000Z' } });
    expect(auditChanges(decided, 'nb').map((change) => `${change.field}=${change.after}`)).toEqual([
      'Gjennomgang=Høst 2026',
      'Beslutning=Beholdes',
      'Begrunnelse=Vakt',
      'Vurdert=08.12.2026 19:45',
    ]);
  });

  it('shows the time as Oslo time in the app language', () => {
    expect(auditTimeLabel(event({}), 'nb')).toBe('08.12.2026 19:45');
    expect(auditTimeLabel(event({}), 'en')).toBe('08/12/2026 19:45');
  });
});
