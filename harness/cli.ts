import { mkdirSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { demoAtStart } from '../main/app-config';
import { KeytarSecretStore } from '../main/secrets/keytar-secret-store';
import { startHarness } from './server';

/**
 * `npm run start:web`: runs the app's main-process handlers behind the web harness and prints one
 * JSON line `{"url": …}` when ready: the URL to open, with the bridge key in its fragment. For machines
 * without a display or without the Electron binary.
 */
const projectDir = resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '5199' },
    'data-dir': { type: 'string', default: join(homedir(), '.fjernhjelp-admin-web') },
    'activation-delay-ms': { type: 'string' },
    'group-sync-delay-ms': { type: 'string' },
    // Tests run several harnesses at once: each keeps its refresh tokens under its own keychain service.
    'keychain-service': { type: 'string' },
    // Read by demoAtStart below; declared so that parseArgs accepts them. The harness counts as unpackaged: demo on by default.
    demo: { type: 'boolean' },
    'no-demo': { type: 'boolean' },
  },
});
const dataDir = resolve(values['data-dir']);
mkdirSync(dataDir, { recursive: true, mode: 0o700 });
const packageJson = JSON.parse(readFileSync(join(projectDir, 'package.json'), 'utf8')) as { version: string };

const harness = await startHarness({
  port: Number(values.port),
  rendererDir: join(projectDir, 'out/renderer'),
  bridgeDir: join(projectDir, 'out/harness'),
  config: {
    version: packageJson.version,
    dataDir,
    logDir: join(dataDir, 'logs'),
    demoAtStart: demoAtStart({ packaged: false, argv: process.argv.slice(2) }),
    platform: process.platform,
  },
  secrets: new KeytarSecretStore(values['keychain-service'] ? { service: values['keychain-service'] } : {}),
  adapters: {
    // There is no system browser to hand over to: print the URL (tests open it in a second page).
    openExternal: async (url) => {
      process.stdout.write(`${JSON.stringify({ openExternal: url })}\n`);
    },
    // No desktop to show it on: each notification is printed as a JSON line, where the tests read it.
    notifier: {
      notify: (notification) => {
        process.stdout.write(`${JSON.stringify({ notification })}\n`);
      },
    },
    // There is no save dialog: "the user picked" <data dir>/downloads/<default name>.
    chooseSavePath: async (defaultFileName) => {
      const folder = join(dataDir, 'downloads');
      mkdirSync(folder, { recursive: true, mode: 0o700 });
      return join(folder, defaultFileName);
    },
  },
  demoPortal: {
    ...(values['activation-delay-ms'] ? { activationDelayMs: Number(values['activation-delay-ms']) } : {}),
    ...(values['group-sync-delay-ms'] ? { groupSyncDelayMs: Number(values['group-sync-delay-ms']) } : {}),
  },
});
// The launch URL carries this start's bridge key (in its fragment): it goes to whoever started the harness, nowhere else.
process.stdout.write(`${JSON.stringify({ url: harness.launchUrl, dataDir })}\n`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void harness.close().then(() => process.exit(0));
  });
}
