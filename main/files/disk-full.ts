import { PortalError } from '../ipc/portal-error';

/** The errno codes and SQLite result code that mean "no room left": the disk is full or the user's quota is used up. */
const FULL_ERRNO = new Set(['ENOSPC', 'EDQUOT']);

/**
 * Whether an error (or what caused it) is a full disk: SQLite's SQLITE_FULL from better-sqlite3, or
 * ENOSPC/EDQUOT from Node's file system calls.
 */
export function isDiskFull(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 5; current = (current as { cause?: unknown }).cause, depth++) {
    const code = (current as { code?: unknown }).code;
    if (code === 'SQLITE_FULL' || (typeof code === 'string' && FULL_ERRNO.has(code))) return true;
  }
  return false;
}

/**
 * What the user is told. True by construction where it is raised: SQLite rolls the failed transaction
 * back, and files are written to a temporary sibling that is removed.
 */
export function diskFullError(): PortalError {
  return new PortalError('DISK_FULL', 'The disk is full: nothing was saved. Free some space and try again.');
}
