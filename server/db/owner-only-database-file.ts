import { chmodSync, closeSync, openSync } from 'node:fs';

/** Owner read/write only: the portal's file holds TOTP secrets, the app's cache who may reach which machines. */
const OWNER_ONLY = 0o600;

/** The files SQLite keeps beside a database: the WAL, its shared-memory index and a rollback journal. */
const COMPANION_SUFFIXES = ['-wal', '-shm', '-journal'] as const;

/**
 * Makes `path` an owner-only database file before SQLite opens it. SQLite creates a new main file with
 * 0644 less the umask, and every -wal, -shm and -journal with the main file's permission bits (os_unix.c,
 * findCreateFileMode), so the main file is created here first, empty (SQLite reads that as a new
 * database), and every companion follows it from then on. The files of an earlier run (0644, and a
 * -wal or -shm a crash left) are tightened. The chmod is there because the create mode passes through
 * the umask. Windows has no such bits (chmod only sets read-only there, and 0600 keeps it writable).
 */
export function prepareOwnerOnlyDatabaseFile(path: string): void {
  if (path === ':memory:' || path === '') return;
  closeSync(openSync(path, 'a', OWNER_ONLY));
  chmodSync(path, OWNER_ONLY);
  for (const suffix of COMPANION_SUFFIXES) {
    try {
      chmodSync(path + suffix, OWNER_ONLY);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
}
