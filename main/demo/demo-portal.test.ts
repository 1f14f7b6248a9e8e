import { createServer } from 'node:net';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startDemoPortal } from './demo-portal';

describe('startDemoPortal', () => {
  it('keeps its data in the data folder and moves to a free port when the usual one is taken', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const taken = (blocker.address() as { port: number }).port;
    const dataDir = mkdtempSync(join(tmpdir(), 'demo-portal-'));
    try {
      const demo = await startDemoPortal(dataDir, { port: taken });
      try {
        expect(new URL(demo.server.url).port).not.toBe(String(taken));
        expect(demo.profile).toMatchObject({ id: 'demo', issuer: `${demo.server.url}/oidc`, clientId: 'fjernhjelp-admin' });
        const discovery = (await (await fetch(`${demo.profile.issuer}/.well-known/openid-configuration`)).json()) as { issuer: string };
        expect(discovery.issuer).toBe(demo.profile.issuer);
      } finally {
        await demo.server.close();
      }
    } finally {
      blocker.close();
    }
  });
});
