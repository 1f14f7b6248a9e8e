import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { SecretStore } from './secret-store';

/**
 * The behaviour every SecretStore must have, run against each backend so the in-memory one used in
 * unit tests cannot drift from the real keychain. Accounts are unique per run, and removed afterwards,
 * so a real keychain is left as it was found.
 */
export function describeSecretStoreContract(name: string, createStore: () => SecretStore): void {
  describe(`${name} (SecretStore contract)`, () => {
    const store = createStore();
    const used: string[] = [];
    const account = (label: string): string => {
      const value = `contract-${label}-${randomUUID()}:subject-${label}`;
      used.push(value);
      return value;
    };

    afterEach(async () => {
      for (const value of used.splice(0)) await store.delete(value);
    });

    it('returns null for an account that was never set', async () => {
      expect(await store.get(account('missing'))).toBeNull();
    });

    it('stores, reads back, overwrites and deletes a secret', async () => {
      const a = account('roundtrip');
      await store.set(a, 'first-secret');
      expect(await store.get(a)).toBe('first-secret');
      await store.set(a, 'second-secret');
      expect(await store.get(a)).toBe('second-secret');
      expect(await store.delete(a)).toBe(true);
      expect(await store.get(a)).toBeNull();
      expect(await store.delete(a)).toBe(false);
    });

    it('keeps a unicode secret exactly', async () => {
      const a = account('unicode');
      const secret = 'Blåbærsyltetøy ÆØÅ æøå – 東京 🔑 "quoted" \\ and {"json":true}';
      await store.set(a, secret);
      expect(await store.get(a)).toBe(secret);
    });

    it('keeps a long secret exactly (a refresh token with a DPoP key in JSON)', async () => {
      const a = account('long');
      const secret = JSON.stringify({ refreshToken: 'r'.repeat(900), dpopKey: { kty: 'EC', d: 'd'.repeat(43), x: 'x'.repeat(43) } });
      await store.set(a, secret);
      expect(await store.get(a)).toBe(secret);
    });

    it('keeps accounts apart', async () => {
      const kari = account('kari');
      const ola = account('ola');
      await store.set(kari, 'secret-kari');
      await store.set(ola, 'secret-ola');
      expect(await store.get(kari)).toBe('secret-kari');
      expect(await store.get(ola)).toBe('secret-ola');
      await store.delete(kari);
      expect(await store.get(kari)).toBeNull();
      expect(await store.get(ola)).toBe('secret-ola');
    });
  });
}
