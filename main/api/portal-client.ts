import type { ErrorCode, FieldIssue } from '../../common/result';
import { isErrorCode } from '../../common/result';
import { PortalError } from '../ipc/portal-error';
import type { ApiTransport } from './api-transport';

export interface ApiResponse<T> {
  status: number;
  data: T;
  etag: string | undefined;
}

export interface RequestOptions {
  body?: unknown;
  query?: Record<string, string | number | undefined>;
  /** The ETag the edit is based on; the portal answers 412 if the resource changed since. */
  ifMatch?: string;
  ifNoneMatch?: string;
}

const IDEMPOTENT = new Set(['GET', 'HEAD', 'PUT', 'DELETE']);
const RETRYABLE_STATUS = new Set([502, 503, 504]);

export interface PortalClientOptions {
  /** Delays before each retry of an idempotent request; POST and PATCH are never retried. */
  retryDelaysMs?: number[];
  sleep?: (ms: number) => Promise<void>;
}

/**
 * The portal API over an authenticated transport: JSON in and out, problem+json errors mapped to
 * PortalError with the portal's code and per-field reasons, network failures mapped to OFFLINE.
 */
export class PortalClient {
  readonly #base: URL;
  readonly #transport: ApiTransport;
  readonly #retryDelaysMs: number[];
  readonly #sleep: (ms: number) => Promise<void>;

  constructor(portalUrl: string, transport: ApiTransport, options: PortalClientOptions = {}) {
    this.#base = new URL('/api/v1/', portalUrl);
    this.#transport = transport;
    this.#retryDelaysMs = options.retryDelaysMs ?? [250, 1000];
    this.#sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  async request<T>(method: string, path: string, options: RequestOptions = {}): Promise<ApiResponse<T>> {
    const url = new URL(path.replace(/^\//, ''), this.#base);
    for (const [key, value] of Object.entries(options.query ?? {})) {
      if (value !== undefined) url.searchParams.set(key, String(value));
    }
    const headers: Record<string, string> = { accept: 'application/json' };
    if (options.ifMatch) headers['if-match'] = options.ifMatch;
    if (options.ifNoneMatch) headers['if-none-match'] = options.ifNoneMatch;

    const attempts = IDEMPOTENT.has(method) ? this.#retryDelaysMs.length + 1 : 1;
    for (let attempt = 1; ; attempt++) {
      let response: Response;
      try {
        response = await this.#transport.fetch(url, method, options.body, headers);
      } catch (error) {
        if (error instanceof PortalError) throw error;
        if (attempt < attempts) {
          await this.#sleep(this.#retryDelaysMs[attempt - 1]!);
          continue;
        }
        throw new PortalError('OFFLINE', `The portal could not be reached: ${error instanceof Error ? error.message : String(error)}`);
      }
      if (RETRYABLE_STATUS.has(response.status) && attempt < attempts) {
        await response.body?.cancel();
        await this.#sleep(this.#retryDelaysMs[attempt - 1]!);
        continue;
      }
      return parseResponse<T>(response);
    }
  }
}

async function parseResponse<T>(response: Response): Promise<ApiResponse<T>> {
  const etag = response.headers.get('etag') ?? undefined;
  if (response.status === 204 || response.status === 304) return { status: response.status, data: undefined as T, etag };
  const text = await response.text();
  const json = text ? safeJson(text) : undefined;
  if (response.ok) return { status: response.status, data: json as T, etag };
  throw problemToError(response.status, json);
}

interface ProblemBody {
  code?: unknown;
  title?: unknown;
  errors?: Array<{ field?: unknown; code?: unknown; message?: unknown }>;
}

export function problemToError(status: number, body: unknown): PortalError {
  const problem = (typeof body === 'object' && body !== null ? body : {}) as ProblemBody;
  const title = typeof problem.title === 'string' ? problem.title : `The portal answered ${status}`;
  const fields: FieldIssue[] | undefined = Array.isArray(problem.errors)
    ? problem.errors.map((issue) => ({
        path: String(issue.field ?? ''),
        code: String(issue.code ?? 'INVALID'),
        message: String(issue.message ?? ''),
      }))
    : undefined;
  const code = typeof problem.code === 'string' ? appCode(problem.code, status) : fallbackCode(status);
  return new PortalError(code, title, fields);
}

/** The portal's code as the app's: its field-level failures are the app's INVALID_INPUT. */
function appCode(code: string, status: number): ErrorCode {
  if (code === 'VALIDATION_FAILED') return 'INVALID_INPUT';
  if (code === 'UNAUTHENTICATED') return 'SESSION_EXPIRED';
  return isErrorCode(code) ? code : fallbackCode(status);
}

function fallbackCode(status: number): 'SESSION_EXPIRED' | 'PORTAL_ERROR' {
  return status === 401 ? 'SESSION_EXPIRED' : 'PORTAL_ERROR';
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
