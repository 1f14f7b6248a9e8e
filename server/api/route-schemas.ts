/**
 * Route-schema pieces most routes share. A route's `response` is its success answers from these and
 * `...problems(...)` (server/openapi/problem-responses.ts) with the problem codes it answers.
 */
export { problems } from '../openapi/problem-responses';

export const idParams = {
  type: 'object',
  additionalProperties: false,
  required: ['id'],
  properties: { id: { type: 'string', minLength: 1, maxLength: 100 } },
} as const;

export const conditionalGetHeaders = {
  type: 'object',
  properties: { 'if-none-match': { type: 'string', description: 'An ETag from an earlier answer: 304 if unchanged' } },
} as const;

export const notModified = { 304: { description: 'Not modified: the If-None-Match ETag is current', type: 'null' } } as const;

export function ok(schema: object, description = 'OK') {
  return { 200: { description, ...schema } } as const;
}

export function okList(itemRef: string, description = 'OK') {
  return { 200: { description, type: 'array', items: { $ref: itemRef } }, ...notModified } as const;
}

export const noContent = { 204: { description: 'Done', type: 'null' } } as const;
