import * as OTPAuth from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifySecret } from '../auth/password';
import { verifyTotp } from '../auth/totp';
import { addPortalAdmin, readDatabase } from './testing/other-organisation';
import { activateService, startTestPortal, type ApiClient, type TestPortal } from './testing/test-portal';

const USERS = '/api/v1/users';
const YUBIKEY_OTP = 'ccccccbchvthlivuitriujjifivbvtrjkjfirllluurj';
const OTHER_YUBIKEY_OTP = 'vvvvvvcurikvhjcvnlnbecbkubjvuittbifhndhncccc';

const newUser = (overrides: Record<string, unknown> = {}) => ({
  firstName: 'Åse',
  lastName: 'Ødegård',
  email: 'ase.odegard@example.no',
  mobile: '912 34 567',
  twoFactor: 'totp',
  ...overrides,
});

interface OutboxMessage {
  channel: 'email' | 'sms';
  recipient: string;
  userId: string;
  subject: string | null;
  body: string;
}

describe('users', () => {
  let portal: TestPortal;
  let admin: ApiClient;

  const outbox = async (userId: string): Promise<OutboxMessage[]> => (await portal.anonymous.get(`/dev/outbox?userId=${userId}`)).body;
  const storedSecrets = (userId: string) =>
    readDatabase(portal.dbPath, (db) =>
      db.prepare('SELECT totp_secret, otp_hash, otp_expires_at, password_hash FROM users WHERE id = ?').get(userId),
    ) as { totp_secret: string | null; otp_hash: string | null; otp_expires_at: string | null; password_hash: string | null };

  beforeAll(async () => {
    portal = await startTestPortal();
    admin = await portal.as();
    await activateService(portal, admin);
  });
  afterAll(() => portal?.close());

  describe('POST /users', () => {
    it('creates a TOTP user: ASCII username, E.164 mobile, the otpauth URI once, e-mail and SMS in the outbox', async () => {
      const response = await admin.post(USERS, newUser());
      expect(response.status).toBe(201);
      const user = response.body;
      expect(user).toMatchObject({
        username: 'ase.odegard',
        firstName: 'Åse',
        lastName: 'Ødegård',
        email: 'ase.odegard@example.no',
        mobile: '+4791234567',
        twoFactor: 'totp',
        yubikeyPublicId: null,
        roles: ['remote-support-user'],
      });
      expect(response.headers.get('etag')).toBe(`W/"${user.version}"`);
      expect(response.headers.get('cache-control')).toBe('no-store');

      // The guide's last step: the QR code works in any RFC 6238 app. An independent implementation
      // reads the URI, and its code is accepted by the server's verifier for the stored secret.
      const totp = OTPAuth.URI.parse(user.otpauthUri) as OTPAuth.TOTP;
      expect([totp.issuer, totp.label, totp.algorithm, totp.digits, totp.period]).toEqual(['Fjernhjelp (Norsk Helsenett test)', 'ase.odegard', 'SHA1', 6, 30]);
      // Key Uri Format: the label is issuer:account, the same issuer as the parameter, one colon only.
      expect(user.otpauthUri).toMatch(/^otpauth:\/\/totp\/Fjernhjelp%20\(Norsk%20Helsenett%20test\):ase\.odegard\?issuer=Fjernhjelp%20\(Norsk%20Helsenett%20test\)&/);
      const { totp_secret: secret, otp_hash: otpHash } = storedSecrets(user.id);
      const now = portal.clock.now();
      expect(verifyTotp(secret!, totp.generate({ timestamp: now.getTime() }), now)).toBeDefined();

      const messages = await outbox(user.id);
      expect(messages.map((message) => [message.channel, message.recipient])).toEqual([
        ['email', 'ase.odegard@example.no'],
        ['sms', '+4791234567'],
      ]);
      const [email, sms] = messages as [OutboxMessage, OutboxMessage];
      expect(email.body).toContain('Brukernavn: ase.odegard');
      expect(email.body).toContain('https://hjelp.nhn.no/');
      const password = /: ([a-z0-9]{10})\n/.exec(sms.body)?.[1];
      expect(password).toBeDefined();
      expect(email.body).not.toContain(password);
      expect(email.body).not.toContain(secret);
      await expect(verifySecret(password!, otpHash!)).resolves.toBe(true);
      expect(otpHash).not.toContain(password);
    });

    it('numbers usernames that are taken (kari.nordmann is seeded)', async () => {
      const first = await admin.post(USERS, newUser({ firstName: 'Kari', lastName: 'Nordmann', email: 'kari2@example.no' }));
      const second = await admin.post(USERS, newUser({ firstName: 'KARI', lastName: 'nordmann', email: 'kari3@example.no' }));
      expect([first.body.username, second.body.username]).toEqual(['kari.nordmann2', 'kari.nordmann3']);
    });

    it('creates a Yubikey user with the public id of the key, and no otpauth URI', async () => {
      const response = await admin.post(USERS, newUser({ firstName: 'Per', lastName: 'Yubi', twoFactor: 'yubikey', yubikeyOtp: YUBIKEY_OTP, mobile: '+46701234567' }));
      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({ twoFactor: 'yubikey', yubikeyPublicId: 'ccccccbchvth', mobile: '+46701234567' });
      expect(response.body).not.toHaveProperty('otpauthUri');
      expect(storedSecrets(response.body.id).totp_secret).toBeNull();
      // The code typed to register the key is spent.
      const used = readDatabase(portal.dbPath, (db) => db.prepare('SELECT user_id FROM yubikey_used_otps WHERE otp = ?').pluck().get(YUBIKEY_OTP));
      expect(used).toBe(response.body.id);
    });

    it('refuses bad fields with 422 VALIDATION_FAILED and a code per field', async () => {
      const response = await admin.post(USERS, newUser({ firstName: ' ', email: 'ase@@example', mobile: '1234', twoFactor: 'yubikey', yubikeyOtp: 'cccccc' }));
      expect(response.status).toBe(422);
      expect(response.body.code).toBe('VALIDATION_FAILED');
      expect(response.body.errors.map((error: { field: string; code: string }) => [error.field, error.code])).toEqual([
        ['firstName', 'NAME_REQUIRED'],
        ['email', 'EMAIL_INVALID'],
        ['mobile', 'MOBILE_INVALID'],
        ['yubikeyOtp', 'YUBIKEY_OTP_LENGTH'],
      ]);
    });

    it.each([
      ['a right-to-left override', 'Kari\u202e', 'Nordmann'],
      ['a zero width space only', '\u200b', 'Nordmann'],
      ['a bidi isolate', 'Kari', '\u2067Nordmann\u2069'],
      ['a lone surrogate (stored as U+FFFD before)', 'Kari\ud800', 'Nordmann'],
      ['a tag character', 'Kari', 'Nordmann\u{e0041}'],
    ])('refuses a name with %s: 422 naming the field, nothing stored', async (_what, firstName, lastName) => {
      const before = (await admin.get(USERS)).body.length;
      const response = await admin.post(USERS, newUser({ firstName, lastName }));
      expect(response.status).toBe(422);
      expect(response.body.code).toBe('VALIDATION_FAILED');
      expect(response.body.errors).toEqual([
        expect.objectContaining({ field: firstName === 'Kari' ? 'lastName' : 'firstName', code: 'NAME_INVALID_CHARACTERS', message: expect.stringMatching(/U\+[0-9A-F]{4,5}/) }),
      ]);
      expect((await admin.get(USERS)).body).toHaveLength(before);
    });

    it.each([
      ['too short', YUBIKEY_OTP.slice(0, 43), 'YUBIKEY_OTP_LENGTH', /exactly 44 characters, not 43/],
      ['two touches', `${YUBIKEY_OTP}${YUBIKEY_OTP}`, 'YUBIKEY_OTP_LENGTH', /not 88/],
      ['not modhex', `${YUBIKEY_OTP.slice(0, 43)}a`, 'YUBIKEY_OTP_CHARACTERS', /"a"/],
    ])('refuses a malformed Yubikey OTP (%s), saying what is wrong', async (_why, yubikeyOtp, code, message) => {
      const response = await admin.post(USERS, newUser({ twoFactor: 'yubikey', yubikeyOtp }));
      expect(response.status).toBe(422);
      expect(response.body.errors).toEqual([expect.objectContaining({ field: 'yubikeyOtp', code, message: expect.stringMatching(message) })]);
    });

    it('takes a Yubikey code typed with Caps Lock on (upper-case modhex) as the same code', async () => {
      const otp = `ccccccjjjjjj${YUBIKEY_OTP.slice(12)}`;
      const response = await admin.post(USERS, newUser({ firstName: 'Caps', lastName: 'Lock', email: 'caps@example.no', twoFactor: 'yubikey', yubikeyOtp: ` ${otp.toUpperCase()} ` }));
      expect(response.status).toBe(201);
      expect(response.body.yubikeyPublicId).toBe('ccccccjjjjjj');
      const used = readDatabase(portal.dbPath, (db) => db.prepare('SELECT user_id FROM yubikey_used_otps WHERE otp = ?').pluck().get(otp));
      expect(used).toBe(response.body.id);
    });

    it('refuses a Yubikey that another user holds: 409 YUBIKEY_IN_USE on the field, in any letter case, nothing stored', async () => {
      const before = (await admin.get(USERS)).body.length;
      // Per Yubi holds ccccccbchvth (above); the seeded Ola Åsen holds ccccccbhjkln. A new touch of the same key has a new tail.
      for (const otp of [`ccccccbchvth${OTHER_YUBIKEY_OTP.slice(12)}`, `CCCCCCBHJKLN${OTHER_YUBIKEY_OTP.slice(12).toUpperCase()}`]) {
        const response = await admin.post(USERS, newUser({ firstName: 'Dobbel', lastName: 'Nøkkel', email: 'dobbel@example.no', twoFactor: 'yubikey', yubikeyOtp: otp }));
        expect(response.status).toBe(409);
        expect(response.body.code).toBe('YUBIKEY_IN_USE');
        expect(response.body.errors).toEqual([expect.objectContaining({ field: 'yubikeyOtp', code: 'YUBIKEY_IN_USE' })]);
      }
      expect((await admin.get(USERS)).body).toHaveLength(before);
      // Another organisation's user cannot take it either: one key is one person's.
      addPortalAdmin(portal.dbPath, 'org-vendor-04', 'yubikey.vendor.admin');
      // Seeded vendors have the service active already.
      const vendorAdmin = await portal.as('yubikey.vendor.admin');
      const foreign = await vendorAdmin.post(USERS, newUser({ twoFactor: 'yubikey', yubikeyOtp: `ccccccbchvth${OTHER_YUBIKEY_OTP.slice(12)}` }));
      expect(foreign.status).toBe(409);
      expect(foreign.body.code).toBe('YUBIKEY_IN_USE');
    });

    it('requires a Yubikey OTP for yubikey, and refuses one for totp', async () => {
      const missing = await admin.post(USERS, newUser({ twoFactor: 'yubikey' }));
      expect(missing.body.errors).toEqual([expect.objectContaining({ field: 'yubikeyOtp', code: 'YUBIKEY_OTP_REQUIRED' })]);
      const extra = await admin.post(USERS, newUser({ yubikeyOtp: YUBIKEY_OTP }));
      expect(extra.body.errors).toEqual([expect.objectContaining({ field: 'yubikeyOtp', code: 'YUBIKEY_OTP_NOT_ALLOWED' })]);
      const schema = await admin.post(USERS, { firstName: 'A' });
      expect(schema.status).toBe(400);
      expect(schema.body.errors.map((error: { field: string }) => error.field).sort()).toEqual(['email', 'lastName', 'mobile', 'twoFactor']);
    });
  });

  describe('GET and PATCH /users/{id}', () => {
    let userId: string;

    beforeAll(async () => {
      userId = (await admin.post(USERS, newUser({ firstName: 'Lise', lastName: 'Lund', email: 'lise@example.no' }))).body.id;
    });

    it('lists users with no secrets, and answers 304 to a current ETag', async () => {
      const list = await admin.get(USERS);
      expect(list.status).toBe(200);
      expect(list.body.map((user: { username: string }) => user.username)).toEqual(expect.arrayContaining(['demo.admin', 'lise.lund', 'ola.aasen']));
      const text = JSON.stringify(list.body);
      expect(text).not.toMatch(/secret|password|otp_?hash|otpauth/i);
      expect((await admin.get(USERS, { headers: { 'if-none-match': list.headers.get('etag')! } })).status).toBe(304);
    });

    it('changes e-mail and mobile with a current If-Match; 412 when stale, 428 without', async () => {
      const current = await admin.get(`${USERS}/${userId}`);
      const etag = current.headers.get('etag')!;
      expect(etag).toBe(`W/"${current.body.version}"`);
      expect((await admin.get(`${USERS}/${userId}`, { headers: { 'if-none-match': etag } })).status).toBe(304);

      const missing = await admin.patch(`${USERS}/${userId}`, { email: 'lise.lund@example.no' });
      expect(missing.status).toBe(428);
      expect(missing.body.code).toBe('PRECONDITION_REQUIRED');

      const changed = await admin.patch(`${USERS}/${userId}`, { email: 'lise.lund@example.no', mobile: '004798765432' }, { headers: { 'if-match': etag } });
      expect(changed.status).toBe(200);
      expect(changed.body).toMatchObject({ email: 'lise.lund@example.no', mobile: '+4798765432' });
      expect(changed.headers.get('etag')).toBe(`W/"${changed.body.version}"`);
      expect(changed.body.version).toBeGreaterThan(current.body.version);

      const stale = await admin.patch(`${USERS}/${userId}`, { mobile: '+4790000001' }, { headers: { 'if-match': etag } });
      expect(stale.status).toBe(412);
      expect(stale.body.code).toBe('PRECONDITION_FAILED');
      expect((await admin.get(`${USERS}/${userId}`)).body.mobile).toBe('+4798765432');

      const audit = (await admin.get('/api/v1/audit-events?limit=1000')).body.filter((event: { objectId: string }) => event.objectId === userId);
      expect(audit.at(-1)).toMatchObject({ action: 'user.changed', before: { email: 'lise@example.no' }, after: { email: 'lise.lund@example.no' } });
    });

    it('validates changed fields (422) and refuses an empty change (400)', async () => {
      const { headers } = await admin.get(`${USERS}/${userId}`);
      const ifMatch = { 'if-match': headers.get('etag')! };
      const bad = await admin.patch(`${USERS}/${userId}`, { email: 'not-an-address' }, { headers: ifMatch });
      expect(bad.status).toBe(422);
      expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'email', code: 'EMAIL_INVALID' })]);
      expect((await admin.patch(`${USERS}/${userId}`, {}, { headers: ifMatch })).status).toBe(400);
      const noKey = await admin.patch(`${USERS}/${userId}`, { twoFactor: 'yubikey' }, { headers: ifMatch });
      expect(noKey.body.errors).toEqual([expect.objectContaining({ field: 'yubikeyOtp', code: 'YUBIKEY_OTP_REQUIRED' })]);
      const malformed = await admin.patch(`${USERS}/${userId}`, { twoFactor: 'yubikey', yubikeyOtp: 'xxxxxx' }, { headers: ifMatch });
      expect(malformed.body.errors).toEqual([expect.objectContaining({ field: 'yubikeyOtp', code: 'YUBIKEY_OTP_LENGTH' })]);
      const taken = await admin.patch(`${USERS}/${userId}`, { twoFactor: 'yubikey', yubikeyOtp: `ccccccbhjkln${OTHER_YUBIKEY_OTP.slice(12)}` }, { headers: ifMatch });
      expect(taken.status).toBe(409);
      expect(taken.body).toMatchObject({ code: 'YUBIKEY_IN_USE', errors: [expect.objectContaining({ field: 'yubikeyOtp', code: 'YUBIKEY_IN_USE' })] });
      expect((await admin.get(`${USERS}/${userId}`)).body.twoFactor).toBe('totp');
    });

    it('switches to Yubikey (dropping the TOTP secret) and back to TOTP (a new secret, URI once)', async () => {
      let etag = (await admin.get(`${USERS}/${userId}`)).headers.get('etag')!;
      const toYubikey = await admin.patch(`${USERS}/${userId}`, { twoFactor: 'yubikey', yubikeyOtp: OTHER_YUBIKEY_OTP }, { headers: { 'if-match': etag } });
      expect(toYubikey.status).toBe(200);
      expect(toYubikey.body).toMatchObject({ twoFactor: 'yubikey', yubikeyPublicId: 'vvvvvvcurikv' });
      expect(storedSecrets(userId).totp_secret).toBeNull();
      const totpOfYubikeyUser = await admin.get(`${USERS}/${userId}/totp`);
      expect(totpOfYubikeyUser.status).toBe(409);
      expect(totpOfYubikeyUser.body.code).toBe('TWO_FACTOR_NOT_TOTP');
      expect((await admin.post(`${USERS}/${userId}/totp`)).body.code).toBe('TWO_FACTOR_NOT_TOTP');

      etag = toYubikey.headers.get('etag')!;
      const toTotp = await admin.patch(`${USERS}/${userId}`, { twoFactor: 'totp' }, { headers: { 'if-match': etag } });
      expect(toTotp.body).toMatchObject({ twoFactor: 'totp', yubikeyPublicId: null });
      const secret = storedSecrets(userId).totp_secret!;
      expect(toTotp.body.otpauthUri).toContain(`secret=${secret}`);
    });

    it('re-downloads the current TOTP URI, and makes a new secret on request', async () => {
      const current = await admin.get(`${USERS}/${userId}/totp`);
      expect(current.status).toBe(200);
      expect(current.headers.get('cache-control')).toBe('no-store');
      const before = storedSecrets(userId).totp_secret!;
      expect(current.body.otpauthUri).toContain(`secret=${before}`);

      const renewed = await admin.post(`${USERS}/${userId}/totp`);
      expect(renewed.status).toBe(200);
      const after = storedSecrets(userId).totp_secret!;
      expect(after).not.toBe(before);
      expect(renewed.body.otpauthUri).toContain(`secret=${after}`);
      expect((await admin.get(`${USERS}/${userId}/totp`)).body).toEqual(renewed.body);
    });

    it('texts a new one-time password (202) that replaces the old one', async () => {
      const before = storedSecrets(userId).otp_hash!;
      portal.clock.advance(1_000);
      const response = await admin.post(`${USERS}/${userId}/one-time-password`);
      expect(response.status).toBe(202);
      expect(response.body).toEqual({ channel: 'sms', recipient: '+4798765432', expiresAt: new Date(portal.clock.now().getTime() + 72 * 3600_000).toISOString() });
      const sms = (await outbox(userId)).filter((message) => message.channel === 'sms');
      expect(sms).toHaveLength(2);
      const password = /: ([a-z0-9]{10})\n/.exec(sms[1]!.body)![1]!;
      const stored = storedSecrets(userId);
      expect(stored.otp_hash).not.toBe(before);
      await expect(verifySecret(password, stored.otp_hash!)).resolves.toBe(true);
      expect(stored.otp_expires_at).toBe(response.body.expiresAt);
    });

    it('never writes secrets into the audit log', async () => {
      const audit = JSON.stringify((await admin.get('/api/v1/audit-events?limit=1000')).body);
      const secret = storedSecrets(userId).totp_secret!;
      expect(audit).not.toContain(secret);
      expect(audit).not.toMatch(/otpauth|scrypt\$/);
      const rows = readDatabase(portal.dbPath, (db) => db.prepare('SELECT before_json, after_json FROM audit_events').all());
      expect(JSON.stringify(rows)).not.toMatch(/totp_?secret|otp_?hash|password_?hash|otpauth/i);
    });

    it('answers 404 for another organisation\'s user and unknown ids', async () => {
      const otherId = addPortalAdmin(portal.dbPath, 'org-vendor-03', 'alesund.admin');
      for (const id of [otherId, 'no-such-user']) {
        expect((await admin.get(`${USERS}/${id}`)).status).toBe(404);
        expect((await admin.patch(`${USERS}/${id}`, { email: 'x@example.no' }, { headers: { 'if-match': '*' } })).status).toBe(404);
        expect((await admin.post(`${USERS}/${id}/one-time-password`)).status).toBe(404);
        expect((await admin.get(`${USERS}/${id}/totp`)).status).toBe(404);
        expect((await admin.post(`${USERS}/${id}/totp`)).body.code).toBe('NOT_FOUND');
      }
    });
  });
});
