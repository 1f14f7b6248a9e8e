import type { SecretStore } from './secret-store';

/**
 * FOR UNIT TESTS ONLY: a SecretStore that forgets everything when the process ends. The app never
 * uses it, not even as a fallback when the keychain is unavailable; that case is an error
 * (KEYCHAIN_UNAVAILABLE), because silently keeping a refresh token in memory or a file would hide it.
 */
export class MemorySecretStore implements SecretStore {
  readonly #secrets = new Map<string, string>();

  async get(account: string): Promise<string | null> {
    return this.#secrets.get(account) ?? null;
  }

  async set(account: string, secret: string): Promise<void> {
    this.#secrets.set(account, secret);
  }

  async delete(account: string): Promise<boolean> {
    return this.#secrets.delete(account);
  }
}
