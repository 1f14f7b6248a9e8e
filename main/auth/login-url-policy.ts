/**
 * shell.openExternal is only ever given the configured issuer's own URLs (the authorization or PAR
 * request_uri URL). Anything else — a link from the renderer, a redirect — is refused.
 */
export function isIssuerUrl(candidate: string, issuer: string): boolean {
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return false;
  }
  const expected = new URL(issuer);
  if (url.protocol !== expected.protocol || url.host !== expected.host) return false;
  if (url.username || url.password) return false;
  const base = expected.pathname.endsWith('/') ? expected.pathname : `${expected.pathname}/`;
  return url.pathname === expected.pathname || url.pathname.startsWith(base);
}
