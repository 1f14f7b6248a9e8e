import { describe, expect, it } from 'vitest';
import { MemorySecretStore } from './memory-secret-store';
import { describeSecretStoreContract } from './secret-store-contract';

describeSecretStoreContract('MemorySecretStore', () => new MemorySecretStore());

describe('MemorySecretStore', () => {
  it('does not share secrets between instances', async () => {
    const first = new MemorySecretStore();
    await first.set('p:s', 'x');
    expect(await new MemorySecretStore().get('p:s')).toBeNull();
  });
});
