import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TestClock } from '../api/testing/test-clock';
import { openDatabase, type Db } from '../db/database';
import { putGrant } from '../domain/grant-repository';
import { DEMO_ORGANISATION } from '../seed/demo-credentials';
import { DEMO_GRANTING_VENDORS, demoVendorId, seedDemo } from '../seed/demo-seed';
import { recordSessions, sessionHighWaterMarks } from './record-sessions';
import type { Device, ObservedSession } from './remote-support-engine';
import { listRemoteSessions } from './session-read-model';

// The demo seed's two grants: vendor 01's "Maskiner" with approval and vendor 02's "Servere" without, both to the
// demo organisation, whose remote-support users (Kari, Ola, Ingrid) are the technicians here.
const WITH_APPROVAL = { owner: demoVendorId(DEMO_GRANTING_VENDORS.withApproval.vendorIndex), groupId: DEMO_GRANTING_VENDORS.withApproval.groupId };
const WITHOUT_APPROVAL = { owner: demoVendorId(DEMO_GRANTING_VENDORS.withoutApproval.vendorIndex), groupId: DEMO_GRANTING_VENDORS.withoutApproval.groupId };
const KARI = 'user-demo-kari';

const device = (engineId: string, groupId: string, name: string): Device => ({
  engineId, groupId, engineGroupId: `mesh//${groupId}`, name, os: 'Ubuntu 24.04 LTS', online: true, lastSeenAt: null,
});
const PC = device('node//pc-1', WITH_APPROVAL.groupId, 'LEGE-PC-01');
const SERVER = device('node//srv-1', WITHOUT_APPROVAL.groupId, 'db-server');

function session(overrides: Partial<ObservedSession> = {}): ObservedSession {
  return {
    engineKey: 'meshcentral:node//pc-1:relay:r1',
    deviceEngineId: PC.engineId,
    accountEngineId: `user//~oidc:${KARI}`,
    portalUserId: KARI,
    accountName: 'Kari Nordmann',
    kind: 'terminal',
    startedAt: '2026-03-02T09:10:00.000Z',
    endedAt: '2026-03-02T09:25:00.000Z',
    consent: null,
    ...overrides,
  };
}

let folder: string;
let db: Db;
let clock: TestClock;

beforeEach(async () => {
  folder = mkdtempSync(join(tmpdir(), 'record-sessions-'));
  db = openDatabase(join(folder, 'portal.db'));
  clock = new TestClock('2026-03-02T10:00:00.000Z');
  await seedDemo(db, new Date('2026-01-01T08:00:00.000Z'));
  // The demo seed's own sessions are not part of these tests.
  db.prepare('DELETE FROM remote_sessions').run();
});

afterEach(() => {
  db.close();
  rmSync(folder, { recursive: true, force: true });
});

const sessionsOf = (organisationId: string) => listRemoteSessions(db, organisationId, { limit: 1000 });
const versionCounter = (): number => db.prepare('SELECT value FROM version_counter').pluck().get() as number;

describe('recording the sessions the engine logged', () => {
  it("stores a portal user's session for the group's owner, with the vendor derived from the user and every name as it was", () => {
    recordSessions(db, [PC], [session()]);
    const [stored] = sessionsOf(WITH_APPROVAL.owner);
    expect(stored).toEqual({
      id: expect.stringMatching(/^[\w-]{22}$/),
      ownerId: WITH_APPROVAL.owner,
      groupId: WITH_APPROVAL.groupId,
      groupName: expect.stringMatching(/-Maskiner$/),
      deviceId: 'node//pc-1',
      deviceName: 'LEGE-PC-01',
      userId: KARI,
      username: 'kari.nordmann',
      vendorId: DEMO_ORGANISATION.id,
      vendorName: DEMO_ORGANISATION.name,
      kind: 'terminal',
      // Nothing logged about a prompt, on a grant with approval: the person at the machine was asked.
      consent: 'asked',
      startedAt: '2026-03-02T09:10:00.000Z',
      endedAt: '2026-03-02T09:25:00.000Z',
      version: expect.any(Number),
    });
    // The owner sees it, and so does the technician's vendor; anyone else's list is empty.
    expect(sessionsOf(DEMO_ORGANISATION.id)).toEqual([stored]);
    expect(sessionsOf(WITHOUT_APPROVAL.owner)).toEqual([]);
  });

  it('the same sessions again (the engine resends its log) are stored once, with one version', () => {
    const observed = [session(), session({ engineKey: 'meshcentral:node//srv-1:relay:r2', deviceEngineId: SERVER.engineId, kind: 'desktop' })];
    expect(recordSessions(db, [PC, SERVER], observed)).toBe(2);
    const first = [...sessionsOf(WITH_APPROVAL.owner), ...sessionsOf(WITHOUT_APPROVAL.owner)];
    const counter = versionCounter();
    expect(recordSessions(db, [PC, SERVER], observed)).toBe(0);
    expect(recordSessions(db, [PC, SERVER], [...observed].reverse())).toBe(0);
    expect([...sessionsOf(WITH_APPROVAL.owner), ...sessionsOf(WITHOUT_APPROVAL.owner)]).toEqual(first);
    expect(versionCounter()).toBe(counter);
    expect(db.prepare('SELECT count(*) FROM remote_sessions').pluck().get()).toBe(2);
  });

  it('an open session that ends is the same row with its end and a new version', () => {
    recordSessions(db, [PC], [session({ endedAt: null })]);
    const [open] = sessionsOf(WITH_APPROVAL.owner);
    expect(open!.endedAt).toBeNull();
    recordSessions(db, [PC], [session()]);
    const [ended] = sessionsOf(WITH_APPROVAL.owner);
    expect(ended).toEqual({ ...open, endedAt: '2026-03-02T09:25:00.000Z', version: expect.any(Number) });
    expect(ended!.version).toBeGreaterThan(open!.version);
  });

  it('keeps the names of a recorded session when the group and the machine are renamed; a new session has the new ones', () => {
    recordSessions(db, [PC], [session()]);
    db.prepare('UPDATE machine_groups SET name = ? WHERE id = ?').run('Klinikk', WITH_APPROVAL.groupId);
    db.prepare('UPDATE organisations SET name = ? WHERE id = ?').run('Norsk Helsenett omdøpt', DEMO_ORGANISATION.id);
    const renamed = { ...PC, name: 'LEGE-PC-02' };
    recordSessions(db, [renamed], [session(), session({ engineKey: 'meshcentral:node//pc-1:relay:r9', startedAt: '2026-03-02T09:40:00.000Z', endedAt: '2026-03-02T09:41:00.000Z' })]);
    const [old, fresh] = sessionsOf(WITH_APPROVAL.owner);
    expect([old!.groupName.endsWith('-Maskiner'), old!.deviceName, old!.vendorName]).toEqual([true, 'LEGE-PC-01', DEMO_ORGANISATION.name]);
    expect([fresh!.groupName.endsWith('-Klinikk'), fresh!.deviceName, fresh!.vendorName]).toEqual([true, 'LEGE-PC-02', 'Norsk Helsenett omdøpt']);
  });

  it('maps what the engine logged of consent, and decides an unlogged one from the grant as it was when the session started', () => {
    const at = (minute: number) => `2026-03-02T09:${String(minute).padStart(2, '0')}:00.000Z`;
    const facts: Array<[ObservedSession['consent'], string]> = [['given', 'given'], ['refused', 'refused'], ['notPrompted', 'notNeeded']];
    recordSessions(db, [PC], facts.map(([fact], index) => session({ engineKey: `k${index}`, consent: fact, startedAt: at(index), endedAt: at(index + 1) })));
    expect(sessionsOf(WITH_APPROVAL.owner).map((stored) => stored.consent)).toEqual(facts.map(([, consent]) => consent));

    // Vendor 02's "Servere" is without approval: nothing to ask.
    recordSessions(db, [SERVER], [session({ engineKey: 'srv', deviceEngineId: SERVER.engineId })]);
    expect(sessionsOf(WITHOUT_APPROVAL.owner).map((stored) => stored.consent)).toEqual(['notNeeded']);

    // At 09:30 vendor 02 asks for approval from then on: a session before keeps "not needed", one after is "asked".
    clock.advance(-30 * 60_000);
    const owner = { id: 'user-vendor-02-admin', username: 'leverandor.admin', organisationId: WITHOUT_APPROVAL.owner };
    putGrant(db, owner, WITHOUT_APPROVAL.groupId, DEMO_ORGANISATION.id, { mode: 'with_approval' }, clock.now());
    recordSessions(db, [SERVER], [
      session({ engineKey: 'srv-before', deviceEngineId: SERVER.engineId, startedAt: at(20), endedAt: at(21) }),
      session({ engineKey: 'srv-after', deviceEngineId: SERVER.engineId, startedAt: at(40), endedAt: at(41) }),
    ]);
    expect(sessionsOf(WITHOUT_APPROVAL.owner).map((stored) => [stored.startedAt, stored.consent])).toEqual([
      [at(10), 'notNeeded'],
      [at(20), 'notNeeded'],
      [at(40), 'asked'],
    ]);
  });

  it('an account the portal did not make is access outside the portal: no user, no vendor, the engine\'s name', () => {
    const foreign = session({ engineKey: 'f1', accountEngineId: 'user//hand.made', portalUserId: null, accountName: 'hand.made' });
    recordSessions(db, [PC], [foreign]);
    expect(sessionsOf(WITH_APPROVAL.owner)[0]).toMatchObject({ userId: null, username: 'hand.made', vendorId: null, vendorName: null, consent: 'notNeeded' });

    // The link was found as drift with consent required: an unlogged answer means the person was asked.
    db.prepare(
      `INSERT INTO engine_findings (id, organisation_id, group_id, subject_id, subject_kind, subject_name, consent_required, found_at, version)
       VALUES ('finding-1', ?, ?, 'ugrp//x|user//hand.made', 'user', 'hand.made (x)', 1, ?, 1)`,
    ).run(WITH_APPROVAL.owner, WITH_APPROVAL.groupId, clock.now().toISOString());
    // Read again, the first keeps the consent decided when it was recorded; the new one is decided by the finding.
    recordSessions(db, [PC], [foreign, { ...foreign, engineKey: 'f2', startedAt: '2026-03-02T09:30:00.000Z', endedAt: '2026-03-02T09:31:00.000Z' }]);
    expect(sessionsOf(WITH_APPROVAL.owner).map((stored) => stored.consent)).toEqual(['notNeeded', 'asked']);
    // An answer the engine logs later does change it.
    recordSessions(db, [PC], [{ ...foreign, consent: 'given' }]);
    expect(sessionsOf(WITH_APPROVAL.owner).map((stored) => stored.consent)).toEqual(['given', 'asked']);
  });

  it('a portal user who is gone keeps the user id, with the engine\'s name and no vendor', () => {
    recordSessions(db, [PC], [session({ portalUserId: 'user-deleted', accountEngineId: 'user//~oidc:user-deleted', accountName: 'Borte Bruker' })]);
    expect(sessionsOf(WITH_APPROVAL.owner)[0]).toMatchObject({ userId: 'user-deleted', username: 'Borte Bruker', vendorId: null, vendorName: null });
  });

  it('ignores a session on a machine that is in no portal group', () => {
    const stray = device('node//stray', 'group-that-does-not-exist', 'stray');
    expect(recordSessions(db, [PC, stray], [session({ deviceEngineId: 'node//stray' }), session({ engineKey: 'x', deviceEngineId: 'node//unknown' })])).toBe(0);
    expect(db.prepare('SELECT count(*) FROM remote_sessions').pluck().get()).toBe(0);
  });

  it('knows the latest end it holds per machine', () => {
    recordSessions(db, [PC, SERVER], [
      session({ engineKey: 'a', endedAt: '2026-03-02T09:20:00.000Z' }),
      session({ engineKey: 'b', endedAt: '2026-03-02T09:50:00.000Z' }),
      session({ engineKey: 'c', endedAt: null }),
    ]);
    expect(sessionHighWaterMarks(db, [PC, SERVER])).toEqual(new Map([[PC.engineId, '2026-03-02T09:50:00.000Z']]));
  });
});
