import { randomBytes } from 'node:crypto';
import { chmod, open, rename, rm } from 'node:fs/promises';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { PortalError } from '../ipc/portal-error';
import { diskFullError, isDiskFull } from './disk-full';

/** Owner read/write only: QR images hold a TOTP secret, exports hold who may reach which machines. Windows has no such bits and ignores it. */
const OWNER_ONLY = 0o600;

/**
 * Writes a file (a QR image, an export) to exactly the path the user chose in the save dialog and returns it absolute.
 *
 * Nothing is written anywhere else and nothing is kept: the bytes go to a temporary sibling in the SAME
 * folder (created exclusively, owner-only, so no other user can open it even for an instant), are
 * flushed to disk, then renamed over the target. A crash leaves either the old file or the new one,
 * never half a file; the rename also replaces an existing file's inode, so an earlier 0644 file does
 * not keep its loose permissions. The chmod calls are there because the create mode passes through
 * the umask.
 */
export async function writeOwnerOnlyFile(path: string, bytes: Buffer | string): Promise<string> {
  if (!isAbsolute(path)) {
    throw new PortalError('FILE_WRITE_FAILED', 'Refusing to write to a relative path; expected the absolute path from the save dialog');
  }
  const target = resolve(path);
  // A fixed short prefix, not the target's name, so a target name near the 255-byte limit still works.
  const temporary = join(dirname(target), `.fjernhjelp-${randomBytes(8).toString('hex')}.tmp`);
  let created = false;
  try {
    const handle = await open(temporary, 'wx', OWNER_ONLY);
    created = true;
    try {
      await handle.writeFile(bytes);
      await handle.chmod(OWNER_ONLY);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, target);
    created = false;
    if (process.platform !== 'win32') await chmod(target, OWNER_ONLY);
    return target;
  } catch (error) {
    if (created) await rm(temporary, { force: true }).catch(() => undefined);
    if (isDiskFull(error)) throw diskFullError();
    throw new PortalError('FILE_WRITE_FAILED', `Could not write ${target}: ${describeFsError(error)}`);
  }
}

function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return `permission denied (${code})`;
    case 'ENOENT':
      return 'the folder does not exist (ENOENT)';
    case 'ENOTDIR':
      return 'a part of the path is not a folder (ENOTDIR)';
    case 'EISDIR':
      return 'the path is a folder (EISDIR)';
    case 'ENOSPC':
      return 'the disk is full (ENOSPC)';
    case 'EROFS':
      return 'the disk is read-only (EROFS)';
    case 'ENAMETOOLONG':
      return 'the file name is too long (ENAMETOOLONG)';
    case 'EBUSY':
      return 'the file is in use by another program (EBUSY)';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}
