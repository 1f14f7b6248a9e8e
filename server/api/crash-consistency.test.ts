import Database from 'better-sqlite3';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = new URL('../..', import.meta.url).pathname;
const children: ChildProcess[] = [];

/** `npm run server` as a child process, so it can be killed with SIGKILL mid-request. */
async function startServerProcess(dbPath: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'server/cli.ts', '--db', dbPath, '--seed', 'demo', '--dev-tokens', '--activation-delay-ms', '0', '--group-sync-delay-ms', '0'],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  children.push(child);
  const lines = createInterface({ input: child.stdout! });
  const url = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
    lines.once('line', (line) => resolve((JSON.parse(line) as { url: string }).url));
  });
  return { child, url };
}

async function call(url: string, token: string, method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> { // eslint-disable-line @typescript-eslint/no-explicit-any
  const response = await fetch(`${url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body !== undefined && { 'content-type': 'application/json' }) },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

describe('killing the server mid-request', () => {
  let dir: string | undefined;
  afterAll(async () => {
    // A failed assertion must not leave a server behind.
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('never leaves a change without its audit event, or a version ahead of the counter', async () => {
    dir = await mkdtemp(join(tmpdir(), 'portal-crash-'));
    const dbPath = join(dir, 'portal.db');
    const { child, url } = await startServerProcess(dbPath);
    const exited = new Promise((resolve) => child.once('exit', resolve));

    const token = ((await (await fetch(`${url}/dev/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'demo.admin' }) })).json()) as { access_token: string }).access_token;
    const service = await call(url, token, 'GET', '/api/v1/services/remote-support');
    await call(url, token, 'POST', '/api/v1/services/remote-support/activation', { acceptTerms: true, termsVersion: service.body.terms.version });
    const vendors = ((await call(url, token, 'GET', '/api/v1/vendors?limit=100')).body as Array<{ id: string }>).map((vendor) => vendor.id);
    const users = ((await call(url, token, 'GET', '/api/v1/users')).body as Array<{ id: string }>).map((user) => user.id);

    // Many writers of every kind, until the process dies under them.
    const acknowledgedGroups: string[] = [];
    let stop = false;
    let completed = 0;
    const writer = async (worker: number): Promise<void> => {
      for (let i = 0; !stop; i++) {
        try {
          const group = await call(url, token, 'POST', '/api/v1/machine-groups', { name: `Krasj ${worker}-${i}` });
          if (group.status === 201) acknowledgedGroups.push(group.body.id);
          await call(url, token, 'PUT', `/api/v1/machine-groups/${group.body.id}/grants/${vendors[i % vendors.length]}`, { mode: i % 2 ? 'with_approval' : 'without_approval' });
          const user = users[(worker + i) % users.length]!;
          const current = await call(url, token, 'GET', `/api/v1/users/${user}`);
          await fetch(`${url}/api/v1/users/${user}`, {
            method: 'PATCH',
            headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'if-match': `W/"${current.body.version}"` },
            body: JSON.stringify({ email: `krasj${worker}.${i}@example.no` }),
          });
          if (i % 5 === 0) await call(url, token, 'POST', '/api/v1/users', { firstName: 'Krasj', lastName: `${worker}`, email: 'k@example.no', mobile: '91234567', twoFactor: 'totp' });
          completed++;
        } catch {
          return; // the connection died with the server
        }
      }
    };
    const writers = Array.from({ length: 12 }, (_, worker) => writer(worker));
    while (completed < 40) await new Promise((resolve) => setTimeout(resolve, 10));
    child.kill('SIGKILL');
    await exited;
    stop = true;
    await Promise.all(writers);

    let ownGroups: number | undefined;
    const db = new Database(dbPath, { readonly: true });
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      const one = <T>(sql: string, ...params: unknown[]): T => db.prepare(sql).pluck().get(...params) as T;
      const lastAfter = (type: string, id: string): Record<string, unknown> | undefined => {
        const json = one<string | undefined>(
          `SELECT after_json FROM audit_events WHERE object_type = ? AND object_id = ? AND after_json IS NOT NULL AND action NOT LIKE '%one_time_password%' ORDER BY id DESC LIMIT 1`,
          type,
          id,
        );
        return json === undefined ? undefined : (JSON.parse(json) as Record<string, unknown>);
      };

      // Every acknowledged write survived.
      for (const id of acknowledgedGroups) expect(one('SELECT COUNT(*) FROM machine_groups WHERE id = ?', id)).toBe(1);

      const groups = db.prepare('SELECT id, name FROM machine_groups').all() as Array<{ id: string; name: string }>;
      expect(groups.length).toBeGreaterThan(30);
      ownGroups = groups.filter((group) => !group.id.startsWith('group-vendor-')).length;
      for (const group of groups) expect(lastAfter('machineGroup', group.id)?.['name'], group.id).toBe(group.name);

      const grants = db.prepare('SELECT group_id, vendor_id, mode FROM grants').all() as Array<{ group_id: string; vendor_id: string; mode: string }>;
      for (const grant of grants) expect(lastAfter('grant', `${grant.group_id}:${grant.vendor_id}`)?.['mode']).toBe(grant.mode);

      const userRows = db.prepare('SELECT id, email, version FROM users').all() as Array<{ id: string; email: string; version: number }>;
      for (const user of userRows) expect(lastAfter('user', user.id), user.id).toMatchObject({ email: user.email, version: user.version });

      // And no audit event describes a change that did not happen.
      const created = db.prepare(`SELECT object_id FROM audit_events WHERE action = 'machineGroup.created'`).pluck().all() as string[];
      for (const id of created) expect(one('SELECT COUNT(*) FROM machine_groups WHERE id = ?', id)).toBe(1);

      const counter = one<number>('SELECT value FROM version_counter');
      const highest = one<number>(
        `SELECT MAX(v) FROM (SELECT MAX(version) v FROM organisations UNION ALL SELECT MAX(version) FROM users UNION ALL SELECT MAX(version) FROM machine_groups
         UNION ALL SELECT MAX(version) FROM grants UNION ALL SELECT MAX(version) FROM audit_events UNION ALL SELECT MAX(version) FROM tombstones)`,
      );
      expect(counter).toBeGreaterThanOrEqual(highest);
    } finally {
      db.close();
    }

    // The database opens and serves again after the crash.
    const again = await startServerProcess(dbPath);
    const restarted = new Promise((resolve) => again.child.once('exit', resolve));
    let served: { status: number; body: unknown[] };
    try {
      const newToken = ((await (await fetch(`${again.url}/dev/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'demo.admin' }) })).json()) as { access_token: string }).access_token;
      served = await call(again.url, newToken, 'GET', '/api/v1/machine-groups');
    } finally {
      again.child.kill('SIGTERM');
      await restarted;
    }
    expect(served.status).toBe(200);
    expect(served.body).toHaveLength(ownGroups!);
  }, 60_000);
});
