import { tmpdir } from 'node:os';
import { resolve, sep } from 'node:path';
import Fastify from 'fastify';
import { registerDevOutbox } from './api/dev-outbox-routes';
import { registerApiRoutes } from './api/register-api';
import { createDevTokens } from './auth/dev-tokens';
import type { AccessTokenVerifier } from './auth/token-verifier';
import type { ServerContext } from './context';
import { openDatabase } from './db/database';
import { connectEngine } from './engine/connect-engine';
import { startEngineRuntime } from './engine/engine-runtime';
import { requireAuthentication } from './http/authenticate';
import { answerClientError } from './http/client-error-answer';
import { MAX_PATH_SEGMENT_LENGTH, routeNotFound } from './http/framework-problems';
import { sendProblem } from './http/problem';
import { problemErrorHandler } from './http/problem-error-handler';
import { strictBodyValidator } from './http/strict-body-validator';
import { resolveOptions, type PortalServerOptions } from './options';
import { registerOidc } from './oidc/register-oidc';
import { registerOpenApiDocument } from './openapi/openapi-document';
import { lazySerializer } from './http/lazy-serializer';
import { applySeed } from './seed';

export interface RunningPortalServer {
  url: string;
  issuer: string;
  /** Runs one reconcile with the engine now and waits for it (tests; nothing when no engine is driven). */
  reconcileEngine(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Starts the reference portal on 127.0.0.1: REST API under /api/v1, OpenID Connect under /oidc.
 * Used in-process by the app's demo mode and by tests, and by `npm run server`.
 */
export async function startPortalServer(input: PortalServerOptions): Promise<RunningPortalServer> {
  const options = resolveOptions(input);
  if (options.devTokens && !devTokensAllowed(options.dbPath)) {
    throw new Error('--dev-tokens is only allowed with a database under the temp folder or NODE_ENV=test');
  }
  const db = openDatabase(options.dbPath);
  await applySeed(db, options.seed, options.now());

  const listening: { baseUrl?: string } = {};
  // The engine's failures go to stderr: the CLI's stdout carries only its ready line.
  const engine = startEngineRuntime(db, options.engine, options.now, () => connectEngine(options.engine), (line) => process.stderr.write(`${line}\n`));
  const context: ServerContext = {
    db,
    now: options.now,
    options,
    engine,
    baseUrl: () => {
      if (!listening.baseUrl) throw new Error('the server is not listening yet');
      return listening.baseUrl;
    },
  };

  // Strict bodies: unknown properties are refused (400), not silently dropped. Every error, the
  // router's own (a broken %-encoding, an over-long path) and an unknown route's too, is problem+json.
  // The router reads path parameters far longer than any id, so the id's schema names the field.
  const app = Fastify({
    logger: options.logger,
    bodyLimit: 256 * 1024,
    routerOptions: { maxParamLength: MAX_PATH_SEGMENT_LENGTH },
    ajv: { customOptions: { removeAdditional: false, allErrors: true } },
    schemaController: { compilersFactory: { buildValidator: strictBodyValidator(), buildSerializer: lazySerializer() } },
    frameworkErrors: problemErrorHandler,
    clientErrorHandler: answerClientError,
  });
  app.setErrorHandler(problemErrorHandler);
  app.setNotFoundHandler((request, reply) => sendProblem(reply, request, routeNotFound(request)));

  const verifiers: AccessTokenVerifier[] = [];
  if (options.devTokens) {
    const devTokens = createDevTokens(db, options.now);
    devTokens.register(app);
    verifiers.push(devTokens.verifier);
  }
  // OpenID Connect under /oidc; its verifier goes last because it claims every remaining Bearer/DPoP token.
  const oidc = await registerOidc(app, context);
  verifiers.push(oidc.verifier);

  // Before the API routes: the OpenAPI document is generated from their schemas as they are added.
  await registerOpenApiDocument(app);
  if (options.devTokens) registerDevOutbox(app, db);
  await app.register(
    async (api) => {
      requireAuthentication(api, verifiers);
      registerApiRoutes(api, context);
    },
    { prefix: '/api/v1' },
  );

  try {
    await app.listen({ port: options.port, host: '127.0.0.1' });
  } catch (error) {
    // e.g. EADDRINUSE: leave nothing open, so the caller can try another port with the same file.
    await app.close();
    await engine.close();
    db.close();
    throw error;
  }
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('the server did not bind a TCP port');
  const url = `http://127.0.0.1:${address.port}`;
  listening.baseUrl = url;
  oidc.start();

  return {
    url,
    issuer: `${url}/oidc`,
    reconcileEngine: () => engine.reconcile(),
    async close() {
      await app.close();
      await engine.close();
      db.close();
    },
  };
}

function devTokensAllowed(dbPath: string): boolean {
  return process.env['NODE_ENV'] === 'test' || resolve(dbPath).startsWith(resolve(tmpdir()) + sep);
}
