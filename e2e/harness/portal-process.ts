import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';

export interface PortalProcess {
  url: string;
  issuer: string;
  /** Its SQLite file, for what a test sets up that no API offers (e.g. a vendor's portal administrator). */
  dbPath: string;
  /** SIGKILL: the portal vanishes as a real one does when the network goes. */
  kill(): Promise<void>;
  /** The network comes back: the same database on the same port, in a new process. */
  restart(): Promise<void>;
}

/** The reference portal as its own process (`server/cli.ts`), seeded like the demo. */
export async function startPortalProcess(args: string[] = []): Promise<PortalProcess> {
  const dir = mkdtempSync(join(tmpdir(), 'e2e-portal-'));
  const dbPath = join(dir, 'portal.db');
  const launch = async (port: number) => {
    const child: ChildProcess = spawn(
      process.execPath,
      ['--import', 'tsx', 'server/cli.ts', '--port', String(port), '--db', dbPath, '--seed', 'demo', ...args],
      { cwd: resolve(import.meta.dirname, '../..'), stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const ready = await new Promise<{ url: string; issuer: string }>((done, fail) => {
      createInterface({ input: child.stdout! }).once('line', (line) => done(JSON.parse(line) as { url: string; issuer: string }));
      child.once('exit', (code) => fail(new Error(`portal exited (${code})`)));
    });
    return { child, ready };
  };
  const first = await launch(0);
  const ready = first.ready;
  let child = first.child;
  const kill = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGKILL');
    await new Promise((done) => child.once('exit', done));
  };
  return {
    ...ready,
    dbPath,
    kill,
    async restart() {
      await kill();
      ({ child } = await launch(Number(new URL(ready.url).port)));
    },
  };
}

/** A data folder whose settings.json names `portal` as the active profile, as "add a portal" in settings would. */
export function dataDirWithProfile(portal: { url: string; issuer: string }): string {
  const dataDir = mkdtempSync(join(tmpdir(), 'fjernhjelp-harness-'));
  const profile = { id: 'test-portal', name: 'Testportal', portalUrl: portal.url, issuer: portal.issuer, clientId: 'fjernhjelp-admin' };
  writeFileSync(join(dataDir, 'settings.json'), JSON.stringify({ profiles: [profile], activeProfileId: profile.id, subjects: {} }), { mode: 0o600 });
  return dataDir;
}
