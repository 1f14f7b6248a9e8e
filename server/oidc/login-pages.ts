import { createHash } from 'node:crypto';

/**
 * The sign-in pages: server-rendered HTML with no script and no external assets, Norwegian first with
 * English beneath. Every interpolated value goes through `escapeHtml`.
 */

export interface Bilingual {
  nb: string;
  en: string;
}

export interface DemoCredentials {
  username: string;
  password: string;
  currentCode: string;
  secondsLeft: number;
}

export type SecondFactorMethod = 'totp' | 'yubikey';

const CSS = `
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:#f3f5f7;color:#1b2733}
main{max-width:26rem;margin:3rem auto;padding:2rem;background:#fff;border-radius:8px;box-shadow:0 1px 4px rgba(0,0,0,.15)}
h1{font-size:1.4rem;margin:0 0 1rem}
.en{display:block;font-size:.85em;font-weight:normal;color:#52606d}
label{display:block;margin:1rem 0 .25rem;font-weight:600}
input{width:100%;padding:.6rem;font-size:1rem;border:1px solid #8795a1;border-radius:4px}
input:focus{outline:3px solid #1d6fd8;outline-offset:1px}
button{margin-top:1.25rem;padding:.6rem 1.2rem;font-size:1rem;border:0;border-radius:4px;background:#0b5cab;color:#fff;cursor:pointer}
button.secondary{background:transparent;color:#0b5cab;padding-left:0;text-decoration:underline}
.error{padding:.75rem;border-left:4px solid #b3261e;background:#fdecea;color:#5f1410}
.demo{margin-top:1.5rem;padding:1rem;border:3px dashed #c77700;background:#fff8e6}
.demo h2{margin:0;font-size:1.1rem;letter-spacing:.1em}
.demo dl{display:grid;grid-template-columns:auto 1fr;gap:.25rem 1rem;margin:.5rem 0 0}
.demo dt{font-weight:600}.demo dd{margin:0}
code{font-size:1.05em}
`;

const STYLE_HASH = `'sha256-${createHash('sha256').update(CSS).digest('base64')}'`;

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/**
 * Headers for every sign-in page. `formTargets` are extra origins a form submission may end up at:
 * browsers apply form-action to the redirects that follow a POST, and a successful sign-in redirects
 * through the authorization endpoint to the app's loopback callback.
 */
export function pageHeaders(formTargets: readonly string[] = []): Record<string, string> {
  const formAction = ["'self'", ...formTargets].join(' ');
  return {
    'content-type': 'text/html; charset=utf-8',
    'content-security-policy': `default-src 'none'; style-src ${STYLE_HASH}; form-action ${formAction}; frame-ancestors 'none'; base-uri 'none'`,
    'x-frame-options': 'DENY',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cache-control': 'no-store',
  };
}

const text = ({ nb, en }: Bilingual): string => `${escapeHtml(nb)} <span lang="en" class="en">${escapeHtml(en)}</span>`;

function layout(title: Bilingual, body: string): string {
  return `<!doctype html>
<html lang="nb">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title.nb)} – Fjernhjelp</title>
<style>${CSS}</style>
</head>
<body>
<main>
<h1>${text(title)}</h1>
${body}
</main>
</body>
</html>`;
}

const errorBox = (error: Bilingual | undefined): string =>
  error ? `<p class="error" role="alert" id="error">${text(error)}</p>` : '';

function demoBox(demo: DemoCredentials | undefined): string {
  if (!demo) return '';
  return `<aside class="demo" aria-labelledby="demo-title" id="demo-credentials">
<h2 id="demo-title">DEMO</h2>
<p>${text({ nb: 'Vises bare i demomodus, med demodata.', en: 'Shown in demo mode only, with demo data.' })}</p>
<dl>
<dt>Brukernavn <span lang="en" class="en">Username</span></dt><dd><code id="demo-username">${escapeHtml(demo.username)}</code></dd>
<dt>Passord <span lang="en" class="en">Password</span></dt><dd><code id="demo-password">${escapeHtml(demo.password)}</code></dd>
<dt>Kode nå <span lang="en" class="en">Current code</span></dt><dd><code id="demo-code">${escapeHtml(demo.currentCode)}</code>
 ${text({ nb: `(gyldig i ${demo.secondsLeft} s til; last siden på nytt for en ny)`, en: `(valid for ${demo.secondsLeft} more s; reload the page for a new one)` })}</dd>
</dl>
</aside>`;
}

const cancelForm = (uid: string): string =>
  `<form method="post" action="/oidc/interaction/${encodeURIComponent(uid)}/abort"><button type="submit" class="secondary">${text({ nb: 'Avbryt', en: 'Cancel' })}</button></form>`;

export function credentialsPage(input: { uid: string; username?: string; error?: Bilingual; demo?: DemoCredentials }): string {
  const action = `/oidc/interaction/${encodeURIComponent(input.uid)}/credentials`;
  return layout(
    { nb: 'Logg inn på Fjernhjelp', en: 'Sign in to Fjernhjelp' },
    `${errorBox(input.error)}
<form method="post" action="${action}" id="credentials">
<label for="username">${text({ nb: 'Brukernavn', en: 'Username' })}</label>
<input id="username" name="username" autocomplete="username" autocapitalize="none" spellcheck="false" required maxlength="200"${input.username ? ` value="${escapeHtml(input.username)}"` : ' autofocus'}>
<label for="secret">${text({ nb: 'Passord, eller engangspassordet fra SMS', en: 'Password, or the one-time password from the SMS' })}</label>
<input id="secret" name="secret" type="password" autocomplete="current-password" required maxlength="200"${input.username ? ' autofocus' : ''}>
<button type="submit">${text({ nb: 'Neste', en: 'Next' })}</button>
</form>
${cancelForm(input.uid)}
${demoBox(input.demo)}`,
  );
}

export function secondFactorPage(input: { uid: string; method: SecondFactorMethod; error?: Bilingual; demo?: DemoCredentials }): string {
  const action = `/oidc/interaction/${encodeURIComponent(input.uid)}/second-factor`;
  const field =
    input.method === 'totp'
      ? `<label for="code">${text({ nb: 'Kode fra autentiseringsappen (6 siffer)', en: 'Code from your authenticator app (6 digits)' })}</label>
<input id="code" name="code" inputmode="numeric" autocomplete="one-time-code" pattern="[0-9]{6}" maxlength="6" required autofocus>`
      : `<label for="code">${text({ nb: 'Yubikey: sett den i og trykk på knappen', en: 'Yubikey: insert it and touch its button' })}</label>
<input id="code" name="code" autocomplete="off" autocapitalize="none" spellcheck="false" maxlength="64" required autofocus>`;
  return layout(
    { nb: 'Bekreft med to-faktor', en: 'Confirm with your second factor' },
    `${errorBox(input.error)}
<form method="post" action="${action}" id="second-factor">
${field}
<button type="submit">${text({ nb: 'Logg inn', en: 'Sign in' })}</button>
</form>
${cancelForm(input.uid)}
${demoBox(input.demo)}`,
  );
}

export function errorPage(message: Bilingual, detail?: string): string {
  return layout(
    { nb: 'Innloggingen kunne ikke fullføres', en: 'The sign-in could not be completed' },
    `<p class="error" role="alert" id="error">${text(message)}</p>${detail ? `<p><code>${escapeHtml(detail)}</code></p>` : ''}`,
  );
}

/**
 * RP-initiated logout (the app's "Logg ut" opens it): asks once, so another site cannot sign the user
 * out. `form` is oidc-provider's hidden form (its xsrf value); the button submits it with logout=yes,
 * which ends the whole browser session at the portal.
 */
export function logoutPage(form: string): string {
  return layout(
    { nb: 'Logge ut av kundeportalen i denne nettleseren?', en: 'Sign out of the customer portal in this browser?' },
    `<p>${text({
      nb: 'Fjernhjelp Admin er logget ut. Logg også ut her, så finner ikke den neste som bruker denne nettleseren deg innlogget.',
      en: 'Fjernhjelp Admin has signed out. Sign out here too, so the next person using this browser does not find you signed in.',
    })}</p>
${form}
<button type="submit" form="op.logoutForm" name="logout" value="yes" autofocus>${text({ nb: 'Logg ut', en: 'Sign out' })}</button>`,
  );
}

export function loggedOutPage(): string {
  return layout(
    { nb: 'Du er logget ut', en: 'You are signed out' },
    `<p id="signed-out">${text({ nb: 'Du er logget ut av kundeportalen i denne nettleseren. Du kan lukke denne fanen.', en: 'You are signed out of the customer portal in this browser. You can close this tab.' })}</p>`,
  );
}
