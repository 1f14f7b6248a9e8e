import { PortalError } from '../ipc/portal-error';
import { SECRET_SERVICE, type SecretStore } from './secret-store';

/** The part of keytar this store uses; injectable so the error mapping can be tested without a keychain. */
export interface KeytarApi {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
}

export interface KeytarSecretStoreOptions {
  /** Defaults to SECRET_SERVICE; tests use their own so they never touch a developer's real entries. */
  service?: string;
  /** Defaults to importing keytar; see loadKeytar. */
  loadKeytar?: () => Promise<KeytarApi>;
}

/**
 * Imports keytar on first use rather than at startup: its native binding links against libsecret on
 * Linux, and a machine without it must get a KEYCHAIN_UNAVAILABLE error at login, not a main process
 * that cannot start.
 */
async function importKeytar(): Promise<KeytarApi> {
  const keytar = await import('keytar');
  return keytar.default ?? keytar;
}

/**
 * SecretStore in the OS keychain: macOS Keychain, Windows Credential Manager, or the freedesktop
 * Secret Service (GNOME Keyring, KWallet) on Linux. Every failure, including a missing D-Bus session
 * or a locked collection, is KEYCHAIN_UNAVAILABLE. There is deliberately no fallback to a file or to
 * memory: a refresh token stored in plaintext would be worse than asking the user to sign in.
 *
 * Note: on Linux a locked collection reads as "no entry" (libsecret does not search locked items), so
 * get() returns null and the following set() is what reports the problem.
 */
export class KeytarSecretStore implements SecretStore {
  readonly #service: string;
  readonly #load: () => Promise<KeytarApi>;
  #keytar: Promise<KeytarApi> | undefined;

  constructor(options: KeytarSecretStoreOptions = {}) {
    this.#service = options.service ?? SECRET_SERVICE;
    this.#load = options.loadKeytar ?? importKeytar;
  }

  get(account: string): Promise<string | null> {
    return this.#call('read', (keytar) => keytar.getPassword(this.#service, account));
  }

  set(account: string, secret: string): Promise<void> {
    return this.#call('store', (keytar) => keytar.setPassword(this.#service, account, secret));
  }

  delete(account: string): Promise<boolean> {
    return this.#call('delete', (keytar) => keytar.deletePassword(this.#service, account));
  }

  async #call<T>(action: string, run: (keytar: KeytarApi) => Promise<T>): Promise<T> {
    let keytar: KeytarApi;
    try {
      keytar = await (this.#keytar ??= this.#load());
    } catch (error) {
      // Forget the failed import so a later attempt reports the same clear error instead of a stale one.
      this.#keytar = undefined;
      throw keychainUnavailable(action, error);
    }
    try {
      return await run(keytar);
    } catch (error) {
      throw keychainUnavailable(action, error);
    }
  }
}

/**
 * The message names the cause keytar gave (it never contains the secret) and what the user can do,
 * because "could not connect" alone sends people looking in the wrong place.
 */
function keychainUnavailable(action: string, error: unknown): PortalError {
  const reason = error instanceof Error ? error.message : String(error);
  return new PortalError(
    'KEYCHAIN_UNAVAILABLE',
    `The OS keychain is unavailable: could not ${action} the secret (${reason}). ` +
      'On Linux a Secret Service (GNOME Keyring or KWallet) must be running in the D-Bus session with its collection unlocked; ' +
      'on macOS the login keychain and on Windows the Credential Manager must be accessible. The app never stores the secret anywhere else.',
  );
}
