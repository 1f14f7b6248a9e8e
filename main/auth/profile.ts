import { z } from 'zod';

/** A portal the app signs in to: the API base URL, its OpenID Connect issuer and the app's client id. */
export interface Profile {
  id: string;
  name: string;
  portalUrl: string;
  issuer: string;
  clientId: string;
}

export const CLIENT_ID = 'fjernhjelp-admin';
export const DEMO_PROFILE_ID = 'demo';

export function isLoopbackUrl(url: URL): boolean {
  return url.hostname === '127.0.0.1' || url.hostname === '[::1]' || url.hostname === 'localhost';
}

/** Plain http is only acceptable on this machine (demo mode, tests); anything remote must be https. */
const secureUrl = z
  .string()
  .url()
  .refine((value) => {
    const url = new URL(value);
    return url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackUrl(url));
  }, 'must be https unless it is on this machine (127.0.0.1)');

export const profileSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]{1,40}$/),
  name: z.string().trim().min(1).max(80),
  portalUrl: secureUrl,
  issuer: secureUrl,
  clientId: z.string().min(1).max(200),
});
