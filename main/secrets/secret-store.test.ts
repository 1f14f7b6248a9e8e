import { describe, expect, it } from 'vitest';
import { SECRET_SERVICE, secretAccount } from './secret-store';

describe('secretAccount', () => {
  it('joins profile id and subject with a colon', () => {
    expect(secretAccount('demo', 'kari.nordmann')).toBe('demo:kari.nordmann');
    expect(secretAccount('prod-1', 'urn:uuid:1234')).toBe('prod-1:urn:uuid:1234');
  });

  it('refuses a profile id with a colon, which would make accounts ambiguous', () => {
    expect(() => secretAccount('a:b', 'c')).toThrow(TypeError);
    expect(() => secretAccount('', 'c')).toThrow(TypeError);
    expect(() => secretAccount('demo', '')).toThrow(TypeError);
  });

  it('files entries under the app name', () => {
    expect(SECRET_SERVICE).toBe('Fjernhjelp Admin');
  });
});
