import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SessionFilter } from '../../common/contract';
import type { RemoteSession } from '../../common/portal/portal-types';
import { DEFAULT_REVIEW_SETTINGS } from '../../common/review/review-settings';
import { openCache } from './cache-database';
import { cacheRepositories } from './cache-repositories';
import { remoteSessionQuery } from './remote-session-query';
import { sampleSession } from './testing/remote-sessions';

const NOW = new Date('2026-04-15T10:00:00.000Z');
/** The organisation whose cache this is (sampleSession's owner). */
const OWN = 'org-own';

const SESSIONS: RemoteSession[] = [
  // Monday 30 March 08:30 in Oslo (summer time since the day before): within working hours.
  sampleSession('a', { startedAt: '2026-03-30T06:30:00.000Z', endedAt: '2026-03-30T07:00:00.000Z', consent: 'notNeeded' }),
  // Friday 27 March 07:30 in Oslo (winter time): before the working day.
  sampleSession('b', { startedAt: '2026-03-27T06:30:00.000Z', endedAt: '2026-03-27T06:50:00.000Z', kind: 'terminal', consent: 'notNeeded' }),
  // 23:30 on Sunday 29 March in Oslo is still 29 March there, though 30 March has not begun in UTC either.
  sampleSession('c', {
    startedAt: '2026-03-29T21:30:00.000Z',
    endedAt: '2026-03-29T21:40:00.000Z',
    vendorId: 'v2',
    vendorName: 'Bærum Drift AS',
    userId: 'u2',
    username: 'åse.tekniker',
    groupId: 'g2',
    groupName: 'Lab',
    kind: 'files',
    consent: 'refused',
  }),
  // 00:30 on Monday 30 March in Oslo is 22:30 UTC on the 29th.
  sampleSession('d', { startedAt: '2026-03-29T22:30:00.000Z', endedAt: null, consent: 'asked' }),
  // An account the portal does not know: no user, no vendor.
  sampleSession('e', { startedAt: '2026-04-01T08:00:00.000Z', userId: null, vendorId: null, vendorName: null, username: '~local:ukjent' }),
  // Our own technician on another organisation's group: the portal shows it to us as the technician's vendor.
  sampleSession('f', {
    ownerId: 'org-other',
    startedAt: '2026-03-31T08:00:00.000Z',
    groupId: 'g-other',
    groupName: 'AndreHelse-Maskiner',
    vendorId: OWN,
    vendorName: 'Vår Helse',
    userId: 'u-own',
    username: 'vår.tekniker',
  }),
];

function openCacheWith(sessions: readonly RemoteSession[]) {
  const db = openCache(join(mkdtempSync(join(tmpdir(), 'session-query-')), 'cache.sqlite'));
  const repositories = cacheRepositories(db);
  for (const session of sessions) repositories.remoteSessions.put(session, session.version);
  return db;
}

function query(sessions: readonly RemoteSession[] = SESSIONS) {
  return remoteSessionQuery(openCacheWith(sessions), OWN);
}

const ids = (filter: SessionFilter, q = query()) => q.list(filter, DEFAULT_REVIEW_SETTINGS, NOW, 100).sessions.map((session) => session.id);

describe('the sessions screen\'s questions of the cache', () => {
  it('lists every session, the newest first, each judged against working hours on the Oslo clock', () => {
    const list = query().list({}, DEFAULT_REVIEW_SETTINGS, NOW, 100);
    expect(list.total).toBe(6);
    expect(list.sessions.map((session) => [session.id, session.outsideWorkingHours, session.place])).toEqual([
      ['e', false, 'ownMachines'],
      ['f', false, 'atOthers'],
      ['a', false, 'ownMachines'],
      // Open since 00:30: outside working hours.
      ['d', true, 'ownMachines'],
      ['c', true, 'ownMachines'],
      ['b', true, 'ownMachines'],
    ]);
    // The portal's record comes back as it was sent.
    expect(list.sessions[4]).toMatchObject({ username: 'åse.tekniker', vendorName: 'Bærum Drift AS', groupName: 'Lab', kind: 'files', consent: 'refused' });
  });

  it('filters by vendor, group, user, kind, consent and working hours', () => {
    const q = query();
    expect(ids({ vendorId: 'v2' }, q)).toEqual(['c']);
    expect(ids({ groupId: 'g1' }, q)).toEqual(['e', 'a', 'd', 'b']);
    expect(ids({ userId: 'u1' }, q)).toEqual(['a', 'd', 'b']);
    expect(ids({ kind: 'terminal' }, q)).toEqual(['b']);
    expect(ids({ consent: 'notNeeded' }, q)).toEqual(['a', 'b']);
    expect(ids({ outsideWorkingHours: true }, q)).toEqual(['d', 'c', 'b']);
    expect(ids({ outsideWorkingHours: false }, q)).toEqual(['e', 'f', 'a']);
    expect(ids({ consent: 'notNeeded', outsideWorkingHours: true, groupId: 'g1' }, q)).toEqual(['b']);
    expect(ids({ vendorId: 'nobody' }, q)).toEqual([]);
  });

  it('tells the sessions on our machines from our technicians\' at others, by the group\'s owner, and filters by it', () => {
    const q = query([
      ...SESSIONS,
      // Our own user on our own group (access outside the portal): on our machines, though we are its vendor too.
      sampleSession('g', { startedAt: '2026-04-02T08:00:00.000Z', vendorId: OWN, vendorName: 'Vår Helse', userId: 'u-own', username: 'vår.tekniker' }),
    ]);
    expect(ids({ place: 'atOthers' }, q)).toEqual(['f']);
    expect(ids({ place: 'ownMachines' }, q)).toEqual(['g', 'e', 'a', 'd', 'c', 'b']);
    expect(ids({ place: 'ownMachines', vendorId: OWN }, q)).toEqual(['g']);
    expect(q.list({ place: 'atOthers' }, DEFAULT_REVIEW_SETTINGS, NOW, 100)).toMatchObject({ total: 1, sessions: [{ id: 'f', place: 'atOthers' }] });
    // The same sessions in another organisation's cache are the other way round.
    const theirs = remoteSessionQuery(openCacheWith(SESSIONS), 'org-other');
    expect(ids({ place: 'ownMachines' }, theirs)).toEqual(['f']);
  });

  it('takes a period as whole Oslo calendar days', () => {
    const q = query();
    expect(ids({ from: '2026-03-30', to: '2026-03-30' }, q)).toEqual(['a', 'd']);
    expect(ids({ to: '2026-03-29' }, q)).toEqual(['c', 'b']);
    expect(ids({ from: '2026-03-31' }, q)).toEqual(['e', 'f']);
    // The widest period the contract takes lets everything through.
    expect(ids({ from: '1900-01-01', to: '9999-12-31' }, q)).toEqual(['e', 'f', 'a', 'd', 'c', 'b']);
    // A period that ends before it starts lets nothing through.
    expect(ids({ from: '2026-04-01', to: '2026-03-01' }, q)).toEqual([]);
  });

  it('answers at most the limit, and says how many the filter lets through', () => {
    const many = Array.from({ length: 30 }, (_, index) => sampleSession(`s${String(index).padStart(2, '0')}`, { startedAt: new Date(Date.UTC(2026, 2, 2, 9, index)).toISOString() }));
    const list = query(many).list({}, DEFAULT_REVIEW_SETTINGS, NOW, 10);
    expect(list).toMatchObject({ total: 30, limit: 10 });
    expect(list.sessions.map((session) => session.id)).toEqual(['s29', 's28', 's27', 's26', 's25', 's24', 's23', 's22', 's21', 's20']);
  });

  it('offers the vendors, groups and users that have sessions, by their newest names, in Norwegian order', () => {
    const q = query([
      ...SESSIONS,
      // The vendor was renamed since its earlier sessions: the newest name is offered.
      sampleSession('renamed', { startedAt: '2026-04-10T08:00:00.000Z', vendorName: 'Østfold Fjerndrift og Data AS' }),
      sampleSession('aa', { startedAt: '2026-04-02T08:00:00.000Z', vendorId: 'v3', vendorName: 'Aas Data AS', userId: 'u3', username: 'zorro' }),
    ]);
    expect(q.facets()).toEqual({
      vendors: [
        { id: 'v2', name: 'Bærum Drift AS' },
        { id: OWN, name: 'Vår Helse' },
        { id: 'v1', name: 'Østfold Fjerndrift og Data AS' },
        // Norwegian collation reads "Aa" as "Å".
        { id: 'v3', name: 'Aas Data AS' },
      ],
      groups: [
        { id: 'g-other', name: 'AndreHelse-Maskiner' },
        { id: 'g2', name: 'Lab' },
        { id: 'g1', name: 'Maskiner' },
      ],
      users: [
        { id: 'u1', username: 'tekniker.en', vendorName: 'Østfold Fjerndrift og Data AS' },
        { id: 'u-own', username: 'vår.tekniker', vendorName: 'Vår Helse' },
        { id: 'u3', username: 'zorro', vendorName: 'Aas Data AS' },
        { id: 'u2', username: 'åse.tekniker', vendorName: 'Bærum Drift AS' },
      ],
    });
  });
});
