import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** A weak ETag of the bytes a list route answers with: equal bodies, equal tags. */
export function contentEtag(bytes: Uint8Array): string {
  return `W/"${createHash('sha256').update(bytes).digest('base64url').slice(0, 27)}"`;
}

function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const strip = (tag: string): string => tag.trim().replace(/^W\//, '');
  return ifNoneMatch.split(',').some((tag) => tag.trim() === '*' || strip(tag) === strip(etag));
}

/**
 * Sends `body` with its ETag, or 304 without a body when the client's If-None-Match already names it.
 * `no-cache` makes clients revalidate every time: the data changes whenever another admin acts.
 * Without a given ETag the body is serialized once, by the route's response schema, and the tag is of
 * exactly the bytes then sent (a sync page is megabytes: it is neither serialized nor encoded twice).
 */
export function sendWithEtag<T>(request: FastifyRequest, reply: FastifyReply, body: T, etag?: string): T | FastifyReply {
  if (etag === undefined) return sendJsonWithEtag(request, reply, reply.serialize(body));
  void reply.header('ETag', etag).header('Cache-Control', 'private, no-cache');
  if (matches(request.headers['if-none-match'], etag)) return reply.code(304).send();
  return body;
}

/** As sendWithEtag, for a body already serialized: encoded to UTF-8 once, tagged, and sent as those bytes. */
export function sendJsonWithEtag(request: FastifyRequest, reply: FastifyReply, json: string | Uint8Array | ArrayBuffer): FastifyReply {
  const bytes = typeof json === 'string' ? Buffer.from(json) : json instanceof ArrayBuffer ? new Uint8Array(json) : json;
  const tag = contentEtag(bytes);
  void reply.header('ETag', tag).header('Cache-Control', 'private, no-cache');
  if (matches(request.headers['if-none-match'], tag)) return reply.code(304).send();
  return reply.type('application/json; charset=utf-8').send(bytes);
}
