import type { JWK } from 'jose';
import { z } from 'zod';

/** What the keychain holds for one signed-in profile. Nothing of it is ever written elsewhere. */
export interface StoredSession {
  refreshToken: string;
  subject: string;
  dpopKey?: JWK;
}

const storedSessionSchema = z.object({
  refreshToken: z.string().min(1),
  subject: z.string().min(1),
  dpopKey: z.record(z.string(), z.unknown()).optional(),
});

export function serializeStoredSession(session: StoredSession): string {
  return JSON.stringify(session);
}

/** A corrupt or foreign keychain entry reads as "no session", never as an exception at startup. */
export function parseStoredSession(text: string | null): StoredSession | undefined {
  if (!text) return undefined;
  try {
    const parsed = storedSessionSchema.safeParse(JSON.parse(text));
    return parsed.success ? (parsed.data as StoredSession) : undefined;
  } catch {
    return undefined;
  }
}
