/**
 * Where the app keeps the few things that must survive a restart but may never touch a file we
 * write: today, a profile's refresh token. Small on purpose (compare GitHub Desktop's token-store),
 * so code that needs it can be tested against MemorySecretStore.
 */
export interface SecretStore {
  /** The secret stored for `account`, or null if there is none. */
  get(account: string): Promise<string | null>;
  /** Stores `secret` for `account`, replacing any earlier one. */
  set(account: string, secret: string): Promise<void>;
  /** Removes the secret for `account`; true if there was one. */
  delete(account: string): Promise<boolean>;
}

/** The keychain "service" every entry of the app is filed under; users see it in their keychain app. */
export const SECRET_SERVICE = 'Fjernhjelp Admin';

/**
 * The keychain account for one signed-in user of one profile: `profileId:subject`. A profile id may
 * not contain ":" itself, or two different (profile, subject) pairs could name the same entry.
 */
export function secretAccount(profileId: string, subject: string): string {
  if (profileId === '' || profileId.includes(':')) throw new TypeError('A profile id must be non-empty and contain no ":"');
  if (subject === '') throw new TypeError('A subject must be non-empty');
  return `${profileId}:${subject}`;
}
