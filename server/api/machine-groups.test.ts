import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activateService, startTestPortal, type ApiClient, type TestPortal } from './testing/test-portal';

const GROUPS = '/api/v1/machine-groups';
// "NorskHelsenetttest" has 18 characters: 42 more make the guide's 60.
const PREFIX_LENGTH = 'NorskHelsenetttest'.length;

describe('machine groups', () => {
  let portal: TestPortal;
  let admin: ApiClient;

  beforeAll(async () => {
    portal = await startTestPortal({ groupSyncDelayMs: 10_000 });
    admin = await portal.as();
    await activateService(portal, admin);
  });
  afterAll(() => portal?.close());

  it('creates a group: 201, trimmed and NFC name, prefixed full name, pending until the sync delay', async () => {
    const response = await admin.post(GROUPS, { name: '  Servere på lab\u0030  '.replace('a\u030a', 'å') });
    expect(response.status).toBe(201);
    expect(response.headers.get('location')).toBe(`${GROUPS}/${response.body.id}`);
    expect(response.body).toMatchObject({ name: 'Servere på lab0', fullName: 'NorskHelsenetttest-Servere på lab0', syncState: 'pending', createdBy: 'demo.admin' });
    expect(Date.parse(response.body.readyAt) - Date.parse(response.body.createdAt)).toBe(10_000);

    const fetched = await admin.get(`${GROUPS}/${response.body.id}`);
    expect(fetched.status).toBe(200);
    expect(fetched.body).toEqual(response.body);

    portal.clock.advance(10_000);
    expect((await admin.get(`${GROUPS}/${response.body.id}`)).body.syncState).toBe('ready');
  });

  it('allows prefix + name of exactly 60 characters and refuses 61 with NAME_TOO_LONG', async () => {
    const fits = 'L'.repeat(60 - PREFIX_LENGTH);
    const ok = await admin.post(GROUPS, { name: fits });
    expect(ok.status).toBe(201);
    expect(ok.body.fullName).toHaveLength(61); // the hyphen is not counted
    const tooLong = await admin.post(GROUPS, { name: `${'M'.repeat(61 - PREFIX_LENGTH)}` });
    expect(tooLong.status).toBe(422);
    expect(tooLong.body.code).toBe('NAME_TOO_LONG');
    expect(tooLong.body.errors).toEqual([expect.objectContaining({ field: 'name', code: 'NAME_TOO_LONG' })]);
  });

  it.each([['Maskiner'], ['maskiner'], [' Maskiner '], ['MASKINER']])('refuses %j: the default group exists (409 NAME_TAKEN)', async (name) => {
    const response = await admin.post(GROUPS, { name });
    expect(response.status).toBe(409);
    expect(response.body.code).toBe('NAME_TAKEN');
    expect(response.body.errors[0].field).toBe('name');
  });

  it('refuses "Maskiner" in full-width letters (409 NAME_TAKEN): the uniqueness key folds compatibility forms', async () => {
    const response = await admin.post(GROUPS, { name: '\uff2d\uff41\uff53\uff4b\uff49\uff4e\uff45\uff52' });
    expect(response.status).toBe(409);
    expect(response.body.errors).toEqual([expect.objectContaining({ field: 'name', code: 'NAME_TAKEN', message: 'The organisation already has a machine group named "Maskiner"' })]);
  });

  it.each([
    ['a Cyrillic а', 'M\u0430skiner'],
    ['a Cyrillic capital М', '\u041caskiner'],
    ['a Greek capital Μ', '\u039caskiner'],
  ])('refuses a look-alike of "Maskiner" with %s (409 NAME_TAKEN): names are unique by their UTS #39 skeleton', async (_what, name) => {
    const response = await admin.post(GROUPS, { name });
    expect(response.status).toBe(409);
    expect(response.body.code).toBe('NAME_TAKEN');
    expect(response.body.errors).toEqual([expect.objectContaining({ field: 'name', code: 'NAME_TAKEN', message: 'The organisation already has a machine group named "Maskiner"' })]);
  });

  it('refuses a duplicate in another case and with surrounding spaces', async () => {
    expect((await admin.post(GROUPS, { name: 'Røntgen' })).status).toBe(201);
    expect((await admin.post(GROUPS, { name: 'RØNTGEN' })).body.code).toBe('NAME_TAKEN');
    expect((await admin.post(GROUPS, { name: '\trøntgen  ' })).body.code).toBe('NAME_TAKEN');
    expect((await admin.post(GROUPS, { name: 'Åsen' })).status).toBe(201);
    expect((await admin.post(GROUPS, { name: 'A\u030asen' })).body.code).toBe('NAME_TAKEN');
  });

  it('refuses empty names and control characters (422) and malformed bodies (400)', async () => {
    expect((await admin.post(GROUPS, { name: '   ' })).body.code).toBe('NAME_REQUIRED');
    const control = await admin.post(GROUPS, { name: 'Lab\u0000' });
    expect(control.status).toBe(422);
    expect(control.body.code).toBe('NAME_INVALID_CHARACTERS');
    const missing = await admin.post(GROUPS, {});
    expect(missing.status).toBe(400);
    expect(missing.body.errors).toEqual([expect.objectContaining({ field: 'name', code: 'REQUIRED' })]);
    expect((await admin.post(GROUPS, { name: 'Lab', colour: 'blue' })).body.errors).toEqual([expect.objectContaining({ field: 'colour' })]);
    // Bodies are not coerced: a number is not a name.
    const numeric = await admin.post(GROUPS, { name: 5 });
    expect(numeric.status).toBe(400);
    expect(numeric.body.errors).toEqual([expect.objectContaining({ field: 'name', code: 'TYPE' })]);
  });

  it.each([
    ['a zero width space', 'Mask\u200biner'],
    ['a word joiner', 'Maskiner\u2060'],
    ['nothing but a zero width space', '\u200b'],
    ['a right-to-left override', 'Lab\u202e'],
    ['bidi isolates', '\u2066Lab\u2069'],
    ['a line separator', 'La\u2028b'],
    ['a tag character', 'Lab\u{e0041}'],
    ['a lone surrogate (stored as U+FFFD before)', 'Lab\ud800'],
  ])('refuses a name with %s: 422 NAME_INVALID_CHARACTERS on the field, nothing stored', async (_what, name) => {
    const before = (await admin.get(GROUPS)).body.length;
    const response = await admin.post(GROUPS, { name });
    expect(response.status).toBe(422);
    expect(response.body.code).toBe('NAME_INVALID_CHARACTERS');
    expect(response.body.errors).toEqual([expect.objectContaining({ field: 'name', code: 'NAME_INVALID_CHARACTERS' })]);
    expect((await admin.get(GROUPS)).body).toHaveLength(before);
  });

  it('lists the organisation\'s groups by name, with an ETag that changes when a group is added', async () => {
    const first = await admin.get(GROUPS);
    expect(first.status).toBe(200);
    expect(first.body.map((group: { name: string }) => group.name)).toContain('Maskiner');
    const etag = first.headers.get('etag')!;
    expect((await admin.get(GROUPS, { headers: { 'if-none-match': etag } })).status).toBe(304);
    await admin.post(GROUPS, { name: 'Kontor' });
    const changed = await admin.get(GROUPS, { headers: { 'if-none-match': etag } });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
  });

  it('answers 404 for another organisation\'s group and for unknown ids', async () => {
    for (const id of ['group-vendor-01-maskiner', 'no-such-group']) {
      const response = await admin.get(`${GROUPS}/${id}`);
      expect(response.status).toBe(404);
      expect(response.body.code).toBe('NOT_FOUND');
      expect((await admin.get(`${GROUPS}/${id}/grants`)).status).toBe(404);
    }
  });
});
