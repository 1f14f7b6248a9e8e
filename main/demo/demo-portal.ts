import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { startPortalServer, type RunningPortalServer } from '../../server/start';
import { CLIENT_ID, DEMO_PROFILE_ID, type Profile } from '../auth/profile';

/**
 * A stable loopback port keeps the demo issuer's URL the same across restarts (its sessions then
 * survive them too); if something else holds it, any free port will do.
 */
export const DEMO_PORT = 47831;

export interface DemoPortal {
  server: RunningPortalServer;
  profile: Profile;
}

export interface DemoPortalOptions {
  port?: number;
  activationDelayMs?: number;
  groupSyncDelayMs?: number;
}

/** Demo mode: the reference portal runs in-process, its database in the app's data folder. */
export async function startDemoPortal(dataDir: string, options: DemoPortalOptions = {}): Promise<DemoPortal> {
  const folder = join(dataDir, 'demo-portal');
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  const start = (port: number): Promise<RunningPortalServer> =>
    startPortalServer({
      port,
      dbPath: join(folder, 'portal.sqlite'),
      seed: 'demo',
      showDemoCredentials: true,
      ...(options.activationDelayMs !== undefined ? { activationDelayMs: options.activationDelayMs } : {}),
      ...(options.groupSyncDelayMs !== undefined ? { groupSyncDelayMs: options.groupSyncDelayMs } : {}),
    });
  let server: RunningPortalServer;
  try {
    server = await start(options.port ?? DEMO_PORT);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    server = await start(0);
  }
  return {
    server,
    profile: { id: DEMO_PROFILE_ID, name: 'Demo', portalUrl: server.url, issuer: server.issuer, clientId: CLIENT_ID },
  };
}
