import { exportJWK, importJWK, type JWK } from 'jose';
import { randomDPoPKeyPair, type CryptoKey, type CryptoKeyPair } from 'openid-client';

/**
 * The DPoP key pair. A public client's refresh token is bound to it, so it is kept next to the
 * refresh token in the OS keychain (never on disk) and restored with the session.
 */
export async function newDpopKeyPair(): Promise<CryptoKeyPair> {
  return randomDPoPKeyPair('ES256', { extractable: true });
}

export async function exportDpopKeyPair(keyPair: CryptoKeyPair): Promise<JWK> {
  return exportJWK(keyPair.privateKey);
}

export async function importDpopKeyPair(privateJwk: JWK): Promise<CryptoKeyPair> {
  const { d: _d, ...publicJwk } = privateJwk;
  const privateKey = (await importJWK(privateJwk, 'ES256', { extractable: true })) as CryptoKey;
  const publicKey = (await importJWK({ ...publicJwk, key_ops: ['verify'] }, 'ES256')) as CryptoKey;
  return { privateKey, publicKey };
}
