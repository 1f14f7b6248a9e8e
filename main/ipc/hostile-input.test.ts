import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { channelNames, channels, type ChannelName } from '../../common/contract';
import type { Result } from '../../common/result';
import { AppCore } from '../app-core';
import { createHandlers } from '../handlers';
import type { Logger } from '../log/logger';
import { APP_ENTRY_URL } from '../protocol/app-url';
import { SettingsStore } from '../settings/settings-store';
import { startTestPortal, testSecrets, type TestPortal } from '../test-support/portal-fixture';
import { createDispatcher, type Dispatch } from './dispatcher';
import { sameOriginPolicy } from './sender-policy';

/**
 * No input reaches "Det oppstod en uventet feil": every channel, through the real dispatcher and
 * handlers, against the real portal, with values a person could type or paste and values no window of
 * the app would send. Each is answered with a result the renderer can explain (ok, INVALID_INPUT with
 * fields, NOT_FOUND, NOT_SIGNED_IN, …), never INTERNAL.
 */

/** What a person types or pastes into a text field, and what an attacker would try. */
const TEXTS = [
  '',
  ' ',
  'a',
  'kunde.nhn.no',
  'not a url',
  'http://kunde.nhn.no',
  'https://kunde.nhn.no',
  'https://user:pw@kunde.nhn.no/?q=1#x',
  '../../../etc/passwd',
  '%2e%2e%2f%00',
  '<script>alert(1)</script>',
  "'; DROP TABLE users; --",
  '=HYPERLINK("http://x")',
  '\u0000\u0007\u001b',
  '\u200b\u202e\u2066',
  '\ud800',
  '😀🖥️',
  'æøå ÆØÅ čđŋšŧž',
  '__proto__',
  'constructor',
  '00000000-0000-0000-0000-000000000000',
  '9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d',
  '2026-02-30',
  '0000-01-01',
  '9999-12-31',
  '1970-01-01T00:00:00Z',
  '2026-01-01T00:00:00.123456789Z',
  '+4712345678',
  'ccccccbcgujhingjrdejhgfnuetrgigvejhhgbkugded',
  'CCCCCCBCGUJHINGJRDEJHGFNUETRGIGVEJHHGBKUGDED',
];
const NUMBERS = [0, -1, 1, 1.5, 2 ** 31, Number.MAX_SAFE_INTEGER];
/** Whole inputs of the wrong kind: each must be refused by the contract, naming what is wrong. */
const WRONG_WHOLES: unknown[] = [null, 0, 'text', [], true, { extra: 1 }];

type Def = { type: string; shape?: Record<string, z.ZodType>; innerType?: z.ZodType; element?: z.ZodType; entries?: Record<string, unknown>; values?: unknown[] };
const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;
const maxLengthOf = (schema: z.ZodType): number | undefined => (schema as unknown as { _zod: { bag?: { maximum?: number } } })._zod.bag?.maximum;

/** Candidate values for one field, kept only when the field's own schema takes them: they reach the handler. */
function fieldValues(schema: z.ZodType, ids: readonly string[]): unknown[] {
  const def = defOf(schema);
  switch (def.type) {
    case 'optional':
      return [undefined, ...fieldValues(def.innerType!, ids)];
    case 'nullable':
      return [null, ...fieldValues(def.innerType!, ids)];
    case 'default':
      return fieldValues(def.innerType!, ids);
    case 'enum':
      return Object.values(def.entries ?? {});
    case 'literal':
      return def.values ?? [];
    case 'boolean':
      return [true, false];
    case 'number':
      return NUMBERS.filter((value) => schema.safeParse(value).success);
    case 'array': {
      const items = fieldValues(def.element!, ids).slice(0, 12);
      return [[], items.slice(0, 1), items, [...items, ...items]].filter((value) => schema.safeParse(value).success);
    }
    case 'object': {
      // A nested part (users.update's changes): empty, and each of its fields alone with each of its values.
      const parts = Object.entries(def.shape ?? {}).flatMap(([key, field]) => fieldValues(field, ids).map((value) => ({ [key]: value })));
      return [{}, ...parts].filter((value) => schema.safeParse(value).success);
    }
    case 'string': {
      const max = maxLengthOf(schema);
      const long = max === undefined ? [] : ['x'.repeat(max), `${'æ'.repeat(max - 1)}\u0301`];
      return [...TEXTS, ...ids, ...long].filter((value) => schema.safeParse(value).success);
    }
    default:
      return [];
  }
}

/** Inputs for a channel: one field varied at a time from a baseline, and wholes of the wrong kind. */
function inputsFor(channel: ChannelName, ids: readonly string[]): unknown[] {
  const schema = channels[channel].input as z.ZodType;
  const def = defOf(schema);
  if (def.type !== 'object') return WRONG_WHOLES;
  const shape = def.shape ?? {};
  const options = Object.fromEntries(Object.entries(shape).map(([key, field]) => [key, fieldValues(field, ids)]));
  const baseline = Object.fromEntries(Object.entries(options).map(([key, values]) => [key, values.find((value) => value !== undefined) ?? values[0]]));
  const varied = Object.entries(options).flatMap(([key, values]) => values.map((value) => ({ ...baseline, [key]: value })));
  const missing = Object.keys(shape).map((key) => Object.fromEntries(Object.entries(baseline).filter(([other]) => other !== key)));
  return [...varied, ...missing, { ...baseline, unexpected: 'x' }, ...WRONG_WHOLES];
}

/** Channels whose valid input is none: each is sent the wrong kinds only (starting the demo or signing out is not the point here). */
const isNone = (channel: ChannelName) => defOf(channels[channel].input as z.ZodType).type === 'undefined';

describe('hostile input on every channel', () => {
  let portal: TestPortal;
  let core: AppCore;
  let dispatch: Dispatch;
  const failures: string[] = [];
  const logger: Logger = {
    info() {},
    warn() {},
    error(event, fields) {
      if (event === 'ipc.handler-failed') failures.push(`${String(fields?.['channel'])}: ${String((fields?.['error'] as Error | undefined)?.stack ?? fields?.['error'])}`);
    },
  };

  const send = async (channel: string, input: unknown): Promise<Result<unknown>> => dispatch(channel, APP_ENTRY_URL, input);
  const value = async <T,>(channel: ChannelName, input?: unknown): Promise<T> => {
    const result = await send(channel, input);
    if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
    return result.value as T;
  };

  /** Sends every input to every channel; gives the ones answered INTERNAL (with the input), and how each was answered. */
  const sendAll = async (ids: readonly string[]): Promise<{ found: string[]; answers: Map<string, number> }> => {
    const found: string[] = [];
    const answers = new Map<string, number>();
    for (const channel of channelNames) {
      for (const input of inputsFor(channel, ids)) {
        if (isNone(channel) && input === undefined) continue;
        const result = await send(channel, input);
        const answer = result.ok ? 'ok' : result.error.code;
        answers.set(answer, (answers.get(answer) ?? 0) + 1);
        if (!result.ok && result.error.code === 'INTERNAL') found.push(`${channel} ${JSON.stringify(input)?.slice(0, 200)}`);
        if (!result.ok && result.error.code === 'INVALID_INPUT') {
          // A refusal names what is wrong: at least one field, each with a code.
          expect(result.error.fields?.length, `${channel} ${JSON.stringify(input)?.slice(0, 200)}`).toBeGreaterThan(0);
        }
      }
    }
    return { found, answers };
  };

  beforeAll(async () => {
    portal = await startTestPortal({ activationDelayMs: 0, groupSyncDelayMs: 0 });
    const dataDir = mkdtempSync(join(tmpdir(), 'hostile-input-'));
    const settings = new SettingsStore(dataDir);
    // Its own profile id, so its keychain entry never meets the other core tests'.
    settings.saveProfile({ ...portal.profile, id: 'hostile-input-test' });
    settings.setActiveProfile('hostile-input-test');
    core = await AppCore.start({
      config: { version: '0.0.0-test', dataDir, logDir: join(dataDir, 'logs'), demoAtStart: false, platform: process.platform },
      secrets: testSecrets(),
      adapters: { openExternal: portal.openBrowser, chooseSavePath: async (name) => join(mkdtempSync(join(tmpdir(), 'hostile-save-')), name) },
      events: { emit: () => {} },
      logger,
    });
    dispatch = createDispatcher(createHandlers({ core, events: { emit: () => {} }, now: () => new Date() }), sameOriginPolicy(APP_ENTRY_URL), logger);
  }, 60_000);

  afterAll(async () => {
    await send('session.signOut', undefined).catch(() => {});
    await core?.close();
    await portal?.close();
  });

  it('the inputs reach the handlers: every channel with fields gets values its contract takes', () => {
    for (const channel of channelNames.filter((name) => !isNone(name))) {
      const accepted = inputsFor(channel, ['id-1']).filter((input) => (channels[channel].input as z.ZodType).safeParse(input).success);
      expect(accepted.length, channel).toBeGreaterThan(0);
    }
  });

  it('signed out: nothing is answered INTERNAL', async () => {
    const { found, answers } = await sendAll([]);
    expect(found).toEqual([]);
    expect(failures).toEqual([]);
    expect(answers.get('NOT_SIGNED_IN')).toBeGreaterThan(100);
  }, 300_000);

  it('signed in, with the service active and real ids among the values: nothing is answered INTERNAL', async () => {
    await value('session.signIn');
    await value('sync.now');
    const service = await value<{ terms: { version: string } }>('service.get');
    await value('service.activate', { acceptTerms: true, termsVersion: service.terms.version });
    await value('sync.now');
    const groups = await value<Array<{ id: string }>>('groups.list');
    const users = await value<Array<{ id: string }>>('users.list');
    const vendors = await value<Array<{ id: string }>>('vendors.search', { query: '', limit: 2 });
    await value('grants.put', { groupId: groups[0]!.id, vendorId: vendors[0]!.id, mode: 'with_approval' });
    const campaign = await value<{ id: string }>('reviews.start', { name: 'Hostile input', dueDate: '2099-12-31' });
    const ids = [groups[0]!.id, users[0]!.id, vendors[0]!.id, campaign.id, 'demo', 'hostile-input-test'];
    const { found, answers } = await sendAll(ids);
    expect(found).toEqual([]);
    expect(failures).toEqual([]);
    // Most values passed the contract and were answered by a handler or the portal, not only refused at the door.
    expect((answers.get('ok') ?? 0) + (answers.get('NOT_FOUND') ?? 0)).toBeGreaterThan(500);
  }, 600_000);
});
