import { STATUS_CODES } from 'node:http';
import type { FastifyError, FastifyRequest } from 'fastify';
import { Problem, type ProblemField } from './problem';

/** The longest path segment the router reads (Fastify's maxParamLength); a longer one is a 414. */
export const MAX_PATH_SEGMENT_LENGTH = 1000;

const invalid = (status: number, code: string, title: string, field: ProblemField): Problem => new Problem(status, code, title, [field]);
const notValid = (field: ProblemField): Problem => invalid(400, 'VALIDATION_FAILED', 'The request is not valid', field);

/** The media type a request declared, short enough to quote back. */
function declaredMediaType(request: FastifyRequest): string | undefined {
  const header = request.headers['content-type'];
  return header?.split(';')[0]?.trim().slice(0, 100) || undefined;
}

/**
 * Fastify's own errors (router, body parser, limits) as the API's problems: one of our codes, never an
 * FST_ERR_..., and the field they concern. Keyed by Fastify's code.
 */
const byFastifyCode: Record<string, (request: FastifyRequest) => Problem> = {
  FST_ERR_BAD_URL: () => notValid({ field: 'path', code: 'PATH_ENCODING_INVALID', message: 'The path holds a % that does not start a percent-encoded byte' }),
  FST_ERR_MAX_PARAM_LENGTH: () =>
    invalid(414, 'URI_TOO_LONG', 'The path is too long', { field: 'path', code: 'TOO_LONG', message: `A part of the path is over ${MAX_PATH_SEGMENT_LENGTH} characters` }),
  FST_ERR_CTP_INVALID_MEDIA_TYPE: (request) => {
    const declared = declaredMediaType(request);
    const message = declared ? `${declared} is not application/json` : 'A body needs the content type application/json';
    return invalid(415, 'UNSUPPORTED_MEDIA_TYPE', 'The body must be application/json', { field: 'content-type', code: 'UNSUPPORTED_MEDIA_TYPE', message });
  },
  FST_ERR_CTP_INVALID_JSON_BODY: () =>
    notValid({ field: 'body', code: 'JSON_INVALID', message: 'The body is not valid JSON, or it holds a __proto__ or constructor.prototype key' }),
  // Only outside /api/v1 (the API reads an empty JSON body as none).
  FST_ERR_CTP_EMPTY_JSON_BODY: () => notValid({ field: 'body', code: 'REQUIRED', message: 'The body is empty' }),
  FST_ERR_CTP_BODY_TOO_LARGE: (request) =>
    invalid(413, 'BODY_TOO_LARGE', 'The body is too large', { field: 'body', code: 'TOO_LARGE', message: `The body is over ${request.routeOptions.bodyLimit} bytes` }),
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: () =>
    notValid({ field: 'content-length', code: 'CONTENT_LENGTH_MISMATCH', message: 'The body is not as long as content-length says' }),
};

/**
 * A client error Fastify raised itself, as a Problem; anything not mapped above (a stream aborted by
 * the client, say) keeps its status under the status's own name, e.g. 400 BAD_REQUEST.
 */
export function frameworkProblem(error: FastifyError, request: FastifyRequest, status: number): Problem {
  const mapped = byFastifyCode[error.code];
  if (mapped) return mapped(request);
  request.log.warn({ code: error.code, status }, 'client error without a problem mapping');
  const name = (STATUS_CODES[status] ?? 'Bad Request').toUpperCase().replace(/[^A-Z]+/g, '_');
  return new Problem(status, name, STATUS_CODES[status] ?? 'Bad Request');
}

/** The answer to a path or method the portal has no route for. */
export function routeNotFound(request: FastifyRequest): Problem {
  return new Problem(404, 'ROUTE_NOT_FOUND', `The portal has no route ${request.method} ${request.url.split('?')[0]}`);
}
