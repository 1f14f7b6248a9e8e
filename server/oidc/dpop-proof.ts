import { createHash } from 'node:crypto';
import { calculateJwkThumbprint, decodeProtectedHeader, EmbeddedJWK, jwtVerify, type JWK } from 'jose';

/** The DPoP algorithms the provider advertises (dpop_signing_alg_values_supported); never "none" or MACs. */
export const DPOP_ALGORITHMS = ['ES256', 'Ed25519', 'EdDSA'];
/** How old a proof may be, and how far ahead of our clock its iat may run. */
const MAX_AGE_SECONDS = 120;
const MAX_FUTURE_SECONDS = 60;

export type DpopCheck = { ok: true } | { ok: false; reason: string };

/**
 * RFC 9449 §4.3 and §7.1: the proof a resource server must check for a DPoP-bound access token.
 * `isFirstUse(jti, jkt, expiresAt)` records the proof's jti and answers false for a replay.
 */
export async function verifyDpopProof(input: {
  proof: string;
  method: string;
  /** The request's URL without query or fragment, as this server is addressed. */
  url: string;
  accessToken: string;
  expectedJkt: string;
  now: Date;
  isFirstUse: (jti: string, jkt: string, expiresAt: number) => Promise<boolean>;
}): Promise<DpopCheck> {
  let header;
  try {
    header = decodeProtectedHeader(input.proof);
  } catch {
    return { ok: false, reason: 'the DPoP proof is not a JWS' };
  }
  if (header.typ !== 'dpop+jwt') return { ok: false, reason: 'the DPoP proof has the wrong typ' };

  let payload;
  try {
    ({ payload } = await jwtVerify(input.proof, EmbeddedJWK, {
      typ: 'dpop+jwt',
      algorithms: DPOP_ALGORITHMS,
      currentDate: input.now,
    }));
  } catch {
    return { ok: false, reason: 'the DPoP proof signature or claims are invalid' };
  }

  const nowSeconds = Math.floor(input.now.getTime() / 1000);
  const { htm, htu, iat, jti, ath } = payload as { htm?: unknown; htu?: unknown; iat?: unknown; jti?: unknown; ath?: unknown };
  if (htm !== input.method) return { ok: false, reason: 'DPoP htm does not match the request method' };
  if (typeof htu !== 'string' || normaliseUrl(htu) !== normaliseUrl(input.url)) return { ok: false, reason: 'DPoP htu does not match the request URL' };
  if (typeof iat !== 'number' || iat < nowSeconds - MAX_AGE_SECONDS || iat > nowSeconds + MAX_FUTURE_SECONDS) {
    return { ok: false, reason: 'the DPoP proof is too old or from the future' };
  }
  if (typeof jti !== 'string' || jti.length < 8 || jti.length > 256) return { ok: false, reason: 'the DPoP proof has no usable jti' };
  const expectedAth = createHash('sha256').update(input.accessToken).digest('base64url');
  if (ath !== expectedAth) return { ok: false, reason: 'DPoP ath does not match the access token' };

  const jkt = await calculateJwkThumbprint(header.jwk as JWK, 'sha256');
  if (jkt !== input.expectedJkt) return { ok: false, reason: 'the DPoP key is not the one the token is bound to' };

  if (!(await input.isFirstUse(jti, jkt, iat + MAX_AGE_SECONDS + MAX_FUTURE_SECONDS))) {
    return { ok: false, reason: 'the DPoP proof was already used' };
  }
  return { ok: true };
}

/** Scheme, host and path as RFC 9449 compares them: no query, no fragment, default ports dropped. */
function normaliseUrl(value: string): string | undefined {
  try {
    const url = new URL(value);
    return `${url.protocol}//${url.host}${url.pathname}`;
  } catch {
    return undefined;
  }
}
