import type { FastifyInstance, RouteOptions } from 'fastify';

/**
 * The body of a route that declares none: nothing, or an empty object. Many HTTP clients send
 * `content-type: application/json` (and then an empty body, or `{}`) on every request, so both are
 * accepted; anything in it is refused (400 on the property), so a stray field never passes unseen.
 * Not published in the OpenAPI document: there an operation without a requestBody takes none.
 */
export const NO_BODY = { type: 'object', nullable: true, additionalProperties: false, properties: {} } as const;

/** GET and HEAD requests carry no body Fastify would read (and Fastify refuses a body schema on them). */
const BODILESS_METHODS = new Set(['GET', 'HEAD']);

/**
 * The API's request bodies, for every route registered in `scope` after this: JSON only (anything
 * else, or a body without a content type, is a 415), an empty JSON body reads as no body, and a route
 * without a body schema gets NO_BODY, so every route declares what its body may hold.
 */
export function jsonBodiesOnly(scope: FastifyInstance): void {
  const parseJson = scope.getDefaultJsonParser('error', 'error');
  scope.removeAllContentTypeParsers();
  scope.addContentTypeParser<string>('application/json', { parseAs: 'string' }, (request, body, done) => {
    if (body.length === 0) return done(null, undefined);
    parseJson(request, body, done);
  });
  scope.addHook('onRoute', (route: RouteOptions) => {
    if ([route.method].flat().every((method) => BODILESS_METHODS.has(method))) return;
    if (route.schema?.body === undefined) route.schema = { ...route.schema, body: NO_BODY };
  });
}
