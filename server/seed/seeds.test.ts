import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifySecret } from '../auth/password';
import { openDatabase, type Db } from '../db/database';
import { readSyncPage } from '../sync/sync-feed';
import { osloTimestamp } from '../../common/time/oslo-time';
import { DEMO_ADMIN, DEMO_ORGANISATION } from './demo-credentials';
import { DEMO_SESSIONS } from './demo-sessions';
import { applySeed } from './index';

const NOW = new Date('2026-03-02T09:00:00Z');

describe('seeds', () => {
  let dir: string;
  const open = (name: string): Db => openDatabase(join(dir, `${name}.db`));
  const count = (db: Db, sql: string, ...params: unknown[]): number => db.prepare(sql).pluck().get(...params) as number;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'portal-seed-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('empty leaves the database empty', async () => {
    const db = open('empty');
    await applySeed(db, 'empty', NOW);
    expect(count(db, 'SELECT COUNT(*) FROM organisations')).toBe(0);
    db.close();
  });

  it('demo: the inactive organisation, its admin, users and 25 fictional vendors, two of which granted access', async () => {
    const db = open('demo');
    await applySeed(db, 'demo', NOW);
    const org = db.prepare('SELECT * FROM organisations WHERE id = ?').get(DEMO_ORGANISATION.id) as Record<string, unknown>;
    expect(org).toMatchObject({ name: 'Norsk Helsenett test', prefix: 'NorskHelsenetttest', service_status: 'inactive' });

    const admin = db.prepare('SELECT * FROM users WHERE username = ?').get(DEMO_ADMIN.username) as Record<string, string | number>;
    expect(admin).toMatchObject({ id: DEMO_ADMIN.id, totp_secret: DEMO_ADMIN.totpSecret, is_portal_admin: 1, organisation_id: DEMO_ORGANISATION.id });
    await expect(verifySecret(DEMO_ADMIN.password, String(admin['password_hash']))).resolves.toBe(true);
    expect(count(db, 'SELECT COUNT(*) FROM users WHERE organisation_id = ? AND is_remote_support_user = 1', DEMO_ORGANISATION.id)).toBe(3);

    const vendors = db.prepare('SELECT name FROM organisations WHERE id <> ?').pluck().all(DEMO_ORGANISATION.id) as string[];
    expect(vendors).toHaveLength(25);
    expect(vendors.some((name) => /[æøåÆØÅ]/.test(name))).toBe(true);
    const grants = db.prepare('SELECT g.name, gr.mode FROM grants gr JOIN machine_groups g ON g.id = gr.group_id WHERE gr.vendor_id = ? ORDER BY g.name').all(DEMO_ORGANISATION.id);
    expect(grants).toEqual([
      { name: 'Maskiner', mode: 'with_approval' },
      { name: 'Servere', mode: 'without_approval' },
    ]);

    // Versions come from the one counter, and nothing is ahead of it.
    const max = count(
      db,
      `SELECT MAX(v) FROM (SELECT MAX(version) v FROM organisations UNION ALL SELECT MAX(version) FROM users
       UNION ALL SELECT MAX(version) FROM machine_groups UNION ALL SELECT MAX(version) FROM grants UNION ALL SELECT MAX(version) FROM audit_events
       UNION ALL SELECT MAX(version) FROM remote_sessions)`,
    );
    expect(count(db, 'SELECT value FROM version_counter')).toBe(max);

    // Sessions of the demo organisation's technicians on the two granted groups, recorded for each group's owner.
    const sessions = db.prepare(
      `SELECT s.*, g.organisation_id AS owner FROM remote_sessions s JOIN machine_groups g ON g.id = s.group_id ORDER BY started_at`,
    ).all() as Array<Record<string, string | null>>;
    expect(sessions.length).toBeGreaterThanOrEqual(10);
    for (const session of sessions) {
      expect(session['organisation_id']).toBe(session['owner']);
      expect(session['vendor_id']).toBe(DEMO_ORGANISATION.id);
      expect(session['vendor_name']).toBe(DEMO_ORGANISATION.name);
      expect(session['username']).toBe(db.prepare('SELECT username FROM users WHERE id = ?').pluck().get(session['user_id']));
      expect(session['ended_at']! > session['started_at']!).toBe(true);
      expect(session['started_at']! < NOW.toISOString()).toBe(true);
    }
    const daysAgo = (session: Record<string, string | null>) => (NOW.getTime() - Date.parse(session['started_at']!)) / 86_400_000;
    const osloHour = (iso: string) => Number(new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Oslo', hour: '2-digit', hourCycle: 'h23' }).format(new Date(iso)));
    expect(sessions.some((session) => daysAgo(session) < 2)).toBe(true);
    expect(sessions.some((session) => daysAgo(session) > 90)).toBe(true);
    expect(sessions.some((session) => osloHour(session['started_at']!) < 8 || osloHour(session['started_at']!) >= 16)).toBe(true);
    expect(new Set(sessions.map((session) => session['consent']))).toEqual(new Set(['given', 'refused', 'asked', 'notNeeded']));
    expect(new Set(sessions.map((session) => session['kind']))).toEqual(new Set(['desktop', 'terminal', 'files']));
    // Each starts at its Oslo wall-clock time on the Oslo day `daysAgo` before NOW's (02.03.2026), in winter and
    // summer time alike, and lasts its minutes.
    const oslo = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    const byKey = new Map(sessions.map((session) => [session['engine_key'], session]));
    expect(byKey.size).toBe(DEMO_SESSIONS.length);
    DEMO_SESSIONS.forEach((demo, index) => {
      const session = byKey.get(`seed:demo-${index + 1}`)!;
      const day = new Date(Date.UTC(2026, 2, 2 - demo.daysAgo)).toISOString().slice(0, 10);
      expect(oslo.format(new Date(session['started_at']!)), `session ${index + 1}`).toBe(`${day}, ${demo.at}`);
      expect(Date.parse(session['ended_at']!) - Date.parse(session['started_at']!)).toBe(demo.minutes * 60_000);
    });
    expect(new Set(sessions.map((session) => /\+0[12]:00$/.exec(osloTimestamp(session['started_at']!))?.[0]))).toEqual(new Set(['+01:00', '+02:00']));

    // Consent follows the grant: asked for on "Maskiner" (with approval), never on "Servere" (without).
    const consentsOn = (name: string) => new Set(sessions.filter((session) => session['group_name']!.endsWith(`-${name}`)).map((session) => session['consent']));
    expect(consentsOn('Servere')).toEqual(new Set(['notNeeded']));
    expect(consentsOn('Maskiner')).toEqual(new Set(['given', 'refused', 'asked']));

    // Seeding again leaves an existing database alone.
    await applySeed(db, 'demo', NOW);
    expect(count(db, 'SELECT COUNT(*) FROM organisations')).toBe(26);
    db.close();
  });

  // How fast seeding and paging are is the bench's to show (npm run bench), not a test's.
  it('large:10000 seeds N users, N/5 groups, 10N grants, 200 vendors, active; the sync feed pages through it', async () => {
    const db = open('large');
    await applySeed(db, { large: 10_000 }, NOW);
    const org = DEMO_ORGANISATION.id;
    expect(count(db, 'SELECT COUNT(*) FROM users WHERE organisation_id = ? AND is_remote_support_user = 1', org)).toBe(10_000);
    expect(count(db, 'SELECT COUNT(*) FROM machine_groups WHERE organisation_id = ?', org)).toBe(2_000);
    expect(count(db, 'SELECT COUNT(*) FROM grants gr JOIN machine_groups g ON g.id = gr.group_id WHERE g.organisation_id = ?', org)).toBe(100_000);
    expect(count(db, 'SELECT COUNT(*) FROM organisations WHERE id <> ?', org)).toBe(200);
    expect(count(db, 'SELECT service_status FROM organisations WHERE id = ?', org)).toBe('active');

    // No sessions unless asked for (large:<N>:<sessions>), and then no vendor technicians either.
    expect(count(db, 'SELECT COUNT(*) FROM remote_sessions')).toBe(0);
    expect(count(db, 'SELECT COUNT(*) FROM users WHERE organisation_id <> ?', org)).toBe(0);

    const first = readSyncPage(db, org, 0, 1000);
    const middle = readSyncPage(db, org, 60_000, 1000);
    expect(first.changes).toHaveLength(1000);
    expect(middle.hasMore).toBe(true);
    db.close();
  });

  it('large:1000:100000 gives the bench 100 000 sessions on 10 000 grants, recent and old, some grants never used', async () => {
    const db = open('large-sessions');
    await applySeed(db, { large: 1_000, sessions: 100_000 }, NOW);
    const org = DEMO_ORGANISATION.id;
    expect(count(db, 'SELECT COUNT(*) FROM grants WHERE organisation_id = ?', org)).toBe(10_000);
    expect(count(db, 'SELECT COUNT(*) FROM remote_sessions WHERE organisation_id = ?', org)).toBe(100_000);
    const used = count(db, 'SELECT COUNT(*) FROM (SELECT DISTINCT group_id, vendor_id FROM remote_sessions)');
    expect(used).toBeGreaterThan(5_000);
    expect(used).toBeLessThan(10_000);
    const cutoff = new Date(NOW.getTime() - 90 * 86_400_000).toISOString();
    expect(count(db, 'SELECT COUNT(*) FROM remote_sessions WHERE started_at < ?', cutoff)).toBeGreaterThan(10_000);
    expect(count(db, 'SELECT COUNT(*) FROM remote_sessions WHERE started_at >= ?', cutoff)).toBeGreaterThan(10_000);
    expect(count(db, 'SELECT COUNT(*) FROM remote_sessions WHERE started_at >= ?', NOW.toISOString())).toBe(0);
    // Each session on the organisation's own group, by a technician of the grant's vendor.
    expect(
      count(db, `SELECT COUNT(*) FROM remote_sessions s LEFT JOIN grants gr ON gr.group_id = s.group_id AND gr.vendor_id = s.vendor_id
                 LEFT JOIN users u ON u.id = s.user_id WHERE gr.organisation_id IS NOT s.organisation_id OR u.organisation_id IS NOT s.vendor_id`),
    ).toBe(0);
    expect(count(db, `SELECT COUNT(DISTINCT kind || consent) FROM remote_sessions`)).toBeGreaterThanOrEqual(10);
    const max = count(db, 'SELECT MAX(version) FROM remote_sessions');
    expect(count(db, 'SELECT value FROM version_counter')).toBe(max);
    db.close();
  });
});
