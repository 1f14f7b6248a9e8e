import type { FastifyError, FastifyReply, FastifyRequest, FastifySchemaValidationError } from 'fastify';
import { frameworkProblem } from './framework-problems';
import { Problem, sendProblem, type ProblemField } from './problem';

/** One schema failure as a field: the property it concerns, or the part of the request ("body") when it is the whole. */
function fieldError(issue: FastifySchemaValidationError, part: string): ProblemField {
  const path = issue.instancePath.replace(/^\//, '').replaceAll('/', '.');
  const params = issue.params as { missingProperty?: string; additionalProperty?: string; limit?: number };
  const property = params.missingProperty ?? params.additionalProperty;
  const field = [path, property].filter(Boolean).join('.') || part;
  // Ajv says "must NOT have fewer than 1 properties"; a body's properties are its fields.
  const message = issue.keyword === 'minProperties' ? `must have at least ${params.limit} field${params.limit === 1 ? '' : 's'}` : issue.message;
  return { field, code: issue.keyword.toUpperCase(), message: message ?? 'invalid' };
}

/**
 * Fastify's error handler, and its handler for router errors (`frameworkErrors`): Problems as they
 * are, schema failures as 400 with fields, Fastify's own client errors as our codes, the rest as 500.
 */
export function problemErrorHandler(error: FastifyError | Problem, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (error instanceof Problem) return sendProblem(reply, request, error);
  if (error.validation) {
    const errors = error.validation.map((issue) => fieldError(issue, error.validationContext ?? 'body'));
    return sendProblem(reply, request, new Problem(400, 'VALIDATION_FAILED', 'The request is not valid', errors));
  }
  if (error.statusCode && error.statusCode < 500) return sendProblem(reply, request, frameworkProblem(error, request, error.statusCode));
  request.log.error({ err: error }, 'unhandled error');
  return sendProblem(reply, request, new Problem(500, 'INTERNAL', 'Internal server error'));
}
