import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { createFileLogger } from './logger';

describe('createFileLogger', () => {
  it('writes JSON lines with secret-looking fields redacted, owner-only', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'log-')), 'logs/main.log');
    const logger = createFileLogger(file, () => new Date('2026-01-02T03:04:05Z'));
    logger.info('login.done', { user: 'ola', refreshToken: 'rt-123', nested: { totpSecret: 'JBSWY3DP', ok: 1 } });
    logger.error('boom', { error: new Error('broke') });

    const lines = readFileSync(file, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines[0]).toEqual({
      time: '2026-01-02T03:04:05.000Z',
      level: 'info',
      event: 'login.done',
      user: 'ola',
      refreshToken: '[redacted]',
      nested: { totpSecret: '[redacted]', ok: 1 },
    });
    expect(lines[1]).toMatchObject({ level: 'error', event: 'boom', error: { name: 'Error', message: 'broke' } });
    expect(readFileSync(file, 'utf8')).not.toMatch(/rt-123|JBSWY3DP/);
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('never throws when the disk is full (/dev/full), and says so once on stderr', () => {
    if (process.platform !== 'linux') return console.log('[skip] /dev/full exists on Linux only');
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      const logger = createFileLogger('/dev/full');
      expect(() => {
        logger.error('ipc.handler-failed', { error: new Error('SQLITE_FULL') });
        logger.warn('second');
      }).not.toThrow();
      expect(stderr).toHaveBeenCalledOnce();
      expect(String(stderr.mock.calls[0]![0])).toMatch(/cannot write the log \/dev\/full \(ENOSPC\)/);
    } finally {
      stderr.mockRestore();
    }
  });

  it('never throws for a vanished folder or an unserialisable field, and writes again once it can', () => {
    const dir = mkdtempSync(join(tmpdir(), 'log-'));
    const file = join(dir, 'logs/main.log');
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      const logger = createFileLogger(file);
      rmSync(dir, { recursive: true });
      expect(() => logger.info('big', { value: 10n })).not.toThrow();
      logger.info('after');
      expect(readFileSync(file, 'utf8')).toContain('"event":"after"');
    } finally {
      stderr.mockRestore();
    }
  });
});
