import { z } from 'zod';
import { checkClientId, checkPortalAddress, checkProfileName, DEFAULT_CLIENT_ID, isLoopbackHost } from '../../common/validation/portal-profile';
import type { FieldCheck } from '../../common/validation/field-check';

/** A portal the app signs in to: the API base URL, its OpenID Connect issuer and the app's client id. */
export interface Profile {
  id: string;
  name: string;
  portalUrl: string;
  issuer: string;
  clientId: string;
}

export const CLIENT_ID = DEFAULT_CLIENT_ID;
export const DEMO_PROFILE_ID = 'demo';

export function isLoopbackUrl(url: URL): boolean {
  return isLoopbackHost(url.hostname);
}

/**
 * A field checked by one of the shared profile rules (common/validation/portal-profile.ts): the same
 * rule the form applies, so a saved profile and a typed one are held to one standard. A refusal is a
 * zod issue carrying the rule's code; nothing here throws on any text.
 */
const ruled = (check: (text: string) => FieldCheck<string>) =>
  z.string().superRefine((value, context) => {
    const checked = check(value);
    if (!checked.ok) context.addIssue({ code: 'custom', message: checked.message, params: { code: checked.code } });
  });

/** What settings.json holds for each portal; plain http only on this machine, anything remote https. */
export const profileSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]{1,40}$/),
  name: ruled(checkProfileName),
  portalUrl: ruled(checkPortalAddress),
  issuer: ruled(checkPortalAddress),
  clientId: ruled(checkClientId),
});
