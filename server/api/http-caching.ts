import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** A weak ETag of the JSON a list route answers with: equal bodies, equal tags. */
export function contentEtag(body: unknown): string {
  return `W/"${createHash('sha256').update(JSON.stringify(body)).digest('base64url').slice(0, 27)}"`;
}

function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const strip = (tag: string): string => tag.trim().replace(/^W\//, '');
  return ifNoneMatch.split(',').some((tag) => tag.trim() === '*' || strip(tag) === strip(etag));
}

/**
 * Sends `body` with its ETag, or 304 without a body when the client's If-None-Match already names it.
 * `no-cache` makes clients revalidate every time: the data changes whenever another admin acts.
 */
export function sendWithEtag<T>(request: FastifyRequest, reply: FastifyReply, body: T, etag = contentEtag(body)): T | FastifyReply {
  void reply.header('ETag', etag).header('Cache-Control', 'private, no-cache');
  if (matches(request.headers['if-none-match'], etag)) return reply.code(304).send();
  return body;
}
