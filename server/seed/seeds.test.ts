import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifySecret } from '../auth/password';
import { openDatabase, type Db } from '../db/database';
import { readSyncPage } from '../sync/sync-feed';
import { DEMO_ADMIN, DEMO_ORGANISATION } from './demo-credentials';
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
       UNION ALL SELECT MAX(version) FROM machine_groups UNION ALL SELECT MAX(version) FROM grants UNION ALL SELECT MAX(version) FROM audit_events)`,
    );
    expect(count(db, 'SELECT value FROM version_counter')).toBe(max);

    // Seeding again leaves an existing database alone.
    await applySeed(db, 'demo', NOW);
    expect(count(db, 'SELECT COUNT(*) FROM organisations')).toBe(26);
    db.close();
  });

  it('large:10000 seeds in a few seconds: N users, N/5 groups, 10N grants, 200 vendors, active; sync pages stay fast', async () => {
    const db = open('large');
    const started = performance.now();
    await applySeed(db, { large: 10_000 }, NOW);
    const seconds = (performance.now() - started) / 1000;
    // Generous for a loaded 2-core CI machine; it takes about one second on an idle one.
    expect(seconds).toBeLessThan(10);
    const org = DEMO_ORGANISATION.id;
    expect(count(db, 'SELECT COUNT(*) FROM users WHERE organisation_id = ? AND is_remote_support_user = 1', org)).toBe(10_000);
    expect(count(db, 'SELECT COUNT(*) FROM machine_groups WHERE organisation_id = ?', org)).toBe(2_000);
    expect(count(db, 'SELECT COUNT(*) FROM grants gr JOIN machine_groups g ON g.id = gr.group_id WHERE g.organisation_id = ?', org)).toBe(100_000);
    expect(count(db, 'SELECT COUNT(*) FROM organisations WHERE id <> ?', org)).toBe(200);
    expect(count(db, 'SELECT service_status FROM organisations WHERE id = ?', org)).toBe('active');

    const pageStarted = performance.now();
    const first = readSyncPage(db, org, 0, 1000);
    const middle = readSyncPage(db, org, 60_000, 1000);
    expect(first.changes).toHaveLength(1000);
    expect(middle.hasMore).toBe(true);
    expect(performance.now() - pageStarted).toBeLessThan(1000);
    db.close();
  });
});
