import { describe, expect, it } from 'vitest';
import { verifyDpopProof } from './dpop-proof';
import { DpopKey } from './test-support/native-app';

describe('verifyDpopProof (RFC 9449 resource server checks)', () => {
  const url = 'http://127.0.0.1:4000/api/v1/me';
  const accessToken = 'opaque-access-token';

  async function check(key: DpopKey, proof: string, overrides: { method?: string; url?: string; jkt?: string; seen?: Set<string> } = {}) {
    const seen = overrides.seen ?? new Set<string>();
    return verifyDpopProof({
      proof,
      method: overrides.method ?? 'GET',
      url: overrides.url ?? url,
      accessToken,
      expectedJkt: overrides.jkt ?? (await key.thumbprint()),
      now: new Date(),
      isFirstUse: async (jti) => (seen.has(jti) ? false : (seen.add(jti), true)),
    });
  }

  it('accepts a matching proof once', async () => {
    const key = await DpopKey.generate();
    const proof = await key.proof('GET', `${url}?ignored=query`, { accessToken });
    const seen = new Set<string>();
    expect(await check(key, proof, { seen })).toEqual({ ok: true });
    expect(await check(key, proof, { seen })).toMatchObject({ ok: false, reason: expect.stringContaining('already used') });
  });

  it('refuses a wrong method, URL, token hash, key, age or shape', async () => {
    const key = await DpopKey.generate();
    const other = await DpopKey.generate();
    const now = Math.floor(Date.now() / 1000);
    const cases: Array<[string, Promise<unknown>]> = [
      ['htm', check(key, await key.proof('POST', url, { accessToken }))],
      ['htu', check(key, await key.proof('GET', 'http://127.0.0.1:4000/api/v1/users', { accessToken }))],
      ['ath', check(key, await key.proof('GET', url, { accessToken: 'other' }))],
      ['ath', check(key, await key.proof('GET', url))],
      ['bound to', check(key, await other.proof('GET', url, { accessToken }))],
      ['too old', check(key, await key.proof('GET', url, { accessToken, iat: now - 600 }))],
      ['too old', check(key, await key.proof('GET', url, { accessToken, iat: now + 600 }))],
      ['not a JWS', check(key, 'garbage')],
    ];
    for (const [reason, result] of cases) {
      expect(await result).toMatchObject({ ok: false, reason: expect.stringContaining(reason) });
    }
  });
});
