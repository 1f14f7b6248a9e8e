import { setTimeout as sleep } from 'node:timers/promises';
import formbody from '@fastify/formbody';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type Provider from 'oidc-provider';
import type { InteractionResults } from 'oidc-provider';
import type { FirstFactor, SignIn, SignInError } from '../auth/sign-in';
import { SUPPORTED_SCOPES } from './accounts';
import { credentialsPage, errorPage, pageHeaders, secondFactorPage, type Bilingual, type DemoCredentials } from './login-pages';
import { OIDC_MOUNT_PATH } from './provider';

type Details = Awaited<ReturnType<Provider['interactionDetails']>>;

const MESSAGES: Record<SignInError | 'expired' | 'not-for-this-client', Bilingual> = {
  'invalid-credentials': { nb: 'Feil brukernavn eller passord.', en: 'Wrong username or password.' },
  throttled: { nb: 'For mange mislykkede forsøk. Vent litt og prøv igjen.', en: 'Too many failed attempts. Wait a moment and try again.' },
  'no-second-factor': {
    nb: 'Brukeren har ingen to-faktor satt opp. Kontakt administratoren din.',
    en: 'This user has no second factor set up. Contact your administrator.',
  },
  'invalid-code': { nb: 'Feil kode. Prøv igjen.', en: 'Wrong code. Try again.' },
  'code-reused': {
    nb: 'Denne koden er allerede brukt. Vent på neste kode.',
    en: 'This code has already been used. Wait for the next one.',
  },
  'one-time-password-used': {
    nb: 'Engangspassordet er allerede brukt eller erstattet. Be administratoren om et nytt.',
    en: 'The one-time password has already been used or replaced. Ask your administrator for a new one.',
  },
  deactivated: {
    nb: 'Brukeren er deaktivert og kan ikke logge inn. Kontakt kundeportaladministratoren i virksomheten din.',
    en: 'This user is deactivated and cannot sign in. Contact your organisation\'s portal administrator.',
  },
  'not-for-this-client': {
    nb: 'Bare fjernhjelpsbrukere kan logge inn i fjernhjelpsverktøyet. Kontakt kundeportaladministratoren i virksomheten din.',
    en: "Only remote-support users can sign in to the remote-support tool. Contact your organisation's portal administrator.",
  },
  expired: {
    nb: 'Innloggingen er utløpt eller ugyldig. Gå tilbake til appen og start innloggingen på nytt.',
    en: 'This sign-in has expired or is not valid. Go back to the app and start signing in again.',
  },
};

const FIRST_FACTOR = 'firstFactor';

/**
 * The sign-in pages for oidc-provider's interactions. They are bound to the interaction by its uid in
 * the path and by oidc-provider's `_interaction` cookie (SameSite=Lax, scoped to this path), so another
 * site cannot post to them on the user's behalf. Step one's result lives in the interaction itself.
 */
export async function registerInteractionRoutes(
  app: FastifyInstance,
  deps: {
    provider: () => Provider | undefined;
    signIn: SignIn;
    demo: () => DemoCredentials | undefined;
    /** Whether the user may sign in to this client (the engine's admits remote-support users only). */
    mayUseClient: (clientId: string, userId: string) => boolean;
  },
): Promise<void> {
  const base = `${OIDC_MOUNT_PATH}/interaction/:uid`;

  await app.register(async (scope) => {
    await scope.register(formbody, { bodyLimit: 8 * 1024 });
    scope.setErrorHandler(async (error: Error, request, reply) => {
      request.log.error({ message: error.message }, 'sign-in page failed');
      return reply.code(500).headers(pageHeaders()).send(errorPage(MESSAGES.expired));
    });

    scope.get<{ Params: { uid: string } }>(base, async (request, reply) => {
      const details = await load(request, reply);
      if (!details) return reply;
      // Every authorization signs in (see signInEveryTime in provider.ts), so no other prompt comes first.
      if (details.prompt.name !== 'login') return showError(reply, 400, MESSAGES.expired);
      const first = firstFactorOf(details);
      if (first) return page(reply, details, secondFactorPage({ uid: details.uid, method: first.secondFactor, demo: deps.demo() }));
      return page(reply, details, credentialsPage({ uid: details.uid, demo: deps.demo() }));
    });

    scope.post<{ Params: { uid: string } }>(`${base}/credentials`, async (request, reply) => {
      const details = await load(request, reply);
      if (!details) return reply;
      if (details.prompt.name !== 'login') return reply.redirect(pathOf(details), 303);
      const username = field(request, 'username');
      const result = await deps.signIn.checkCredentials(username, field(request, 'secret'));
      if (!result.ok) {
        await sleep(result.delayMs);
        return page(reply, details, credentialsPage({ uid: details.uid, username, error: MESSAGES[result.error], demo: deps.demo() }), 401);
      }
      // Told only to someone who knew the secret, before the second factor is used up (as for 'deactivated').
      if (!deps.mayUseClient(String(details.params['client_id']), result.firstFactor.userId)) {
        return page(reply, details, credentialsPage({ uid: details.uid, username, error: MESSAGES['not-for-this-client'], demo: deps.demo() }), 403);
      }
      await provider().interactionResult(request.raw, reply.raw, { [FIRST_FACTOR]: result.firstFactor }, { mergeWithLastSubmission: false });
      // Post/redirect/get: a reload of the second-factor page does not resubmit the password.
      return reply.redirect(pathOf(details), 303);
    });

    scope.post<{ Params: { uid: string } }>(`${base}/second-factor`, async (request, reply) => {
      const details = await load(request, reply);
      if (!details) return reply;
      const first = firstFactorOf(details);
      if (details.prompt.name !== 'login' || !first) return reply.redirect(pathOf(details), 303);
      const result = await deps.signIn.checkSecondFactor(first, field(request, 'code'));
      if (!result.ok) {
        await sleep(result.delayMs);
        if (result.error === 'one-time-password-used' || result.error === 'deactivated') {
          // Back to step one: the first factor this interaction holds is no longer valid.
          await provider().interactionResult(request.raw, reply.raw, {}, { mergeWithLastSubmission: false });
          return page(reply, details, credentialsPage({ uid: details.uid, username: first.username, error: MESSAGES[result.error], demo: deps.demo() }), 401);
        }
        return page(reply, details, secondFactorPage({ uid: details.uid, method: first.secondFactor, error: MESSAGES[result.error], demo: deps.demo() }), 401);
      }
      const grantId = await grantRequestedScopes(details, first.userId);
      return finish(request, reply, {
        // The browser session is never reused for a sign-in; it need not outlive the browser.
        login: { accountId: first.userId, amr: result.amr, remember: false },
        consent: { grantId },
      });
    });

    scope.post<{ Params: { uid: string } }>(`${base}/abort`, async (request, reply) => {
      const details = await load(request, reply);
      if (!details) return reply;
      return finish(request, reply, { error: 'access_denied', error_description: 'The user cancelled the sign-in' });
    });
  });

  function provider(): Provider {
    const current = deps.provider();
    if (!current) throw new Error('the OpenID provider is not started yet');
    return current;
  }

  /** The interaction this request belongs to, or an error page when it is gone or not this one. */
  async function load(request: FastifyRequest<{ Params: { uid: string } }>, reply: FastifyReply): Promise<Details | undefined> {
    let details: Details;
    try {
      details = await provider().interactionDetails(request.raw, reply.raw);
    } catch {
      showError(reply, 400, MESSAGES.expired);
      return undefined;
    }
    if (details.uid !== request.params.uid) {
      showError(reply, 400, MESSAGES.expired);
      return undefined;
    }
    return details;
  }

  async function finish(request: FastifyRequest, reply: FastifyReply, result: InteractionResults): Promise<FastifyReply> {
    const returnTo = await provider().interactionResult(request.raw, reply.raw, result, { mergeWithLastSubmission: false });
    return reply.redirect(returnTo, 303);
  }

  /**
   * First-party app: the user's sign-in is the consent, and every requested scope we support is granted.
   * Each sign-in gets its own grant, so revoking one app session (or reuse of its refresh token) ends
   * that one only.
   */
  async function grantRequestedScopes(details: Details, accountId: string): Promise<string> {
    const grant = new (provider().Grant)({ accountId, clientId: String(details.params['client_id']) });
    const supported: readonly string[] = SUPPORTED_SCOPES;
    const requested = String(details.params['scope'] ?? '').split(' ').filter((scope) => supported.includes(scope));
    grant.addOIDCScope(requested.join(' '));
    return grant.save();
  }
}

function firstFactorOf(details: Details): FirstFactor | undefined {
  return details.result?.[FIRST_FACTOR] as FirstFactor | undefined;
}

function field(request: FastifyRequest, name: string): string {
  const body = request.body as Record<string, unknown> | undefined;
  const value = body?.[name];
  return typeof value === 'string' ? value.slice(0, 200) : '';
}

function pathOf(details: Details): string {
  return `${OIDC_MOUNT_PATH}/interaction/${encodeURIComponent(details.uid)}`;
}

/** The app's loopback callback origin: the form posts end in a redirect there (see pageHeaders). */
function callbackOrigin(details: Details): string[] {
  const redirectUri = details.params['redirect_uri'];
  if (typeof redirectUri !== 'string') return [];
  try {
    return [new URL(redirectUri).origin];
  } catch {
    return [];
  }
}

function page(reply: FastifyReply, details: Details, html: string, status = 200): FastifyReply {
  return reply.code(status).headers(pageHeaders(callbackOrigin(details))).send(html);
}

function showError(reply: FastifyReply, status: number, message: Bilingual): FastifyReply {
  return reply.code(status).headers(pageHeaders()).send(errorPage(message));
}
