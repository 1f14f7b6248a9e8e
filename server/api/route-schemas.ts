import { problemResponses } from '../openapi/component-schemas';

/** Route-schema pieces most routes share. */
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
  return { 200: { description, ...schema }, ...problemResponses } as const;
}

export function okList(itemRef: string, description = 'OK') {
  return { 200: { description, type: 'array', items: { $ref: itemRef } }, ...notModified, ...problemResponses } as const;
}

export const noContent = { 204: { description: 'Done', type: 'null' }, ...problemResponses } as const;
