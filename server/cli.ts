import { parseArgs } from 'node:util';
import type { SeedSpec } from './options';
import { startPortalServer } from './start';

/**
 * `npm run server -- --port 0 --db <file> --seed demo|empty|large:<N> [--dev-tokens] [--show-demo-credentials]`
 * Prints one JSON line {"url","issuer"} on stdout when ready; stops on SIGINT/SIGTERM.
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
  },
});

function parseSeed(text: string): SeedSpec {
  if (text === 'demo' || text === 'empty') return text;
  const large = /^large:(\d+)$/.exec(text);
  if (large) return { large: Number(large[1]) };
  throw new Error(`--seed must be demo, empty or large:<N>, not ${text}`);
}

function parseDelay(name: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0) throw new Error(`--${name} must be a whole number of milliseconds`);
  return value;
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
});
process.stdout.write(`${JSON.stringify({ url: server.url, issuer: server.issuer })}\n`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void server.close().then(() => process.exit(0));
  });
}
