import { STATUS_CODES } from 'node:http';
import { PROBLEM_MEDIA_TYPE, type ProblemField } from '../http/problem';
import { catalogueExample, problemCatalogue, type ProblemCode, type ProblemStatus } from '../http/problem-catalogue';

type IsUnion<T, U = T> = T extends unknown ? ([U] extends [T] ? false : true) : never;

/**
 * One problem an operation answers: its code, or the code with words of its own for the example (a
 * title that names the object, the fields a rule concerns). A code answered with more than one status
 * (VALIDATION_FAILED) must say which.
 */
export type ProblemAnswer =
  | { [C in ProblemCode]: IsUnion<ProblemStatus<C>> extends true ? never : C }[ProblemCode]
  | {
      [C in ProblemCode]: { code: C; title?: string; errors?: readonly ProblemField[] } & (IsUnion<ProblemStatus<C>> extends true
        ? { status: ProblemStatus<C> }
        : { status?: ProblemStatus<C> });
    }[ProblemCode];

export interface ProblemExampleObject {
  summary: string;
  value: { type: string; title: string; status: number; code: string; instance?: string; errors?: readonly ProblemField[] };
}

export interface ProblemResponse {
  description: string;
  content: { [PROBLEM_MEDIA_TYPE]: { schema: { $ref: 'Problem#' }; examples: Record<string, ProblemExampleObject> } };
}

export type ProblemResponses = Record<number, ProblemResponse>;

/** A problem response's description: the status and the codes it carries, e.g. "Conflict: SERVICE_NOT_ACTIVE, NAME_TAKEN". */
function describe(status: number, examples: Record<string, unknown>): string {
  return `${STATUS_CODES[status] ?? 'Problem'}: ${Object.keys(examples).join(', ')}`;
}

function exampleOf(answer: ProblemAnswer): { status: number; code: string; example: ProblemExampleObject } {
  const { code, status: chosen, title, errors } = typeof answer === 'string' ? { code: answer } : (answer as { code: ProblemCode; status?: number; title?: string; errors?: readonly ProblemField[] });
  const statuses = Object.keys(problemCatalogue[code]).map(Number);
  const status = chosen ?? (statuses.length === 1 ? statuses[0] : undefined);
  // The types refuse both; these are for a value the types did not see (a cast, a plain string).
  if (status === undefined) throw new Error(`${code} is answered with ${statuses.join(' or ')}: name the status`);
  const entry = catalogueExample(code, status);
  if (!entry) throw new Error(`${code} is answered with ${statuses.join(' or ')}, not ${status}`);
  const exampleErrors = errors ?? entry.errors;
  return {
    status,
    code,
    example: {
      summary: entry.summary,
      value: { type: `about:blank#${code}`, title: title ?? entry.title, status, code, ...(exampleErrors && { errors: exampleErrors }) },
    },
  };
}

/**
 * The problems an operation answers, as Fastify response schemas: one response per status with the
 * Problem schema (Fastify serializes the answer with it) and one example per code, named by the code.
 * List what the route and its domain code throw; what the framework answers for any operation of its
 * shape (401, 400 on the schema, 413, 414, 415, 500) is added to the document by frameworkProblems.
 */
export function problems(...answers: ProblemAnswer[]): ProblemResponses {
  const responses: ProblemResponses = {};
  for (const answer of answers) {
    const { status, code, example } = exampleOf(answer);
    const response = (responses[status] ??= {
      description: '',
      content: { [PROBLEM_MEDIA_TYPE]: { schema: { $ref: 'Problem#' }, examples: {} } },
    });
    const examples = response.content[PROBLEM_MEDIA_TYPE].examples;
    if (examples[code]) throw new Error(`${code} is listed twice`);
    examples[code] = example;
  }
  for (const [status, response] of Object.entries(responses)) response.description = describe(Number(status), response.content[PROBLEM_MEDIA_TYPE].examples);
  return responses;
}

/** What @fastify/swagger's transform is given about a route. */
export interface RouteShape {
  url: string;
  method: string | string[];
  bodyLimit?: number | undefined;
  schema: { params?: unknown; querystring?: unknown; response?: unknown };
}

const BODILESS_METHODS = new Set(['GET', 'HEAD']);

/** A realistic schema failure for the route: an unknown property where it takes one, else a too-long path parameter. */
function schemaFailure(route: RouteShape, takesProperties: boolean): ProblemField | undefined {
  if (takesProperties) return undefined;
  const params = (route.schema.params as { properties?: Record<string, { maxLength?: number }> } | undefined)?.properties ?? {};
  const [name, rule] = Object.entries(params)[0] ?? [];
  return name && rule?.maxLength ? { field: name, code: 'MAXLENGTH', message: `must NOT have more than ${rule.maxLength} characters` } : undefined;
}

/**
 * The problems the framework answers for an operation of this shape, before or around its handler:
 * 401, 408, 431 and 500 for every one; 400 VALIDATION_FAILED when it takes input (path parameters, a query, or a
 * body: a route without a body schema still refuses any property in one); 414 with path parameters;
 * 413, 415 and 400 BAD_REQUEST when its method carries a body.
 */
export function frameworkProblems(route: RouteShape): ProblemAnswer[] {
  const methods = [route.method].flat();
  const carriesBody = methods.some((method) => !BODILESS_METHODS.has(method));
  const hasParams = route.schema.params !== undefined;
  const takesProperties = carriesBody || route.schema.querystring !== undefined;
  // Any request can be refused before routing: its headers too large, or too slow to arrive (client-error-answer.ts).
  const answers: ProblemAnswer[] = ['UNAUTHENTICATED', 'INTERNAL', 'HEADERS_TOO_LARGE', 'REQUEST_TIMEOUT'];
  if (hasParams || takesProperties) {
    const failure = schemaFailure(route, takesProperties);
    answers.push({ code: 'VALIDATION_FAILED', status: 400, ...(failure && { errors: [failure] }) });
  }
  if (hasParams) answers.push('URI_TOO_LONG');
  if (carriesBody) {
    const limit = route.bodyLimit === undefined ? undefined : [{ field: 'body', code: 'TOO_LARGE', message: `The body is over ${route.bodyLimit} bytes` }];
    answers.push(limit ? { code: 'BODY_TOO_LARGE', errors: limit } : 'BODY_TOO_LARGE', 'UNSUPPORTED_MEDIA_TYPE', 'BAD_REQUEST');
  }
  return answers;
}

const EXAMPLE_IDS: Record<string, string> = { vendorId: 'org-vendor-01' };
const EXAMPLE_ID = '3f6c2a9e-5b7d-4e8a-9c61-2d4f8b0e7a15';

/** The route's path with example ids in place of its parameters: the `instance` its problems name. */
function examplePath(url: string): string {
  return url.replace(/:(\w+)/g, (_match, name: string) => EXAMPLE_IDS[name] ?? EXAMPLE_ID);
}

function isProblemResponse(response: unknown): response is ProblemResponse {
  return typeof response === 'object' && response !== null && PROBLEM_MEDIA_TYPE in ((response as { content?: object }).content ?? {});
}

/**
 * The route's response schemas as the document shows them: its own problems and the framework's merged
 * per status, every example with the instance a request to this operation would name. Returns copies:
 * route schemas and the catalogue are shared and never changed.
 */
export function documentedResponses(route: RouteShape): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...(route.schema.response as Record<string, unknown> | undefined) };
  for (const [status, response] of Object.entries(problems(...frameworkProblems(route)))) {
    const existing = merged[status];
    if (existing !== undefined && !isProblemResponse(existing)) throw new Error(`${route.url} documents ${status} as something other than a problem`);
    const examples = { ...response.content[PROBLEM_MEDIA_TYPE].examples, ...(existing?.content[PROBLEM_MEDIA_TYPE].examples ?? {}) };
    merged[status] = { ...response, content: { [PROBLEM_MEDIA_TYPE]: { ...response.content[PROBLEM_MEDIA_TYPE], examples } } };
  }
  const instance = examplePath(route.url);
  for (const [status, response] of Object.entries(merged)) {
    if (!isProblemResponse(response)) continue;
    const media = response.content[PROBLEM_MEDIA_TYPE];
    const examples = Object.fromEntries(
      Object.entries(media.examples).map(([code, { summary, value: { errors, ...fields } }]) => [
        code,
        { summary, value: { ...fields, instance, ...(errors && { errors }) } },
      ]),
    );
    merged[status] = { description: describe(Number(status), examples), content: { [PROBLEM_MEDIA_TYPE]: { ...media, examples } } };
  }
  return merged;
}
