import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { ValidateFunction } from 'ajv';
import { catalogueExample } from '../../http/problem-catalogue';

// ajv-formats is CommonJS with its function on `default`.
const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

export interface OpenApiMediaType {
  schema?: unknown;
  examples?: Record<string, { summary?: string; value?: unknown }>;
}

export interface OpenApiOperation {
  operationId?: string;
  responses: Record<string, { content?: Record<string, OpenApiMediaType> }>;
}

export interface OpenApiDocument {
  openapi: string;
  info: Record<string, unknown>;
  servers?: Array<{ url: string; description?: string }>;
  paths: Record<string, Record<string, OpenApiOperation>>;
  components: { schemas: Record<string, unknown> };
}

const PROBLEM = 'application/problem+json';

function problemCode(body: unknown): string | undefined {
  const code = typeof body === 'object' && body !== null ? (body as { code?: unknown }).code : undefined;
  return typeof code === 'string' ? code : undefined;
}

const DOCUMENT_ID = 'https://portal.test/openapi.json';
const pointer = (...parts: string[]): string => parts.map((part) => part.replaceAll('~', '~0').replaceAll('/', '~1')).join('/');

/**
 * Checks real responses against the served OpenAPI document with an independent JSON Schema 2020-12
 * validator (OpenAPI 3.1 schemas are JSON Schema): the documented path, method and status must exist,
 * the content type must be documented, and the body must validate. A problem must also be documented
 * under its own status with an example of its code: an operation that answers a problem its
 * documentation does not list fails the test that saw it.
 */
export class OpenApiContract {
  private readonly ajv: Ajv2020;
  private readonly validators = new Map<string, ValidateFunction>();
  private readonly templates: Array<{ template: string; pattern: RegExp }>;

  constructor(readonly document: OpenApiDocument) {
    this.ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(this.ajv);
    this.ajv.addSchema({ ...document, $id: DOCUMENT_ID } as object);
    this.templates = Object.keys(document.paths).map((template) => ({
      template,
      pattern: new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`),
    }));
  }

  pathTemplate(path: string): string | undefined {
    const matches = this.templates.filter(({ pattern }) => pattern.test(path));
    // A literal segment beats a parameter: /users/{id}/totp over nothing, /vendors over /{x}.
    return matches.sort((a, b) => a.template.split('{').length - b.template.split('{').length)[0]?.template;
  }

  /** Returns what is wrong, or undefined when the response matches the document. */
  check(method: string, path: string, status: number, contentType: string | undefined, body: unknown): string | undefined {
    const template = this.pathTemplate(path);
    if (!template) return `${path} is not in the OpenAPI document`;
    const operation = this.document.paths[template]?.[method.toLowerCase()];
    if (!operation) return `${method} ${template} is not in the OpenAPI document`;
    const statusKey = [String(status), `${String(status)[0]}XX`, 'default'].find((key) => operation.responses[key]);
    if (!statusKey) return `${method} ${template} does not document status ${status}`;
    const content = operation.responses[statusKey]!.content;
    if (body === undefined) return content ? `${method} ${template} ${status} documents a body but none came` : undefined;
    const mediaType = contentType?.split(';')[0]?.trim() ?? '';
    if (!content || !(mediaType in content)) return `${method} ${template} ${status} does not document ${mediaType}`;
    if (mediaType === PROBLEM) {
      const code = problemCode(body);
      const listed = Object.keys(content[PROBLEM]!.examples ?? {});
      if (statusKey !== String(status) || code === undefined || !listed.includes(code)) {
        return `${method} ${template} answered ${status} ${code}, which its documentation does not list (${statusKey}: ${listed.join(', ') || 'none'})`;
      }
    }
    const ref = `${DOCUMENT_ID}#/${pointer('paths', template, method.toLowerCase(), 'responses', statusKey, 'content', mediaType, 'schema')}`;
    let validate = this.validators.get(ref);
    if (!validate) {
      validate = this.ajv.compile({ $ref: ref });
      this.validators.set(ref, validate);
    }
    if (validate(body)) return undefined;
    return `${method} ${path} ${status} does not match its schema: ${this.ajv.errorsText(validate.errors)}`;
  }

  /** For answers no operation documents (an unknown route, a path the router cannot read): is it a Problem? */
  checkProblem(contentType: string | undefined, body: unknown): string | undefined {
    const mediaType = contentType?.split(';')[0]?.trim() ?? '';
    if (mediaType !== 'application/problem+json') return `${mediaType || 'no content type'} is not application/problem+json`;
    const validate = this.ajv.getSchema(`${DOCUMENT_ID}#/components/schemas/Problem`)!;
    if (!validate(body)) return `not a Problem: ${this.ajv.errorsText(validate.errors)}`;
    const { code, status } = body as { code: string; status: number };
    return catalogueExample(code, status) ? undefined : `${status} ${code} is not in the problem catalogue (server/http/problem-catalogue.ts)`;
  }
}
