import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TestClock } from '../api/testing/test-clock';
import { openDatabase, type Db } from '../db/database';
import { removeGrant, getGrant, putGrant } from '../domain/grant-repository';
import { createMachineGroup } from '../domain/machine-group-repository';
import { requestActivation } from '../domain/remote-support-service';
import { REMOTE_SUPPORT_TERMS } from '../domain/remote-support-terms';
import { DEMO_ADMIN, DEMO_ORGANISATION } from '../seed/demo-credentials';
import { seedDemo, demoVendorId } from '../seed/demo-seed';
import { setEngineMode } from './engine-mode';
import { EngineReconciler } from './engine-reconciler';
import type { Device, ObservedSession } from './remote-support-engine';
import { InMemoryEngine } from './testing/in-memory-engine';

const admin = { id: DEMO_ADMIN.id, username: DEMO_ADMIN.username, organisationId: DEMO_ORGANISATION.id };

let folder: string;
let db: Db;
let clock: TestClock;
let engine: InMemoryEngine;
let reconciler: EngineReconciler;

beforeEach(async () => {
  folder = mkdtempSync(join(tmpdir(), 'engine-reconciler-'));
  db = openDatabase(join(folder, 'portal.db'));
  clock = new TestClock();
  await seedDemo(db, clock.now());
  setEngineMode(db, false);
  engine = new InMemoryEngine();
  reconciler = new EngineReconciler({ db, engine, now: clock.now });
});

afterEach(async () => {
  await reconciler.stop();
  db.close();
  rmSync(folder, { recursive: true, force: true });
});

const auditCount = (action: string, objectId?: string): number =>
  db.prepare(`SELECT count(*) FROM audit_events WHERE action = ? ${objectId ? 'AND object_id = ?' : ''}`).pluck().get(...(objectId ? [action, objectId] : [action])) as number;
const outboxCount = (): number => db.prepare('SELECT count(*) FROM engine_outbox').pluck().get() as number;
const grantState = (groupId: string, vendorId: string): { engine_state: string; engine_reason: string | null } =>
  db.prepare('SELECT engine_state, engine_reason FROM grants WHERE group_id = ? AND vendor_id = ?').get(groupId, vendorId) as never;

function activateAndReconcileDemo(): Promise<unknown> {
  requestActivation(db, admin, { acceptTerms: true, termsVersion: REMOTE_SUPPORT_TERMS.version }, clock.now(), 30_000);
  return reconciler.reconcile();
}

const demoGroupId = (): string =>
  db.prepare(`SELECT id FROM machine_groups WHERE organisation_id = ? AND name = 'Maskiner'`).pluck().get(DEMO_ORGANISATION.id) as string;

describe('EngineReconciler', () => {
  it('makes the engine hold every group, account and grant of active organisations, and marks them active', async () => {
    expect(await reconciler.reconcile()).toMatchObject({ ok: true });
    const groupCount = db.prepare(`SELECT count(*) FROM machine_groups g JOIN organisations o ON o.id = g.organisation_id WHERE o.service_status = 'active'`).pluck().get();
    expect(engine.groups.size).toBe(groupCount);
    const grants = db.prepare('SELECT group_id, vendor_id, mode, engine_state FROM grants').all() as Array<{ group_id: string; vendor_id: string; mode: string; engine_state: string }>;
    expect(grants.length).toBeGreaterThan(0);
    for (const grant of grants) {
      expect(engine.accesses.get(`${grant.group_id}:${grant.vendor_id}`)?.mode).toBe(grant.mode);
      expect(grant.engine_state).toBe('active');
    }
    expect(outboxCount()).toBe(0);
  });

  it('finishes activation when the engine holds the default group, audited once however often it reconciles', async () => {
    await activateAndReconcileDemo();
    await reconciler.reconcile();
    const service = db.prepare('SELECT service_status FROM organisations WHERE id = ?').pluck().get(DEMO_ORGANISATION.id);
    expect(service).toBe('active');
    expect([...engine.groups.values()].map((group) => group.name)).toContain('NorskHelsenetttest-Maskiner');
    expect(auditCount('service.activated', DEMO_ORGANISATION.id)).toBe(1);
    expect(auditCount('machineGroup.ready', demoGroupId())).toBe(1);
  });

  it('the simulated delay does not activate anything when an engine is configured', async () => {
    engine.down = true;
    await activateAndReconcileDemo();
    clock.advance(24 * 60 * 60 * 1000);
    expect(await reconciler.reconcile()).toMatchObject({ ok: false, code: 'UNREACHABLE' });
    const service = db.prepare('SELECT service_status FROM organisations WHERE id = ?').pluck().get(DEMO_ORGANISATION.id);
    expect(service).toBe('activating');
  });

  it('keeps changes while the engine is away and converges when it is back, each audited once', async () => {
    await activateAndReconcileDemo();
    const groupId = demoGroupId();
    engine.down = true;
    putGrant(db, admin, groupId, demoVendorId(5), { mode: 'with_approval' }, clock.now());
    expect(await reconciler.reconcile()).toMatchObject({ ok: false, code: 'UNREACHABLE' });
    expect(grantState(groupId, demoVendorId(5)).engine_state).toBe('pending');
    expect(outboxCount()).toBeGreaterThan(0);

    engine.down = false;
    expect(await reconciler.reconcile()).toMatchObject({ ok: true });
    expect(engine.accesses.get(`${groupId}:${demoVendorId(5)}`)?.mode).toBe('with_approval');
    expect(grantState(groupId, demoVendorId(5)).engine_state).toBe('active');
    expect(auditCount('grant.created', `${groupId}:${demoVendorId(5)}`)).toBe(1);
    expect(outboxCount()).toBe(0);
  });

  it('an engine that goes away in the middle of a reconcile converges on the next, with nothing applied twice', async () => {
    requestActivation(db, admin, { acceptTerms: true, termsVersion: REMOTE_SUPPORT_TERMS.version }, clock.now(), 30_000);
    createMachineGroup(db, admin, 'Servere', clock.now(), 20_000);
    engine.failAfterCalls = 3;
    expect(await reconciler.reconcile()).toMatchObject({ ok: false });
    engine.down = false;
    expect(await reconciler.reconcile()).toMatchObject({ ok: true });
    const names = [...engine.groups.values()].map((group) => group.name).filter((name) => name.startsWith('NorskHelsenetttest-'));
    expect(names.sort()).toEqual(['NorskHelsenetttest-Maskiner', 'NorskHelsenetttest-Servere']);
    expect(engine.calls.filter((call) => call === 'createGroup NorskHelsenetttest-Servere').length).toBeLessThanOrEqual(2);
    expect(auditCount('service.activated', DEMO_ORGANISATION.id)).toBe(1);
    expect(auditCount('machineGroup.ready')).toBe(2);
  });

  it('a mode change reaches the engine; a removed grant is gone from it; an expired one too, before the portal settles it', async () => {
    await activateAndReconcileDemo();
    const groupId = demoGroupId();
    putGrant(db, admin, groupId, demoVendorId(6), { mode: 'with_approval' }, clock.now());
    putGrant(db, admin, groupId, demoVendorId(7), { mode: 'without_approval', expiresAt: new Date(clock.now().getTime() + 60_000).toISOString() }, clock.now());
    await reconciler.reconcile();
    putGrant(db, admin, groupId, demoVendorId(6), { mode: 'without_approval' }, clock.now());
    expect(grantState(groupId, demoVendorId(6)).engine_state).toBe('pending');
    await reconciler.reconcile();
    expect(engine.accesses.get(`${groupId}:${demoVendorId(6)}`)?.mode).toBe('without_approval');

    removeGrant(db, admin, getGrant(db, groupId, demoVendorId(6))!, 'grant.deleted', clock.now().toISOString());
    clock.advance(61_000);
    await reconciler.reconcile();
    expect(engine.accesses.has(`${groupId}:${demoVendorId(6)}`)).toBe(false);
    expect(engine.accesses.has(`${groupId}:${demoVendorId(7)}`)).toBe(false);
    expect(auditCount('grant.expired', `${groupId}:${demoVendorId(7)}`)).toBe(1);
  });

  it('a change the engine refuses is failed with its reason; the others are applied', async () => {
    await activateAndReconcileDemo();
    const groupId = demoGroupId();
    engine.refuse.add(`grant:${groupId}:${demoVendorId(8)}`);
    putGrant(db, admin, groupId, demoVendorId(8), { mode: 'with_approval' }, clock.now());
    putGrant(db, admin, groupId, demoVendorId(9), { mode: 'with_approval' }, clock.now());
    expect(await reconciler.reconcile()).toMatchObject({ ok: true, refused: 1 });
    expect(grantState(groupId, demoVendorId(8))).toEqual({ engine_state: 'failed', engine_reason: 'the engine refused the link' });
    expect(grantState(groupId, demoVendorId(9)).engine_state).toBe('active');
  });

  it('reports access made by hand in the engine as a finding, audited once when found and once when gone', async () => {
    await activateAndReconcileDemo();
    const groupId = demoGroupId();
    engine.foreign = [{ groupId, subjectId: 'user//hand.made', subjectKind: 'user', subjectName: 'hand.made', consentRequired: false }];
    await reconciler.reconcile();
    await reconciler.reconcile();
    const findings = db.prepare('SELECT organisation_id, group_id, subject_name FROM engine_findings').all();
    expect(findings).toEqual([{ organisation_id: DEMO_ORGANISATION.id, group_id: groupId, subject_name: 'hand.made' }]);
    expect(auditCount('engineFinding.found')).toBe(1);
    expect(engine.foreign).toHaveLength(1);

    engine.foreign = [];
    await reconciler.reconcile();
    expect(db.prepare('SELECT count(*) FROM engine_findings').pluck().get()).toBe(0);
    expect(auditCount('engineFinding.gone')).toBe(1);
  });
});

describe('EngineReconciler and the session log', () => {
  const pc = (groupId: string): Device => ({ engineId: 'node//pc-1', groupId, engineGroupId: 'mesh//g', name: 'LEGE-PC-01', os: null, online: true, lastSeenAt: null });
  const terminal = (engineKey: string, startedAt: string, endedAt: string | null): ObservedSession => ({
    engineKey, deviceEngineId: 'node//pc-1', accountEngineId: 'user//~oidc:user-demo-kari', portalUserId: 'user-demo-kari', accountName: 'Kari Nordmann',
    kind: 'terminal', startedAt, endedAt, consent: null,
  });
  // The demo seed's own sessions (engine keys seed:…) are not the engine's.
  const stored = () => db.prepare(`SELECT engine_key, ended_at, version FROM remote_sessions WHERE engine_key NOT LIKE 'seed:%' ORDER BY started_at`).all() as Array<{ engine_key: string; ended_at: string | null; version: number }>;

  it('reads the sessions on the observed machines after every reconcile, each stored once however often the engine resends it', async () => {
    await activateAndReconcileDemo();
    engine.devices = [pc(demoGroupId())];
    engine.sessions = [terminal('s1', '2026-03-02T08:00:00.000Z', '2026-03-02T08:10:00.000Z'), terminal('s2', '2026-03-02T08:30:00.000Z', null)];
    expect(await reconciler.reconcile()).toMatchObject({ ok: true });
    const first = stored();
    expect(first.map((row) => [row.engine_key, row.ended_at])).toEqual([['s1', '2026-03-02T08:10:00.000Z'], ['s2', null]]);
    expect(engine.sessionsAskedSince).toEqual(new Map());

    await reconciler.reconcile();
    expect(stored()).toEqual(first);
    // The next read only needs what ended after the latest end the portal holds (open sessions always come).
    expect(engine.sessionsAskedSince).toEqual(new Map([['node//pc-1', '2026-03-02T08:10:00.000Z']]));

    engine.sessions = [terminal('s1', '2026-03-02T08:00:00.000Z', '2026-03-02T08:10:00.000Z'), terminal('s2', '2026-03-02T08:30:00.000Z', '2026-03-02T08:45:00.000Z')];
    await reconciler.reconcile();
    const ended = stored();
    expect(ended[0]).toEqual(first[0]);
    expect(ended[1]).toMatchObject({ engine_key: 's2', ended_at: '2026-03-02T08:45:00.000Z' });
    expect(ended[1]!.version).toBeGreaterThan(first[1]!.version);
  });

  it('a session log the engine answers with nonsense, or entries it cannot read, are logged without failing the reconcile', async () => {
    const lines: string[] = [];
    await reconciler.stop();
    reconciler = new EngineReconciler({ db, engine, now: clock.now, log: (line) => lines.push(line) });
    await activateAndReconcileDemo();
    engine.devices = [pc(demoGroupId())];
    engine.sessions = [terminal('s1', '2026-03-02T08:00:00.000Z', '2026-03-02T08:10:00.000Z')];
    engine.sessionLogSkipped = ['relaylog 10 on node//pc-1 at 2026-03-02T08:20:00.000Z: no readable duration'];
    expect(await reconciler.reconcile()).toMatchObject({ ok: true });
    await reconciler.reconcile();
    expect(stored()).toHaveLength(1);
    // Once per entry, not on every reconcile.
    expect(lines).toEqual(['engine session log: left out relaylog 10 on node//pc-1 at 2026-03-02T08:20:00.000Z: no readable duration']);

    engine.sessionLogBroken = true;
    const group = createMachineGroup(db, admin, 'Etter loggfeil', clock.now(), 0);
    expect(await reconciler.reconcile()).toMatchObject({ ok: true });
    expect(engine.groups.has(group.id)).toBe(true);
    expect(lines.at(-1)).toMatch(/^engine session log not read: PROTOCOL: /);
    expect(db.prepare('SELECT last_error_code FROM engine_runs').pluck().get()).toBeNull();
  });
});
