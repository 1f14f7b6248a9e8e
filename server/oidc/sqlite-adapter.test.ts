import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../db/database';
import { createSqliteAdapter } from './sqlite-adapter';

describe('the SQLite adapter for oidc-provider', () => {
  const dirs: string[] = [];
  const open = (): { db: Db; path: string } => {
    const dir = mkdtempSync(join(tmpdir(), 'oidc-adapter-'));
    dirs.push(dir);
    const path = join(dir, 'portal.db');
    return { db: openDatabase(path), path };
  };
  afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it('stores, finds, consumes and destroys payloads, and they survive reopening the file', async () => {
    const { db, path } = open();
    const Session = createSqliteAdapter(db);
    const sessions = new Session('Session');
    await sessions.upsert('session-1', { jti: 'session-1', uid: 'uid-1', accountId: 'user-1' }, 60);
    expect(await sessions.find('session-1')).toMatchObject({ accountId: 'user-1' });
    expect(await sessions.findByUid('uid-1')).toMatchObject({ jti: 'session-1' });
    db.close();

    const reopened = openDatabase(path);
    const Adapter = createSqliteAdapter(reopened);
    const again = new Adapter('Session');
    expect(await again.find('session-1')).toMatchObject({ accountId: 'user-1' });
    const codes = new Adapter('AuthorizationCode');
    await codes.upsert('code-1', { jti: 'code-1', grantId: 'grant-1' }, 60);
    expect((await codes.find('code-1'))?.consumed).toBeUndefined();
    await codes.consume('code-1');
    expect((await codes.find('code-1'))?.consumed).toEqual(expect.any(Number));
    await again.destroy('session-1');
    expect(await again.find('session-1')).toBeUndefined();
    reopened.close();
  });

  it('keeps models apart, revokes by grant per model, and hides expired rows', async () => {
    const { db } = open();
    const Adapter = createSqliteAdapter(db);
    const access = new Adapter('AccessToken');
    const refresh = new Adapter('RefreshToken');
    await access.upsert('same-id', { jti: 'same-id', grantId: 'grant-a' }, 60);
    await refresh.upsert('same-id', { jti: 'same-id', grantId: 'grant-a' }, 60);
    await access.upsert('other', { jti: 'other', grantId: 'grant-b' }, 60);
    await access.revokeByGrantId('grant-a');
    expect(await access.find('same-id')).toBeUndefined();
    expect(await refresh.find('same-id')).toMatchObject({ jti: 'same-id', grantId: 'grant-a' });
    expect(await access.find('other')).toBeDefined();

    await access.upsert('expired', { jti: 'expired' }, -1);
    expect(await access.find('expired')).toBeUndefined();
    db.close();
  });

  it('stores credential ids as hashes and gives the jti back only to whoever presents the value', async () => {
    const { db } = open();
    const Adapter = createSqliteAdapter(db);
    await new Adapter('RefreshToken').upsert('secret-token-value', { jti: 'secret-token-value', grantId: 'g' }, 60);
    const rows = db.prepare("SELECT id || payload FROM oidc_payloads WHERE model = 'RefreshToken'").pluck().all() as string[];
    expect(rows.join()).not.toContain('secret-token-value');
    expect(await new Adapter('RefreshToken').find('secret-token-value')).toMatchObject({ jti: 'secret-token-value' });
    db.close();
  });
});
