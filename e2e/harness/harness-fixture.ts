import { test as base } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';

export interface HarnessProcess {
  url: string;
  dataDir: string;
}

const projectDir = resolve(import.meta.dirname, '../..');

/** Starts the real web harness (`harness/cli.ts`) for one worker and waits for its ready line. */
export const test = base.extend<object, { harness: HarnessProcess }>({
  harness: [
    async ({}, use) => {
      const dataDir = mkdtempSync(join(tmpdir(), 'fjernhjelp-harness-'));
      const child = spawn(process.execPath, ['--import', 'tsx', 'harness/cli.ts', '--port', '0', '--data-dir', dataDir], {
        cwd: projectDir,
        stdio: ['ignore', 'pipe', 'inherit'],
        env: { ...process.env, FJERNHJELP_PORTAL_URL: '' },
      });
      try {
        const url = await readyUrl(child);
        await use({ url, dataDir });
      } finally {
        child.kill('SIGTERM');
        await new Promise((done) => (child.exitCode === null ? child.once('exit', done) : done(undefined)));
        rmSync(dataDir, { recursive: true, force: true });
      }
    },
    { scope: 'worker' },
  ],
});

function readyUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.once('line', (line) => resolvePromise((JSON.parse(line) as { url: string }).url));
    child.once('exit', (code) => reject(new Error(`harness exited with code ${code} before it was ready`)));
  });
}

export { expect } from '@playwright/test';
