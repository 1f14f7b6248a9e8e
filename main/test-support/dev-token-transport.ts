import type { ApiTransport } from '../api/api-transport';

/**
 * A real HTTP transport authenticated with the reference portal's test-only dev token, for tests of
 * code above the session (sync, cache) that need not drive a browser for every case.
 */
export async function devTokenTransport(portalUrl: string, username: string): Promise<ApiTransport> {
  const response = await fetch(new URL('/dev/token', portalUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username }),
  });
  if (!response.ok) throw new Error(`dev token: ${response.status} ${await response.text()}`);
  const { access_token: token } = (await response.json()) as { access_token: string };
  return {
    fetch: (url, method, body, headers = {}) =>
      fetch(url, {
        method,
        headers: { ...headers, authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      }),
  };
}
