import { createHash } from 'node:crypto';
import type { Adapter, AdapterConstructor, AdapterPayload } from 'oidc-provider';
import type { Db } from '../db/database';

/**
 * Models whose id IS the credential the client holds (an opaque token value or a code). Their ids are
 * stored as a SHA-256 hash and their `jti` is left out of the stored payload, so a copy of the
 * database file does not hand out working tokens.
 */
const CREDENTIAL_MODELS = new Set(['AccessToken', 'RefreshToken', 'AuthorizationCode', 'ClientCredentials']);

/** Expired rows are swept after this many writes, so the table does not grow without bound. */
const SWEEP_EVERY_WRITES = 200;

const epoch = (): number => Math.floor(Date.now() / 1000);

interface Row {
  payload: string;
  consumed_at: number | null;
  expires_at: number | null;
}

/**
 * oidc-provider's storage over the `oidc_payloads` table: every model (sessions, interactions, grants,
 * codes, tokens, PAR requests, DPoP replay records) as one JSON payload, so sign-in state and issued
 * tokens survive a restart on the same database file.
 */
export function createSqliteAdapter(db: Db): AdapterConstructor {
  const statements = {
    upsert: db.prepare(
      `INSERT INTO oidc_payloads (model, id, payload, grant_id, uid, user_code, consumed_at, expires_at)
       VALUES (@model, @id, @payload, @grantId, @uid, @userCode, NULL, @expiresAt)
       ON CONFLICT (model, id) DO UPDATE SET payload = excluded.payload, grant_id = excluded.grant_id,
         uid = excluded.uid, user_code = excluded.user_code, expires_at = excluded.expires_at`,
    ),
    find: db.prepare('SELECT payload, consumed_at, expires_at FROM oidc_payloads WHERE model = ? AND id = ?'),
    findIdByUid: db.prepare('SELECT id FROM oidc_payloads WHERE model = ? AND uid = ?').pluck(),
    findIdByUserCode: db.prepare('SELECT id FROM oidc_payloads WHERE model = ? AND user_code = ?').pluck(),
    consume: db.prepare('UPDATE oidc_payloads SET consumed_at = ? WHERE model = ? AND id = ?'),
    destroy: db.prepare('DELETE FROM oidc_payloads WHERE model = ? AND id = ?'),
    revokeByGrantId: db.prepare('DELETE FROM oidc_payloads WHERE model = ? AND grant_id = ?'),
    sweep: db.prepare('DELETE FROM oidc_payloads WHERE expires_at IS NOT NULL AND expires_at < ?'),
  };
  let writes = 0;
  statements.sweep.run(epoch());

  return class SqliteAdapter implements Adapter {
    private readonly hashed: boolean;

    constructor(private readonly model: string) {
      this.hashed = CREDENTIAL_MODELS.has(model);
    }

    private key(id: string): string {
      return this.hashed ? createHash('sha256').update(id).digest('base64url') : id;
    }

    async upsert(id: string, payload: AdapterPayload, expiresIn?: number): Promise<void> {
      const stored: AdapterPayload = { ...payload };
      if (this.hashed && stored.jti === id) delete stored.jti;
      statements.upsert.run({
        model: this.model,
        id: this.key(id),
        payload: JSON.stringify(stored),
        grantId: payload.grantId ?? null,
        uid: payload.uid ?? null,
        userCode: payload.userCode ?? null,
        expiresAt: typeof expiresIn === 'number' ? epoch() + expiresIn : null,
      });
      if (++writes % SWEEP_EVERY_WRITES === 0) statements.sweep.run(epoch());
    }

    async find(id: string): Promise<AdapterPayload | undefined> {
      const row = statements.find.get(this.model, this.key(id)) as Row | undefined;
      return this.revive(row, id);
    }

    async findByUid(uid: string): Promise<AdapterPayload | undefined> {
      const id = statements.findIdByUid.get(this.model, uid) as string | undefined;
      return id === undefined ? undefined : this.revive(statements.find.get(this.model, id) as Row | undefined);
    }

    async findByUserCode(userCode: string): Promise<AdapterPayload | undefined> {
      const id = statements.findIdByUserCode.get(this.model, userCode) as string | undefined;
      return id === undefined ? undefined : this.revive(statements.find.get(this.model, id) as Row | undefined);
    }

    async consume(id: string): Promise<void> {
      statements.consume.run(epoch(), this.model, this.key(id));
    }

    async destroy(id: string): Promise<void> {
      statements.destroy.run(this.model, this.key(id));
    }

    async revokeByGrantId(grantId: string): Promise<void> {
      statements.revokeByGrantId.run(this.model, grantId);
    }

    /** `realId` is given when the row was found by the client-held id; hashed rows get their jti back. */
    private revive(row: Row | undefined, realId?: string): AdapterPayload | undefined {
      if (!row) return undefined;
      if (row.expires_at !== null && row.expires_at < epoch()) return undefined;
      const payload = JSON.parse(row.payload) as AdapterPayload;
      if (this.hashed && realId !== undefined && payload.jti === undefined) payload.jti = realId;
      if (row.consumed_at !== null) payload.consumed = row.consumed_at;
      return payload;
    }
  };
}
