import { execFile } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { PortalError } from '../ipc/portal-error';
import { KeytarSecretStore, type KeytarApi } from './keytar-secret-store';
import { describeSecretStoreContract } from './secret-store-contract';

/**
 * Runs against the real OS keychain. On Linux that needs a D-Bus session with an unlocked
 * gnome-keyring (see .ci/run); without one every test here fails with KEYCHAIN_UNAVAILABLE and says so.
 * A separate service name keeps a developer's real "Fjernhjelp Admin" entries untouched.
 */
describeSecretStoreContract('KeytarSecretStore', () => new KeytarSecretStore({ service: 'Fjernhjelp Admin (test)' }));

const run = promisify(execFile);
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const storeModule = pathToFileURL(fileURLToPath(new URL('./keytar-secret-store.ts', import.meta.url))).href;

describe('KeytarSecretStore when the keychain is unavailable', () => {
  it.runIf(process.platform === 'linux')('fails every operation with KEYCHAIN_UNAVAILABLE when there is no D-Bus session', async () => {
    // A child process, because libsecret keeps its D-Bus connection for the life of the process.
    const script = `
      const { KeytarSecretStore } = await import(${JSON.stringify(storeModule)});
      const store = new KeytarSecretStore({ service: 'Fjernhjelp Admin (test)' });
      const outcomes = [];
      for (const op of [() => store.set('p:s', 'the-secret-value'), () => store.get('p:s'), () => store.delete('p:s')]) {
        try { outcomes.push({ ok: true, value: await op() }); }
        catch (error) { outcomes.push({ ok: false, name: error.name, code: error.code, message: error.message }); }
      }
      console.log(JSON.stringify(outcomes));
    `;
    const env: NodeJS.ProcessEnv = { ...process.env, DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/bus' };
    delete env.DISPLAY;
    delete env.WAYLAND_DISPLAY;
    const { stdout } = await run(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: repoRoot, env, timeout: 20_000 });
    const outcomes = JSON.parse(stdout.trim().split('\n').at(-1) ?? '[]') as Array<Record<string, unknown>>;
    expect(outcomes).toHaveLength(3);
    for (const outcome of outcomes) {
      expect(outcome).toMatchObject({ ok: false, name: 'PortalError', code: 'KEYCHAIN_UNAVAILABLE' });
      expect(outcome.message).toMatch(/^The OS keychain is unavailable: could not (store|read|delete) the secret \(.+\)\./);
      expect(outcome.message).toMatch(/Secret Service/);
      expect(outcome.message).not.toContain('the-secret-value');
    }
  });

  it('maps a keytar that cannot be loaded (no libsecret) to KEYCHAIN_UNAVAILABLE', async () => {
    const store = new KeytarSecretStore({
      loadKeytar: () => Promise.reject(new Error('libsecret-1.so.0: cannot open shared object file')),
    });
    const error = await store.get('p:s').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PortalError);
    expect(error).toMatchObject({ code: 'KEYCHAIN_UNAVAILABLE', message: expect.stringContaining('libsecret-1.so.0') });
  });

  it('maps a failing keychain call to KEYCHAIN_UNAVAILABLE without repeating the secret', async () => {
    const failing: KeytarApi = {
      getPassword: () => Promise.reject(new Error('Cannot create an item in a locked collection')),
      setPassword: () => Promise.reject(new Error('Cannot create an item in a locked collection')),
      deletePassword: () => Promise.reject(new Error('Cannot create an item in a locked collection')),
    };
    const store = new KeytarSecretStore({ loadKeytar: async () => failing });
    const error = await store.set('p:s', 'rt-very-secret').catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'KEYCHAIN_UNAVAILABLE', message: expect.stringContaining('locked collection') });
    expect((error as Error).message).not.toContain('rt-very-secret');
  });

  it('uses the app service name by default', async () => {
    const calls: string[] = [];
    const recording: KeytarApi = {
      getPassword: async (service) => (calls.push(service), null),
      setPassword: async (service) => void calls.push(service),
      deletePassword: async (service) => (calls.push(service), false),
    };
    const store = new KeytarSecretStore({ loadKeytar: async () => recording });
    await store.set('p:s', 'x');
    await store.get('p:s');
    await store.delete('p:s');
    expect(calls).toEqual(['Fjernhjelp Admin', 'Fjernhjelp Admin', 'Fjernhjelp Admin']);
  });
});
