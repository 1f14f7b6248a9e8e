import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../db/database';
import { startPortalServer, type RunningPortalServer } from '../start';
import { insertOrganisation, insertUser, newTotpSecret, totpCode } from './test-support/fixtures';
import { openHttpInteraction, tally, type HttpInteraction } from './test-support/http-sign-in';
import { beginLogin, discover, type Discovery, type PendingLogin } from './test-support/native-app';

const ORG = { id: 'org-parallel-test', name: 'Parallell Test Helse' };
const PASSWORD_USER = { id: 'user-parallel-pw', username: 'kari.parallell', password: 'Riktig-Passord-2026', totpSecret: newTotpSecret() };
const CODE_USER = { id: 'user-parallel-code', username: 'ola.parallell', password: 'Annet-Passord-2026', totpSecret: newTotpSecret() };

/**
 * Many sign-in attempts for one username at once, over real HTTP, each in its own interaction (as a
 * script would send them). The server's clock stands still unless the test moves it, so "while the delay
 * runs" and "after it ran out" are exact.
 */
describe('the sign-in throttle under parallel attempts (real server, SQLite file, HTTP)', () => {
  let dir: string;
  let server: RunningPortalServer;
  let discovery: Discovery;
  let db: Db;
  let login: PendingLogin;
  let at = Date.now();
  const moveClock = (ms: number): void => {
    at += ms;
  };
  const failures = (username: string): number | undefined =>
    db.prepare('SELECT count FROM login_failures WHERE username = ?').pluck().get(username) as number | undefined;
  const open = (count: number): Promise<HttpInteraction[]> => Promise.all(Array.from({ length: count }, () => openHttpInteraction(login)));

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'oidc-parallel-'));
    const dbPath = join(dir, 'portal.db');
    db = openDatabase(dbPath);
    insertOrganisation(db, ORG);
    await insertUser(db, { ...PASSWORD_USER, organisationId: ORG.id, twoFactor: 'totp', portalAdmin: true });
    await insertUser(db, { ...CODE_USER, organisationId: ORG.id, twoFactor: 'totp', portalAdmin: true });
    server = await startPortalServer({ port: 0, dbPath, seed: 'empty', now: () => new Date(at), loginFailureDelayMs: (count) => count * 200 });
    discovery = await discover(server.issuer);
    login = await beginLogin(discovery);
  });

  afterAll(async () => {
    await login?.close();
    await server?.close();
    db?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('checks one password at a time per username: of 30 parallel posts one is checked, and the right password among wrong ones does not pass while throttled', async () => {
    const [first] = await open(1);
    expect(await first!.submitCredentials(PASSWORD_USER.username, 'Feil-Passord-0')).toBe('wrong-credentials');
    expect(failures(PASSWORD_USER.username)).toBe(1);

    // The delay has run out: 30 attempts arrive at once, the username in different spellings of one key.
    moveClock(60_000);
    const spellings = [PASSWORD_USER.username, PASSWORD_USER.username.toUpperCase(), ` ${PASSWORD_USER.username} `];
    const burst = await open(30);
    const answers = await Promise.all(burst.map((interaction, index) => interaction.submitCredentials(spellings[index % 3]!, `Feil-Passord-${index + 1}`)));
    expect(tally(answers)).toEqual({ 'wrong-credentials': 1, throttled: 29 });
    expect(failures(PASSWORD_USER.username)).toBe(2);

    // That failure's delay runs: the right password among 29 wrong ones is refused unchecked, like them.
    const mixed = await open(30);
    const right = 17;
    const mixedAnswers = await Promise.all(
      mixed.map((interaction, index) => interaction.submitCredentials(PASSWORD_USER.username, index === right ? PASSWORD_USER.password : `Feil-Passord-${index + 31}`)),
    );
    expect(tally(mixedAnswers)).toEqual({ throttled: 30 });
    expect(failures(PASSWORD_USER.username)).toBe(2);

    // After the delay, the right password passes step one; the count stays until the whole sign-in succeeds.
    moveClock(60_000);
    expect(await mixed[right]!.submitCredentials(PASSWORD_USER.username, PASSWORD_USER.password)).toBe('passed');
    expect(failures(PASSWORD_USER.username)).toBe(2);
  });

  it('checks one second-factor code at a time per username: of 20 parallel codes one is checked, and the right one does not pass while throttled', async () => {
    const interactions = await open(20);
    for (const interaction of interactions) {
      expect(await interaction.submitCredentials(CODE_USER.username, CODE_USER.password)).toBe('passed');
    }
    expect(failures(CODE_USER.username)).toBeUndefined();

    const right = totpCode(CODE_USER.totpSecret, new Date(at));
    const wrong = (index: number): string => String((Number(right) + 1 + index) % 1_000_000).padStart(6, '0');
    const answers = await Promise.all(interactions.map((interaction, index) => interaction.submitCode(wrong(index))));
    expect(tally(answers)).toEqual({ 'wrong-code': 1, throttled: 19 });
    expect(failures(CODE_USER.username)).toBe(1);

    const mixedAnswers = await Promise.all(interactions.map((interaction, index) => interaction.submitCode(index === 5 ? right : wrong(index))));
    expect(tally(mixedAnswers)).toEqual({ throttled: 20 });

    moveClock(60_000);
    expect(await interactions[5]!.submitCode(totpCode(CODE_USER.totpSecret, new Date(at)))).toBe('passed');
    // A completed sign-in clears the count.
    expect(failures(CODE_USER.username)).toBeUndefined();
  });
});
