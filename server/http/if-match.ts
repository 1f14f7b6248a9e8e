import { Problem } from './problem';

/** The ETag of an object the portal versions: W/"<version>". A PATCH or DELETE names it in If-Match. */
export function versionEtag(version: number): string {
  return `W/"${version}"`;
}

/**
 * Parses If-Match: W/"<version>" (or a strong "<version>", or *). 428 without it, 412 when stale.
 * Checked before the body, so a client with an old copy learns that first. `what` names the object in
 * the developer message ("the user", "the machine group").
 */
export function checkIfMatch(ifMatch: string | undefined, version: number, what: string): void {
  if (ifMatch === undefined || ifMatch.trim() === '') {
    throw new Problem(428, 'PRECONDITION_REQUIRED', `Send If-Match with the ETag of ${what} you are changing`);
  }
  const tags = ifMatch.split(',').map((tag) => tag.trim());
  const matches = tags.some((tag) => tag === '*' || tag.replace(/^W\//, '') === `"${version}"`);
  if (!matches) throw new Problem(412, 'PRECONDITION_FAILED', `${what[0]!.toUpperCase()}${what.slice(1)} was changed by someone else; reload it and try again`);
}

/** The If-Match request header as route schemas document it. */
export const ifMatchHeaders = {
  type: 'object',
  properties: { 'if-match': { type: 'string', description: 'W/"<version>" from the ETag' } },
} as const;
