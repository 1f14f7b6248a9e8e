import { parseArgs } from 'node:util';
import {
  checkCertHash,
  checkEngineSignIn,
  checkEngineUrl,
  DEFAULT_ENGINE_SIGN_IN_CLIENT_ID,
  readEngineCredentials,
  readEngineSignInSecret,
  type EngineConfig,
} from './engine/engine-config';
import type { SeedSpec } from './options';
import { startPortalServer } from './start';

/**
 * `npm run server -- --port 0 --db <file> --seed demo|empty|large:<N>[:<sessions>] [--dev-tokens] [--show-demo-credentials]
 *   [--engine none|meshcentral --engine-url wss://… --engine-cert-hash <sha-384 hex> --engine-credentials-file <json>
 *    [--engine-sign-in-redirect-uri https://<engine>/auth-oidc-callback [--engine-sign-in-client-id <id>]]]`
 * Prints one JSON line {"url","issuer"} on stdout when ready; stops on SIGINT/SIGTERM.
 * The engine's account comes from the file or FJERNHJELP_ENGINE_USERNAME/PASSWORD, never from the command line;
 * so does the secret of the engine's sign-in client (the file's "signInClientSecret" or
 * FJERNHJELP_ENGINE_SIGN_IN_CLIENT_SECRET), needed when --engine-sign-in-redirect-uri is given.
 */
const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    db: { type: 'string' },
    seed: { type: 'string', default: 'demo' },
    'dev-tokens': { type: 'boolean', default: false },
    'activation-delay-ms': { type: 'string' },
    'group-sync-delay-ms': { type: 'string' },
    log: { type: 'boolean', default: false },
    // The DEMO box on the sign-in page (demo credentials and the current code); only honoured with --seed demo.
    'show-demo-credentials': { type: 'boolean', default: false },
    engine: { type: 'string', default: 'none' },
    'engine-url': { type: 'string' },
    'engine-cert-hash': { type: 'string' },
    'engine-credentials-file': { type: 'string' },
    'engine-reconcile-interval-ms': { type: 'string' },
    'engine-sign-in-redirect-uri': { type: 'string' },
    'engine-sign-in-client-id': { type: 'string', default: DEFAULT_ENGINE_SIGN_IN_CLIENT_ID },
  },
});

function parseSeed(text: string): SeedSpec {
  if (text === 'demo' || text === 'empty') return text;
  const large = /^large:(\d+)(?::(\d+))?$/.exec(text);
  if (large) return { large: Number(large[1]), ...(large[2] !== undefined && { sessions: Number(large[2]) }) };
  throw new Error(`--seed must be demo, empty, large:<N> or large:<N>:<sessions>, not ${text}`);
}

function parseDelay(name: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0) throw new Error(`--${name} must be a whole number of milliseconds`);
  return value;
}

function parseEngine(): EngineConfig {
  if (values.engine === 'none') return { kind: 'none' };
  if (values.engine !== 'meshcentral') throw new Error(`--engine must be none or meshcentral, not ${values.engine}`);
  if (!values['engine-url'] || !values['engine-cert-hash']) throw new Error('--engine meshcentral needs --engine-url and --engine-cert-hash');
  const interval = parseDelay('engine-reconcile-interval-ms', values['engine-reconcile-interval-ms']);
  const redirectUri = values['engine-sign-in-redirect-uri'];
  return {
    kind: 'meshcentral',
    url: checkEngineUrl(values['engine-url']),
    certHash: checkCertHash(values['engine-cert-hash']),
    credentials: readEngineCredentials(values['engine-credentials-file'], process.env),
    ...(interval !== undefined && { reconcileIntervalMs: interval }),
    ...(redirectUri !== undefined && {
      signIn: checkEngineSignIn({
        clientId: values['engine-sign-in-client-id'],
        clientSecret: readEngineSignInSecret(values['engine-credentials-file'], process.env),
        redirectUri,
      }),
    }),
  };
}

if (!values.db) {
  console.error('--db <file> is required');
  process.exit(2);
}

const server = await startPortalServer({
  port: Number(values.port),
  dbPath: values.db,
  seed: parseSeed(values.seed),
  devTokens: values['dev-tokens'],
  ...(values['activation-delay-ms'] !== undefined && { activationDelayMs: parseDelay('activation-delay-ms', values['activation-delay-ms']) }),
  ...(values['group-sync-delay-ms'] !== undefined && { groupSyncDelayMs: parseDelay('group-sync-delay-ms', values['group-sync-delay-ms']) }),
  logger: values.log,
  showDemoCredentials: values['show-demo-credentials'],
  engine: parseEngine(),
});
process.stdout.write(`${JSON.stringify({ url: server.url, issuer: server.issuer })}\n`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void server.close().then(() => process.exit(0));
  });
}
