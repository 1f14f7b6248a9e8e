import { createHash, randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../db/database';
import { Problem } from '../http/problem';
import { principalForUser } from './principal';
import type { AccessTokenVerifier } from './token-verifier';

const PREFIX = 'dev_';
const TTL_MS = 60 * 60 * 1000;

/**
 * Test-only access tokens (`--dev-tokens`), so API tests need not drive a browser. Held in memory,
 * keyed by a hash, and only ever enabled for a temporary database or NODE_ENV=test.
 */
export function createDevTokens(db: Db, now: () => Date): { verifier: AccessTokenVerifier; register(app: FastifyInstance): void } {
  const tokens = new Map<string, { userId: string; expiresAt: number }>();
  const hash = (token: string): string => createHash('sha256').update(token).digest('hex');

  const verifier: AccessTokenVerifier = {
    async verify(request) {
      const header = request.headers.authorization;
      if (!header?.startsWith(`Bearer ${PREFIX}`)) return undefined;
      const entry = tokens.get(hash(header.slice('Bearer '.length)));
      if (!entry || entry.expiresAt < now().getTime()) return null;
      return principalForUser(db, entry.userId) ?? null;
    },
  };

  function register(app: FastifyInstance): void {
    app.post<{ Body: { username: string } }>(
      '/dev/token',
      {
        schema: {
          body: {
            type: 'object',
            required: ['username'],
            additionalProperties: false,
            properties: { username: { type: 'string', minLength: 1 } },
          },
        },
      },
      async (request) => {
        const userId = db.prepare('SELECT id FROM users WHERE username = ?').pluck().get(request.body.username) as string | undefined;
        if (!userId) throw new Problem(404, 'NOT_FOUND', 'No such user');
        const token = `${PREFIX}${randomBytes(32).toString('base64url')}`;
        tokens.set(hash(token), { userId, expiresAt: now().getTime() + TTL_MS });
        return { access_token: token, token_type: 'Bearer', expires_in: TTL_MS / 1000 };
      },
    );
  }

  return { verifier, register };
}
