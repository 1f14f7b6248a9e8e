import type { FastifyReply, FastifyRequest } from 'fastify';

/** One invalid field in a problem response: `field` names it, `code` says why in a stable word. */
export interface ProblemField {
  field: string;
  code: string;
  message: string;
}

/**
 * An RFC 9457 problem the API answers with. `code` is the stable machine-readable reason the app maps
 * to Norwegian and English text (e.g. NAME_TOO_LONG); `errors` lists per-field problems.
 */
export class Problem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly title: string,
    readonly errors?: ProblemField[],
    readonly headers?: Record<string, string>,
  ) {
    super(title);
    this.name = 'Problem';
  }
}

export const notFound = (what = 'Resource'): Problem => new Problem(404, 'NOT_FOUND', `${what} not found`);
export const forbidden = (why = 'Not allowed'): Problem => new Problem(403, 'FORBIDDEN', why);

export const PROBLEM_MEDIA_TYPE = 'application/problem+json';

/** The problem's RFC 9457 body; `instance` is the request's path, where the request got as far as having one. */
export function problemBody(problem: Problem, instance: string | undefined): Record<string, unknown> {
  return {
    type: `about:blank#${problem.code}`,
    title: problem.title,
    status: problem.status,
    code: problem.code,
    ...(instance === undefined ? {} : { instance }),
    ...(problem.errors ? { errors: problem.errors } : {}),
  };
}

export function sendProblem(reply: FastifyReply, request: FastifyRequest, problem: Problem): FastifyReply {
  if (problem.headers) void reply.headers(problem.headers);
  return reply.code(problem.status).type(PROBLEM_MEDIA_TYPE).send(problemBody(problem, request.url));
}
