import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { auditNameIndex } from '../../common/audit/audit-names';
import type { AuditEvent } from '../../common/portal/portal-types';
import { auditCsvFileName, auditEventsCsv } from './audit-csv';

const GROUP = '81ff99f1-5c3e-4b47-a1a4-1f2f0a3b9c11';
const grant = (mode: string) => ({
  id: `${GROUP}:org-vendor-06`,
  groupId: GROUP,
  vendor: { id: 'org-vendor-06', name: 'Grønnåsen Helsedata AS' },
  mode,
  grantedAt: '2026-11-30T13:05:00.000Z',
  grantedBy: 'demo.admin',
  expiresAt: null,
  version: 7,
});

const events: AuditEvent[] = [
  {
    id: 41,
    version: 108,
    at: '2026-12-08T18:45:09.000Z',
    actor: { id: 'user-demo-admin', username: 'demo.admin' },
    action: 'grant.changed',
    objectType: 'grant',
    objectId: `${GROUP}:org-vendor-06`,
    objectNames: { group: 'NorskHelsenetttest-Røntgen; lab', vendor: 'Grønnåsen Helsedata AS' },
    before: grant('with_approval'),
    after: grant('without_approval'),
  },
  {
    id: 42,
    version: 110,
    at: '2026-07-01T10:00:00.000Z',
    actor: { id: 'system', username: 'system' },
    action: 'grant.expired',
    objectType: 'grant',
    objectId: `${GROUP}:org-vendor-06`,
    before: grant('without_approval'),
    after: null,
  },
];

const read = (text: string, delimiter: string) => parse(text, { bom: true, delimiter }) as string[][];

describe('auditEventsCsv', () => {
  it('writes one readable column each in Norwegian, ";"-separated, with the raw record last', () => {
    const text = auditEventsCsv(events, 'nb', auditNameIndex(events));
    const [header, changed, expired] = read(text, ';');
    expect(header).toEqual(['Tidspunkt (Europe/Oslo)', 'Utført av', 'Handling', 'Objekttype', 'Objekt', 'Endringer', 'Rådata (JSON)']);
    expect(changed!.slice(0, 6)).toEqual([
      '2026-12-08 19:45:09+01:00',
      'demo.admin',
      'Tilgang endret',
      'Tilgang',
      'Grønnåsen Helsedata AS til NorskHelsenetttest-Røntgen; lab',
      'Godkjenningsmetode: Med godkjenning → Uten godkjenning',
    ]);
    expect(JSON.parse(changed![6]!)).toEqual(events[0]);
    // Summer time, the portal as actor, and a deletion listing what the grant was; its group named from the other event.
    expect(expired!.slice(0, 5)).toEqual(['2026-07-01 12:00:00+02:00', 'Kundeportalen (automatisk)', 'Tilgang utløpt', 'Tilgang', 'Grønnåsen Helsedata AS til NorskHelsenetttest-Røntgen; lab']);
    expect(expired![5]!.split('\n')).toEqual([
      'Leverandør: Grønnåsen Helsedata AS → (ingenting)',
      'Godkjenningsmetode: Uten godkjenning → (ingenting)',
      'Gitt: 30.11.2026 14:05 → (ingenting)',
      'Gitt av: demo.admin → (ingenting)',
      'Utløper: Aldri → (ingenting)',
    ]);
    // The Oslo time with its offset is still the exact instant the portal recorded.
    expect(Date.parse(expired![0]!)).toBe(Date.parse(events[1]!.at));
  });

  it('writes English words, ","-separated', () => {
    const [header, changed] = read(auditEventsCsv(events, 'en'), ',');
    expect(header).toEqual(['Time (Europe/Oslo)', 'Done by', 'Action', 'Object type', 'Object', 'Changes', 'Raw record (JSON)']);
    expect(changed!.slice(0, 6)).toEqual([
      '2026-12-08 19:45:09+01:00',
      'demo.admin',
      'Access changed',
      'Access',
      'Grønnåsen Helsedata AS to NorskHelsenetttest-Røntgen; lab',
      'Approval method: With approval → Without approval',
    ]);
  });

  it('is dated by the Oslo calendar', () => {
    expect(auditCsvFileName(new Date('2026-11-30T23:30:00.000Z'))).toBe('revisjonslogg-2026-12-01.csv');
  });
});
