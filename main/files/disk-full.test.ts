import Database from 'better-sqlite3';
import { appendFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isDiskFull } from './disk-full';

function thrownBy(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

describe('recognising a full disk', () => {
  it('recognises ENOSPC from the kernel (/dev/full)', () => {
    if (process.platform !== 'linux') return console.log('[skip] /dev/full exists on Linux only');
    expect(isDiskFull(thrownBy(() => appendFileSync('/dev/full', 'x')))).toBe(true);
  });

  it("recognises SQLite's SQLITE_FULL (a database at its page limit)", () => {
    const db = new Database(':memory:');
    db.exec('CREATE TABLE t (v TEXT)');
    db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`);
    const error = thrownBy(() => db.prepare('INSERT INTO t VALUES (?)').run('x'.repeat(100_000)));
    expect(error).toMatchObject({ code: 'SQLITE_FULL' });
    expect(isDiskFull(error)).toBe(true);
  });

  it('recognises one wrapped as a cause, and nothing else', () => {
    expect(isDiskFull(new Error('write failed', { cause: Object.assign(new Error('no space'), { code: 'EDQUOT' }) }))).toBe(true);
    expect(isDiskFull(Object.assign(new Error('denied'), { code: 'EACCES' }))).toBe(false);
    expect(isDiskFull(undefined)).toBe(false);
  });
});
