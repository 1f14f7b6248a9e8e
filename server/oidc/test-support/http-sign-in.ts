import type { PendingLogin } from './native-app';

/** How the sign-in page answered one form post, read from its status and the message it shows. */
export type StepAnswer = 'passed' | 'throttled' | 'wrong-credentials' | 'wrong-code' | 'deactivated' | 'not-for-this-client';

/**
 * One sign-in interaction driven over plain HTTP, as a script (not a browser) would: its own cookies,
 * so many of them can post in parallel. The pages' texts tell the answers apart.
 */
export interface HttpInteraction {
  uid: string;
  submitCredentials(username: string, secret: string): Promise<StepAnswer>;
  submitCode(code: string): Promise<StepAnswer>;
  /** After a passed second factor: follows the provider's redirect to the app's callback and returns the code. */
  authorizationCode(): Promise<string>;
}

/** Any client's authorization request: the app's (PendingLogin) or the engine's. */
export async function openHttpInteraction(login: Pick<PendingLogin, 'authorizationUrl' | 'redirectUri'>): Promise<HttpInteraction> {
  const cookies = new Map<string, string>();
  const keep = (response: Response): void => {
    for (const header of response.headers.getSetCookie()) {
      const [pair = ''] = header.split(';');
      const at = pair.indexOf('=');
      cookies.set(pair.slice(0, at), pair.slice(at + 1));
    }
  };
  const cookieHeader = (): string => [...cookies].map(([name, value]) => `${name}=${value}`).join('; ');

  const start = await fetch(login.authorizationUrl, { redirect: 'manual' });
  keep(start);
  const location = start.headers.get('location') ?? '';
  const interactionUrl = new URL(location, login.authorizationUrl);
  const uid = /^\/oidc\/interaction\/([^/]+)$/.exec(interactionUrl.pathname)?.[1];
  if (start.status !== 303 || !uid) throw new Error(`no sign-in interaction: ${start.status} ${location}`);

  let next: URL | undefined;

  async function post(step: 'credentials' | 'second-factor', form: Record<string, string>): Promise<StepAnswer> {
    const response = await fetch(`${interactionUrl.href}/${step}`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookieHeader() },
      body: new URLSearchParams(form),
    });
    keep(response);
    const html = await response.text();
    if (response.status === 303) {
      next = new URL(response.headers.get('location') ?? '', interactionUrl);
      return 'passed';
    }
    if (response.status === 401 && html.includes('This user is deactivated')) return 'deactivated';
    if (response.status === 403 && html.includes('Only remote-support users can sign in')) return 'not-for-this-client';
    if (response.status === 401 && html.includes('Too many failed attempts')) return 'throttled';
    if (response.status === 401 && html.includes('Wrong username or password')) return 'wrong-credentials';
    if (response.status === 401 && html.includes('Wrong code')) return 'wrong-code';
    throw new Error(`unexpected answer to ${step}: ${response.status} ${html.slice(0, 300)}`);
  }

  return {
    uid,
    submitCredentials: (username, secret) => post('credentials', { username, secret }),
    submitCode: (code) => post('second-factor', { code }),
    async authorizationCode() {
      if (!next) throw new Error('no passed second factor to finish');
      const resumed = await fetch(next, { redirect: 'manual', headers: { cookie: cookieHeader() } });
      const callback = new URL(resumed.headers.get('location') ?? '', next);
      const code = callback.searchParams.get('code');
      if (resumed.status !== 303 || !callback.href.startsWith(login.redirectUri) || !code) {
        throw new Error(`no authorization code: ${resumed.status} ${callback.href}`);
      }
      return code;
    },
  };
}

/** How many answers of each kind. */
export function tally(answers: readonly StepAnswer[]): Partial<Record<StepAnswer, number>> {
  const counts: Partial<Record<StepAnswer, number>> = {};
  for (const answer of answers) counts[answer] = (counts[answer] ?? 0) + 1;
  return counts;
}
