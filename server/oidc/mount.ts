import type { IncomingMessage } from 'node:http';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type Provider from 'oidc-provider';
import { OIDC_MOUNT_PATH } from './provider';

/**
 * Hands every request under /oidc (except the sign-in pages, which are Fastify routes) to oidc-provider,
 * which is a Koa app. As with Express's `app.use('/oidc', provider.callback())`, the mount path is cut
 * from `url` and kept in `originalUrl`: oidc-provider routes on `url` and derives the mount path for the
 * URLs it builds from the difference, which must also match the issuer's path.
 */
export async function mountOidcProvider(app: FastifyInstance, provider: () => Provider | undefined): Promise<void> {
  await app.register(async (scope) => {
    // oidc-provider reads request bodies itself; leave the stream unread for it.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', (_request, _payload, done) => done(null));

    let callback: ReturnType<Provider['callback']> | undefined;
    const handle = async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
      const current = provider();
      // Only in the moment between listen and start(): the issuer is not known yet.
      if (!current) return void reply.code(503).header('retry-after', '1').send();
      reply.hijack();
      const raw = request.raw as IncomingMessage & { originalUrl?: string };
      const original = raw.url ?? '/';
      raw.originalUrl = original;
      raw.url = original.slice(OIDC_MOUNT_PATH.length) || '/';
      if (!raw.url.startsWith('/')) raw.url = `/${raw.url}`;
      callback ??= current.callback();
      await callback(raw, reply.raw);
    };
    scope.all(OIDC_MOUNT_PATH, handle);
    scope.all(`${OIDC_MOUNT_PATH}/*`, handle);
  });
}
