import Database from 'better-sqlite3';
import * as OTPAuth from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashSecret } from '../auth/password';
import { openHttpInteraction, type StepAnswer } from '../oidc/test-support/http-sign-in';
import { beginLogin, callApi, discover, refresh, type Discovery, type TokenResponse } from '../oidc/test-support/native-app';
import { DEMO_ADMIN } from '../seed/demo-credentials';
import { addPortalAdmin, readDatabase } from './testing/other-organisation';
import { activateService, startTestPortal, type ApiClient, type TestPortal } from './testing/test-portal';

const USERS = '/api/v1/users';

interface CreatedUser {
  id: string;
  username: string;
  version: number;
  totp: OTPAuth.TOTP;
}

/**
 * A vendor's technician leaves: the administrator deactivates the user (signed out at once, cannot sign
 * in, history kept), can undo it, and can delete the user (secrets gone, audit still readable, a
 * tombstone in the sync feed). Over HTTP, with real sign-ins at the portal's OpenID provider.
 */
describe('deactivating, reactivating and deleting users', () => {
  let portal: TestPortal;
  let admin: ApiClient;
  let discovery: Discovery;

  const etagOf = async (id: string): Promise<string> => (await admin.get(`${USERS}/${id}`)).headers.get('etag')!;
  const latestSms = async (userId: string): Promise<string> => {
    const messages = (await portal.anonymous.get(`/dev/outbox?userId=${userId}`)).body as Array<{ channel: string; body: string }>;
    return /: (\S+)\n/.exec(messages.filter((message) => message.channel === 'sms').at(-1)!.body)![1]!;
  };
  const writeDatabase = <T>(write: (db: Database.Database) => T): T => {
    const db = new Database(portal.dbPath);
    try {
      db.pragma('busy_timeout = 5000');
      return write(db);
    } finally {
      db.close();
    }
  };
  const providerRowsOf = (userId: string): number =>
    readDatabase(portal.dbPath, (db) =>
      db.prepare("SELECT COUNT(*) FROM oidc_payloads WHERE json_extract(payload, '$.accountId') = ?").pluck().get(userId),
    ) as number;

  async function createUser(firstName: string, lastName: string): Promise<CreatedUser> {
    const response = await admin.post(USERS, { firstName, lastName, email: `${firstName.toLowerCase()}@vendor.example`, mobile: '91234567', twoFactor: 'totp' });
    expect(response.status).toBe(201);
    const { id, username, version, otpauthUri } = response.body as { id: string; username: string; version: number; otpauthUri: string };
    return { id, username, version, totp: OTPAuth.URI.parse(otpauthUri) as OTPAuth.TOTP };
  }

  /** Both steps of a sign-in; each sign-in moves the clock to a fresh TOTP step (a step is accepted once). */
  async function signIn(username: string, secret: string, code: () => string): Promise<{ first: StepAnswer; second?: StepAnswer; tokens?: TokenResponse }> {
    const login = await beginLogin(discovery);
    try {
      const interaction = await openHttpInteraction(login);
      const first = await interaction.submitCredentials(username, secret);
      if (first !== 'passed') return { first };
      portal.clock.advance(30_000);
      const second = await interaction.submitCode(code());
      if (second !== 'passed') return { first, second };
      return { first, second, tokens: await login.finish(await interaction.authorizationCode()) };
    } finally {
      await login.close();
    }
  }
  const totpNow = (user: CreatedUser) => () => user.totp.generate({ timestamp: portal.clock.now().getTime() });

  beforeAll(async () => {
    portal = await startTestPortal({ loginFailureDelayMs: () => 0 });
    admin = await portal.as();
    await activateService(portal, admin);
    discovery = await discover(portal.server.issuer);
  });
  afterAll(() => portal?.close());

  it('deactivation signs the user out at once and refuses every sign-in; reactivation lets them back in', async () => {
    const user = await createUser('Tor', 'Tekniker');
    const signedIn = await signIn(user.username, await latestSms(user.id), totpNow(user));
    const tokens = signedIn.tokens!;
    expect((await callApi(portal.url, '/api/v1/me', tokens.access_token)).status).toBe(200);

    // A second sign-in is half-way (the one-time password accepted) when the administrator acts.
    await admin.post(`${USERS}/${user.id}/one-time-password`);
    const halfWayLogin = await beginLogin(discovery);
    const halfWay = await openHttpInteraction(halfWayLogin);
    expect(await halfWay.submitCredentials(user.username, await latestSms(user.id))).toBe('passed');

    expect((await admin.post(`${USERS}/${user.id}/deactivate`)).status).toBe(428);
    const stale = await admin.post(`${USERS}/${user.id}/deactivate`, undefined, { headers: { 'if-match': `W/"${user.version - 1}"` } });
    expect(stale.status).toBe(412);
    const deactivated = await admin.post(`${USERS}/${user.id}/deactivate`, undefined, { headers: { 'if-match': await etagOf(user.id) } });
    expect(deactivated.status).toBe(200);
    expect(deactivated.body).toMatchObject({ id: user.id, status: 'deactivated', deactivatedAt: portal.clock.now().toISOString() });
    expect(deactivated.headers.get('etag')).toBe(`W/"${deactivated.body.version}"`);

    // Signed out: the access token, the refresh token and the provider's session and grant are gone.
    expect((await callApi(portal.url, '/api/v1/me', tokens.access_token)).status).toBe(401);
    expect((await refresh(discovery, tokens.refresh_token!)).body['error']).toBe('invalid_grant');
    expect(providerRowsOf(user.id)).toBe(0);
    // The half-way sign-in does not finish either.
    portal.clock.advance(30_000);
    expect(await halfWay.submitCode(totpNow(user)())).toBe('deactivated');
    await halfWayLogin.close();

    // No new one-time password is sent to a deactivated user, and the pending one was withdrawn.
    const refused = await admin.post(`${USERS}/${user.id}/one-time-password`);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('USER_DEACTIVATED');
    expect(readDatabase(portal.dbPath, (db) => db.prepare('SELECT otp_hash FROM users WHERE id = ?').pluck().get(user.id))).toBeNull();
    // Even with a valid one-time password (written straight in), the first step says the user is deactivated.
    const sneaked = 'sneaked1234';
    const sneakedHash = await hashSecret(sneaked);
    writeDatabase((db) => db.prepare('UPDATE users SET otp_hash = ?, otp_expires_at = ? WHERE id = ?').run(sneakedHash, '2099-01-01T00:00:00.000Z', user.id));
    expect((await signIn(user.username, sneaked, totpNow(user))).first).toBe('deactivated');

    // Listed with its status; the history is kept.
    const listed = (await admin.get(USERS)).body.find((entry: { id: string }) => entry.id === user.id);
    expect(listed).toMatchObject({ status: 'deactivated' });
    // Deactivating again changes nothing (no second event: the audit trail below has one).
    const again = await admin.post(`${USERS}/${user.id}/deactivate`, undefined, { headers: { 'if-match': '*' } });
    expect([again.status, again.body.status, again.body.deactivatedAt]).toEqual([200, 'deactivated', deactivated.body.deactivatedAt]);

    const reactivated = await admin.post(`${USERS}/${user.id}/reactivate`, undefined, { headers: { 'if-match': await etagOf(user.id) } });
    expect(reactivated.status).toBe(200);
    expect(reactivated.body).toMatchObject({ status: 'active', deactivatedAt: null });
    expect((await admin.post(`${USERS}/${user.id}/one-time-password`)).status).toBe(202);
    const back = await signIn(user.username, await latestSms(user.id), totpNow(user));
    expect((await callApi(portal.url, '/api/v1/me', back.tokens!.access_token)).status).toBe(200);

    const audit = (await admin.get('/api/v1/audit-events?limit=1000')).body.filter((event: { objectId: string }) => event.objectId === user.id);
    expect(audit.map((event: { action: string }) => event.action)).toEqual(['user.created', 'user.one_time_password_sent', 'user.deactivated', 'user.reactivated', 'user.one_time_password_sent']);
    expect(audit[2]).toMatchObject({
      actor: { username: DEMO_ADMIN.username },
      objectNames: { user: 'tor.tekniker', person: 'Tor Tekniker' },
      before: { status: 'active', deactivatedAt: null },
      after: { status: 'deactivated' },
    });
  });

  it('refuses a deactivated portal administrator\'s password, and never leaves the organisation without an active administrator', async () => {
    const kariAdmin = await admin.put('/api/v1/portal-admins/user-demo-kari');
    expect(kariAdmin.status).toBe(201);
    const password = 'Kari-Passord-2026';
    const passwordHash = await hashSecret(password);
    writeDatabase((db) => db.prepare('UPDATE users SET password_hash = ? WHERE id = ?').run(passwordHash, 'user-demo-kari'));
    const kari = await portal.as('kari.nordmann');
    expect((await kari.get(USERS)).status).toBe(200);

    expect((await admin.post(`${USERS}/user-demo-kari/deactivate`, undefined, { headers: { 'if-match': await etagOf('user-demo-kari') } })).status).toBe(200);
    // Her dev token stops working like any other token, and her password no longer signs her in.
    expect((await kari.get(USERS)).status).toBe(401);
    expect((await signIn('kari.nordmann', password, () => '000000')).first).toBe('deactivated');
    // Deactivated administrators do not count: the one active administrator cannot give up the role.
    expect((await admin.put('/api/v1/portal-admins/user-demo-ingrid')).status).toBe(201);
    expect((await admin.post(`${USERS}/user-demo-ingrid/deactivate`, undefined, { headers: { 'if-match': await etagOf('user-demo-ingrid') } })).status).toBe(200);
    const lastActive = await admin.delete(`/api/v1/portal-admins/${DEMO_ADMIN.id}`);
    expect(lastActive.status).toBe(409);
    expect(lastActive.body.code).toBe('LAST_ADMIN');
    // The role is not delegated to someone who cannot sign in.
    expect((await admin.delete('/api/v1/portal-admins/user-demo-ingrid')).status).toBe(204);
    const delegate = await admin.put('/api/v1/portal-admins/user-demo-ingrid');
    expect(delegate.status).toBe(409);
    expect(delegate.body.code).toBe('USER_DEACTIVATED');
  });

  it('refuses to deactivate or delete yourself, so no administrator locks the organisation out', async () => {
    const etag = await etagOf(DEMO_ADMIN.id);
    const deactivate = await admin.post(`${USERS}/${DEMO_ADMIN.id}/deactivate`, undefined, { headers: { 'if-match': etag } });
    expect(deactivate.status).toBe(409);
    expect(deactivate.body).toMatchObject({ code: 'CANNOT_DEACTIVATE_SELF', title: expect.stringMatching(/yourself/) });
    const remove = await admin.delete(`${USERS}/${DEMO_ADMIN.id}`, { headers: { 'if-match': etag } });
    expect(remove.status).toBe(409);
    expect(remove.body.code).toBe('CANNOT_DELETE_SELF');
    expect((await admin.get(`${USERS}/${DEMO_ADMIN.id}`)).body.status).toBe('active');
  });

  it('acts only on the own organisation\'s users, and only as a portal administrator', async () => {
    const otherId = addPortalAdmin(portal.dbPath, 'org-vendor-05', 'bergen.admin');
    for (const id of [otherId, 'no-such-user']) {
      expect((await admin.post(`${USERS}/${id}/deactivate`, undefined, { headers: { 'if-match': '*' } })).status).toBe(404);
      expect((await admin.post(`${USERS}/${id}/reactivate`, undefined, { headers: { 'if-match': '*' } })).status).toBe(404);
      expect((await admin.delete(`${USERS}/${id}`, { headers: { 'if-match': '*' } })).status).toBe(404);
    }
    expect(readDatabase(portal.dbPath, (db) => db.prepare('SELECT deactivated_at FROM users WHERE id = ?').pluck().get(otherId))).toBeNull();
    const technician = await createUser('Rolf', 'Rettighet');
    const asTechnician = await portal.as(technician.username);
    const forbidden = await asTechnician.delete(`${USERS}/user-demo-ola`, { headers: { 'if-match': '*' } });
    expect(forbidden.status).toBe(403);
    expect((await admin.get(`${USERS}/user-demo-ola`)).status).toBe(200);
  });

  it('deletes a user: signed out, secrets erased, a tombstone in the sync feed, the audit log still names them', async () => {
    const user = await createUser('Siri', 'Sluttet');
    const { tokens } = await signIn(user.username, await latestSms(user.id), totpNow(user));
    // Where the app's cache would be now: at the end of the feed.
    let since = 0;
    for (let hasMore = true; hasMore; ) ({ cursor: since, hasMore } = (await admin.get(`/api/v1/sync?since=${since}`)).body);

    expect((await admin.delete(`${USERS}/${user.id}`)).status).toBe(428);
    expect((await admin.delete(`${USERS}/${user.id}`, { headers: { 'if-match': 'W/"1"' } })).status).toBe(412);
    const deleted = await admin.delete(`${USERS}/${user.id}`, { headers: { 'if-match': await etagOf(user.id) } });
    expect(deleted.status).toBe(204);

    expect((await admin.get(`${USERS}/${user.id}`)).status).toBe(404);
    expect((await admin.get(USERS)).body.map((entry: { id: string }) => entry.id)).not.toContain(user.id);
    expect((await callApi(portal.url, '/api/v1/me', tokens!.access_token)).status).toBe(401);
    expect((await refresh(discovery, tokens!.refresh_token!)).body['error']).toBe('invalid_grant');
    const left = readDatabase(portal.dbPath, (db) => ({
      users: db.prepare('SELECT COUNT(*) FROM users WHERE id = ?').pluck().get(user.id),
      totpSteps: db.prepare('SELECT COUNT(*) FROM totp_last_steps WHERE user_id = ?').pluck().get(user.id),
      provider: db.prepare("SELECT COUNT(*) FROM oidc_payloads WHERE json_extract(payload, '$.accountId') = ?").pluck().get(user.id),
    }));
    expect(left).toEqual({ users: 0, totpSteps: 0, provider: 0 });

    const changes = (await admin.get(`/api/v1/sync?since=${since}`)).body.changes as Array<{ type: string; op: string; id: string }>;
    expect(changes).toContainEqual(expect.objectContaining({ type: 'user', op: 'delete', id: user.id }));

    const audit = (await admin.get('/api/v1/audit-events?limit=1000')).body.filter((event: { objectId: string }) => event.objectId === user.id);
    expect(audit.map((event: { action: string }) => event.action)).toEqual(['user.created', 'user.deleted']);
    for (const event of audit) expect(event.objectNames).toEqual({ user: user.username, person: 'Siri Sluttet' });
    expect(audit[1]).toMatchObject({ before: { username: user.username, email: 'siri@vendor.example' }, after: null });
    expect(JSON.stringify(audit)).not.toMatch(/secret|otpauth/i);

    // The username can no longer sign in.
    expect((await signIn(user.username, 'anything-at-all', totpNow(user))).first).toBe('wrong-credentials');
  });
});
