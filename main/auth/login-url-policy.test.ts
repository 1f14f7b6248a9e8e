import { describe, expect, it } from 'vitest';
import { isIssuerUrl } from './login-url-policy';

const issuer = 'http://127.0.0.1:4000/oidc';

describe('isIssuerUrl', () => {
  it.each([
    'http://127.0.0.1:4000/oidc/auth?client_id=x&request_uri=urn:1',
    'http://127.0.0.1:4000/oidc',
  ])('allows %s', (url) => expect(isIssuerUrl(url, issuer)).toBe(true));

  it.each([
    'http://127.0.0.1:4001/oidc/auth',
    'https://127.0.0.1:4000/oidc/auth',
    'http://127.0.0.1:4000/oidcx/auth',
    'http://127.0.0.1:4000/api/v1/users',
    'http://user:pw@127.0.0.1:4000/oidc/auth',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'not a url',
  ])('refuses %s', (url) => expect(isIssuerUrl(url, issuer)).toBe(false));
});
