import type { ErrorCode, FieldIssue, PortalErrorData } from '../../common/result';

/** Thrown by handlers for expected failures; the dispatcher turns it into a typed error result. */
export class PortalError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: FieldIssue[],
  ) {
    super(message);
    this.name = 'PortalError';
  }

  toData(): PortalErrorData {
    return this.fields ? { code: this.code, message: this.message, fields: this.fields } : { code: this.code, message: this.message };
  }
}
