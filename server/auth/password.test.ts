import { describe, expect, it } from 'vitest';
import { hashSecret, verifySecret } from './password';

describe('hashSecret', () => {
  it('verifies the right secret only, with a fresh salt each time', async () => {
    const first = await hashSecret('Sommer-Fjord-2026');
    const second = await hashSecret('Sommer-Fjord-2026');
    expect(first).not.toBe(second);
    expect(first).not.toContain('Sommer');
    await expect(verifySecret('Sommer-Fjord-2026', first)).resolves.toBe(true);
    await expect(verifySecret('sommer-fjord-2026', first)).resolves.toBe(false);
    await expect(verifySecret('x', 'plain-text')).resolves.toBe(false);
  });
});
