/**
 * What every IPC call returns. Errors cross the process boundary as data with a stable code,
 * never as a thrown stack; the renderer turns the code into Norwegian or English text.
 */
export const errorCodes = [
  'UNKNOWN_CHANNEL',
  'FORBIDDEN_SENDER',
  'INVALID_INPUT',
  'OFFLINE',
  'INTERNAL',
  'KEYCHAIN_UNAVAILABLE',
  'FILE_WRITE_FAILED',
  'DISK_FULL',
  'LOGIN_FAILED',
  'LOGIN_CANCELLED',
  'LOGIN_TIMEOUT',
  'SESSION_EXPIRED',
  'NOT_SIGNED_IN',
  'PORTAL_ERROR',
  'NOTHING_TO_REVIEW',
  'REVIEW_INCOMPLETE',
  'REVIEW_NOT_PUSHED',
  'REVIEW_TOO_LARGE',
  'DEMO_UNAVAILABLE',
  // The portal's own codes (problem+json `code`), passed through so the UI can explain each one.
  'NOT_FOUND',
  'FORBIDDEN',
  'SERVICE_NOT_ACTIVE',
  'ALREADY_ACTIVE',
  'TERMS_NOT_ACCEPTED',
  'TERMS_VERSION_MISMATCH',
  'NAME_REQUIRED',
  'NAME_INVALID_CHARACTERS',
  'NAME_TOO_LONG',
  'NAME_TAKEN',
  'VENDORS_HAVE_ACCESS',
  'DEFAULT_GROUP',
  'CANNOT_GRANT_SELF',
  'VENDOR_NOT_FOUND',
  'EXPIRES_AT_NOT_IN_FUTURE',
  'LAST_ADMIN',
  'PRECONDITION_FAILED',
  'PRECONDITION_REQUIRED',
  'TWO_FACTOR_NOT_TOTP',
  'YUBIKEY_IN_USE',
  'USER_DEACTIVATED',
  'CANNOT_DEACTIVATE_SELF',
  'CANNOT_DELETE_SELF',
  'ACCESS_REVIEW_CONFLICT',
  'ACCESS_REVIEW_COMPLETED',
  // The portal could not reach the remote-support system, so it changed nothing there.
  'ENGINE_UNAVAILABLE',
  // The portal has no such route (an older portal than this app), or the request was larger than it takes.
  'ROUTE_NOT_FOUND',
  'BODY_TOO_LARGE',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

export function isErrorCode(value: string): value is ErrorCode {
  return (errorCodes as readonly string[]).includes(value);
}

/** One problem with one input field; `path` is the field's location, e.g. "mobile" or "grants.0.mode". */
export interface FieldIssue {
  path: string;
  code: string;
  message: string;
  /** The bound a MAXLENGTH/MINLENGTH/MAXIMUM/… issue was measured against, when known, for the text ("maks 80 tegn"). */
  limit?: number;
}

export interface PortalErrorData {
  code: ErrorCode;
  /** English developer-facing detail; never shown without a translated lead text. */
  message: string;
  fields?: FieldIssue[];
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: PortalErrorData };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail(code: ErrorCode, message: string, fields?: FieldIssue[]): Result<never> {
  return { ok: false, error: fields ? { code, message, fields } : { code, message } };
}
