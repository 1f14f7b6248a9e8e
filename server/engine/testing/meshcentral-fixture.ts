import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes, X509Certificate } from 'node:crypto';
import { closeSync, existsSync, openSync, readFileSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:https';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { installMeshCentral } from '../../../scripts/install-meshcentral';
import { MeshControlClient, type MeshDevice } from '../meshcentral/mesh-control-client';
import { certificateHash, normaliseCertHash, pinnedConnection } from '../meshcentral/pinned-tls';

/**
 * A real MeshCentral for tests: the pinned version from the shared install (scripts/install-meshcentral.ts),
 * its own data folder, loopback only, on a free port, with a generated administrator. The first start
 * generates certificates (about 15-20 s on the CI machine); share one per test file.
 *
 * Nothing here reaches the internet (see meshCentralConfig), and every process is killed when the test
 * process exits, whatever happened to the test.
 */
/**
 * MeshCentral's `oidc` auth strategy against the portal's provider: remote-support users sign in there and
 * MeshCentral makes their account (`user//~oidc:<sub>`) at the first sign-in.
 */
export interface MeshOidcSignIn {
  /** The portal's issuer, http://127.0.0.1:<port>/oidc: openid-client 5 accepts http (it only insists on https for WebFinger). */
  issuer: string;
  clientId: string;
  clientSecret: string;
}

export interface MeshCentralFixture {
  /** wss://127.0.0.1:<port> */
  url: string;
  /** https://127.0.0.1:<port>: the web app. */
  webUrl: string;
  /** Where the portal sends the user back after a sign-in for MeshCentral (webserver.js ~7202: `<domain url>auth-oidc-callback`). */
  oidcRedirectUri: string;
  /** base64 SHA-256 of the web certificate's public key: what a browser may be told to accept (and nothing else). */
  webCertSpkiHash: string;
  /** SHA-384 of the HTTPS certificate, lower-case hex: what the control client pins. */
  certHash: string;
  admin: { username: string; password: string };
  dataPath: string;
  logPath: string;
  /** The last part of MeshCentral's output, for an assertion message. */
  log(): string;
  /** An administrator session (closed by the caller). */
  connectAdmin(): Promise<MeshControlClient>;
  /** SIGTERM, then the temp folder is removed. */
  stop(): Promise<void>;
  /** SIGKILL, the data folder stays (for crash tests; then restart()). */
  kill(): Promise<void>;
  /** Stops (if running) and starts again on the same port with the same data. */
  restart(): Promise<void>;
  /**
   * Restarts with sign-in through the portal's provider (undefined: without). MeshCentral discovers the
   * issuer as it starts and does not serve until it has, so the portal must be listening first.
   */
  useOidcSignIn(signIn: MeshOidcSignIn | undefined): Promise<void>;
}

const running = new Set<ChildProcess>();
let exitHookInstalled = false;

/** The test process may end in any way: kill what we started so no MeshCentral or agent outlives it. */
function track(child: ChildProcess): void {
  running.add(child);
  child.once('exit', () => running.delete(child));
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  const killAll = (): void => {
    for (const child of running) child.kill('SIGKILL');
  };
  process.once('exit', killAll);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      killAll();
      process.exit(128 + (signal === 'SIGINT' ? 2 : 15));
    });
  }
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * config.json. Each setting that would make MeshCentral 1.1.55 reach out, and where it is read:
 * - selfUpdate false: no `npm view meshcentral` / self-update (meshcentral.js getLatestServerVersion, ~2312).
 * - agentTimeStampServer false: the Windows agents it code-signs at start are not time-stamped at
 *   timestamp.comodoca.com (meshcentral.js signMeshAgents, ~3301).
 * - noAgentUpdate: agents are not pushed new binaries (meshcentral.js ~1898).
 * - autoBackup false: no backup (and no cloud upload: webdav/s3/googledrive) (meshcentral.js ~2144).
 * - publicPushNotifications false / no firebase: no push relay at alt.meshcentral.com (meshcentral.js ~2045).
 * - plugins false: no plugin downloads (meshcentral.js ~1736). No crowdsec, trustedProxy 'cloudflare',
 *   letsencrypt, certUrl, smtp, sms or messaging: each of those would call out (meshcentral.js ~1447,
 *   ~1826, ~4370); they are simply absent.
 * - WANonly: no LAN multicast scanners (meshscanner/amtscanner); redirPort 0: no HTTP redirect server.
 * - the npm path is /bin/false (command line, --npmpath): if MeshCentral ever decided it needs a module it
 *   fails loudly instead of running npm install in the shared install folder (meshcentral.js InstallModules).
 * - filespath in the temp folder: its default is next to node_modules, i.e. in the shared install.
 * - maxInvalidLogin false: a test's deliberate wrong password must not lock 127.0.0.1 out for the others.
 * With `oidc` the only other address it calls is the portal's issuer (discovery, token, userinfo, keys), on
 * loopback. New accounts are allowed for that strategy only; password sign-up stays off (domain newAccounts).
 */
function meshCentralConfig(dataPath: string, port: number, mpsPort: number, oidc: MeshOidcSignIn | undefined): unknown {
  return {
    settings: {
      cert: '127.0.0.1',
      port,
      mpsPort,
      WANonly: true,
      exactports: true,
      redirPort: 0,
      selfUpdate: false,
      agentTimeStampServer: false,
      noAgentUpdate: true,
      autoBackup: false,
      publicPushNotifications: false,
      plugins: false,
      maxInvalidLogin: false,
      filespath: join(dataPath, '..', 'files'),
    },
    domains: { '': { title: 'Fjernhjelp test', newAccounts: false, ...(oidc && { authStrategies: { oidc: oidcStrategy(port, oidc) } }) } },
  };
}

/** MeshCentral's `oidc` strategy (webserver.js ~7935; keys as in its config schema, which it lower-cases). */
function oidcStrategy(port: number, oidc: MeshOidcSignIn): unknown {
  return {
    issuer: { issuer: oidc.issuer },
    client: { client_id: oidc.clientId, client_secret: oidc.clientSecret, redirect_uri: oidcRedirectUri(port) },
    // What the portal's client for the engine releases (server/oidc/engine-client.ts); MeshCentral's default too.
    custom: { scope: ['openid', 'profile', 'email'] },
    newAccounts: true,
  };
}

function oidcRedirectUri(port: number): string {
  return `https://127.0.0.1:${port}/auth-oidc-callback`;
}

export async function startMeshCentral(options: { oidc?: MeshOidcSignIn } = {}): Promise<MeshCentralFixture> {
  const installDir = await installMeshCentral();
  const entry = join(installDir, 'node_modules', 'meshcentral');
  const root = await mkdtemp(join(tmpdir(), 'meshcentral-'));
  const dataPath = join(root, 'meshcentral-data');
  const logPath = join(root, 'meshcentral.log');
  const port = await freePort();
  const mpsPort = await freePort();
  // Never starting with '-': MeshCentral's argument parser (minimist) would take `--pass -…` for flags.
  const admin = { username: 'admin', password: `p${randomBytes(24).toString('base64url')}` };
  await mkdir(dataPath);
  const writeConfig = (oidc: MeshOidcSignIn | undefined): Promise<void> =>
    writeFile(join(dataPath, 'config.json'), JSON.stringify(meshCentralConfig(dataPath, port, mpsPort, oidc), null, 2), { mode: 0o600 });
  await writeConfig(options.oidc);

  const log = (): string => (existsSync(logPath) ? readFileSync(logPath, 'utf8').slice(-4_000) : '');
  const run = async (args: string[]): Promise<void> => {
    // The one-shot account commands: the password is on their command line (MeshCentral has no other
    // way), for a test-only account in a temp folder; it is never logged.
    const child = spawnMeshCentral(entry, dataPath, logPath, args);
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    if (code !== 0) throw new Error(`MeshCentral ${args[0]} failed (exit ${code}):\n${log()}`);
  };

  let server: ChildProcess | undefined;
  let certHash = '';
  let webCertSpkiHash = '';
  const url = `wss://127.0.0.1:${port}`;

  async function start(): Promise<void> {
    const child = spawnMeshCentral(entry, dataPath, logPath, []);
    server = child;
    const exited = new Promise<never>((_, reject) => child.once('exit', (code) => reject(new Error(`MeshCentral exited (code ${code}) before it was ready:\n${log()}`))));
    exited.catch(() => undefined);
    try {
      await Promise.race([exited, waitUntilReady()]);
    } catch (error) {
      child.kill('SIGKILL');
      throw error;
    }
  }

  /** The certificate exists once MeshCentral generated it; then health.ashx answers over the pinned TLS. */
  async function waitUntilReady(): Promise<void> {
    const certificate = join(dataPath, 'webserver-cert-public.crt');
    const deadline = Date.now() + 180_000;
    let lastError = 'no certificate yet';
    while (Date.now() < deadline) {
      if (existsSync(certificate)) {
        const pem = readFileSync(certificate, 'utf8');
        certHash = certificateHash(pem);
        webCertSpkiHash = spkiHash(pem);
        try {
          if ((await httpsGet(port, '/health.ashx', certHash)).toString() === 'ok') return;
        } catch (error) {
          lastError = (error as Error).message;
        }
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    throw new Error(`MeshCentral was not ready within 180 s (${lastError}):\n${log()}`);
  }

  async function stopProcess(signal: NodeJS.Signals): Promise<void> {
    const child = server;
    server = undefined;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill(signal);
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  }

  try {
    await run(['--createaccount', admin.username, '--pass', admin.password, '--email', 'admin@fjernhjelp.invalid']);
    await run(['--adminaccount', admin.username]);
    await start();
  } catch (error) {
    // The error carries the end of MeshCentral's log; the folder goes, as it would on stop().
    await rm(root, { recursive: true, force: true });
    throw error;
  }
  return {
    url,
    webUrl: `https://127.0.0.1:${port}`,
    oidcRedirectUri: oidcRedirectUri(port),
    get certHash() {
      return certHash;
    },
    get webCertSpkiHash() {
      return webCertSpkiHash;
    },
    admin,
    dataPath,
    logPath,
    log,
    connectAdmin: () => MeshControlClient.connect({ url, certHash, username: admin.username, password: admin.password }),
    async stop() {
      await stopProcess('SIGTERM');
      await rm(root, { recursive: true, force: true });
    },
    kill: () => stopProcess('SIGKILL'),
    async restart() {
      await stopProcess('SIGTERM');
      await start();
    },
    async useOidcSignIn(oidc) {
      await stopProcess('SIGTERM');
      await writeConfig(oidc);
      await start();
    },
  };
}

/** For Chromium's --ignore-certificate-errors-spki-list: base64 SHA-256 of the DER SubjectPublicKeyInfo. */
function spkiHash(pem: string): string {
  const spki = new X509Certificate(pem).publicKey.export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(spki).digest('base64');
}

function spawnMeshCentral(entry: string, dataPath: string, logPath: string, args: string[]): ChildProcess {
  const out = openSync(logPath, 'a');
  // cwd is the temp folder: MeshCentral takes --datapath, but writes some files relative to cwd (core dumps).
  const child = spawn(process.execPath, [entry, '--datapath', dataPath, '--npmpath', '/bin/false', ...args], {
    cwd: join(dataPath, '..'),
    stdio: ['ignore', out, out],
    env: { PATH: process.env['PATH'] ?? '/usr/bin:/bin', HOME: join(dataPath, '..'), NODE_ENV: 'production' },
  });
  closeSync(out);
  track(child);
  return child;
}

/** GET over TLS pinned to `certHash` (the agent download endpoints need no login). */
function httpsGet(port: number, path: string, certHash: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path, method: 'GET', createConnection: pinnedConnection(normaliseCertHash(certHash), 10_000) as never },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => (response.statusCode === 200 ? resolve(Buffer.concat(chunks)) : reject(new Error(`GET ${path}: HTTP ${response.statusCode}`))));
        response.on('error', reject);
      },
    );
    req.on('error', reject);
    req.setTimeout(10_000, () => req.destroy(new Error(`GET ${path}: no answer in 10 s`)));
    req.end();
  });
}

export interface RunningAgent {
  nodeId: string;
  device: MeshDevice;
  /** SIGTERM the agent; its temp folder is removed. */
  stop(): Promise<void>;
}

/**
 * Downloads MeshCentral's Linux x86-64 agent (architecture id 6) and the device group's meshagent.msh
 * through the server's own endpoints (/meshagents and /meshsettings, as `meshctrl agentdownload` does),
 * runs `meshagent connect` from a temp folder (no install, no service) and waits until the device is
 * online in the group and has reported its OS (a moment after it connected).
 */
export async function startAgent(fixture: MeshCentralFixture, deviceGroupId: string): Promise<RunningAgent> {
  const port = Number(new URL(fixture.url).port);
  const shortId = deviceGroupId.split('/')[2] ?? deviceGroupId;
  const folder = await mkdtemp(join(tmpdir(), 'meshagent-'));
  const binary = join(folder, 'meshagent');
  await writeFile(binary, await httpsGet(port, `/meshagents?id=6&meshid=${encodeURIComponent(shortId)}&installflags=0`, fixture.certHash));
  await chmod(binary, 0o755);
  await writeFile(join(folder, 'meshagent.msh'), await httpsGet(port, `/meshsettings?id=${encodeURIComponent(shortId)}`, fixture.certHash));

  const logPath = join(folder, 'agent.log');
  const out = openSync(logPath, 'a');
  const agent = spawn(binary, ['connect'], { cwd: folder, stdio: ['ignore', out, out], env: { PATH: process.env['PATH'] ?? '/usr/bin:/bin', HOME: folder } });
  closeSync(out);
  track(agent);
  const stop = async (): Promise<void> => {
    if (agent.exitCode === null && agent.signalCode === null) {
      const exited = new Promise((resolve) => agent.once('exit', resolve));
      agent.kill('SIGTERM');
      const timer = setTimeout(() => agent.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    }
    await rm(folder, { recursive: true, force: true });
  };

  const client = await fixture.connectAdmin();
  try {
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      if (agent.exitCode !== null) break;
      const device = (await client.listDevices(deviceGroupId)).find((candidate) => candidate.online && candidate.os !== null);
      if (device) return { nodeId: device.id, device, stop };
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const agentLog = existsSync(logPath) ? readFileSync(logPath, 'utf8').slice(-2_000) : '';
    await stop();
    throw new Error(`The agent did not come online in ${deviceGroupId} (exit ${agent.exitCode}):\n${agentLog}\n--- MeshCentral:\n${fixture.log()}`);
  } finally {
    await client.close();
  }
}
