import { beforeEach, describe, expect, it, vi } from 'vitest';
import { channelNames } from '../../common/contract';
import type { Logger } from '../log/logger';
import { createDispatcher } from '../ipc/dispatcher';
import type { Handlers } from '../ipc/handlers-type';
import { sameOriginPolicy } from '../ipc/sender-policy';
import { APP_ENTRY_URL } from '../protocol/app-url';

type Listener = (event: { senderFrame: { url: string } | null }, input: unknown) => Promise<unknown>;
const registered = new Map<string, Listener>();

// Electron is not importable under plain Node; the wrapper only needs ipcMain.handle/removeHandler.
vi.mock('electron', () => ({
  ipcMain: {
    handle: (channel: string, listener: Listener) => registered.set(channel, listener),
    removeHandler: (channel: string) => registered.delete(channel),
  },
}));

const { registerContractHandlers } = await import('./ipc');

describe('registerContractHandlers', () => {
  const handlers = {
    'app.info': vi.fn(async () => ({ version: '1', dataDir: '/d', logDir: '/l', demoRunning: true, platform: 'linux' })),
    'app.ping': vi.fn(async ({ nonce }: { nonce: string }) => ({ nonce, receivedAt: 'now' })),
  };
  const logger: Logger = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
  let unregister: () => void;

  beforeEach(() => {
    vi.clearAllMocks();
    registered.clear();
    unregister = registerContractHandlers(createDispatcher(handlers as unknown as Handlers, sameOriginPolicy(APP_ENTRY_URL), logger));
  });

  it('registers exactly the contract channels and removes them again', () => {
    expect([...registered.keys()].sort()).toEqual([...channelNames].sort());
    unregister();
    expect(registered.size).toBe(0);
  });

  it('answers the app page through the handler', async () => {
    const result = await registered.get('app.ping')!({ senderFrame: { url: APP_ENTRY_URL } }, { nonce: 'n' });
    expect(result).toEqual({ ok: true, value: { nonce: 'n', receivedAt: 'now' } });
  });

  it('refuses a frame from another origin without calling the handler', async () => {
    const result = await registered.get('app.info')!({ senderFrame: { url: 'https://attacker.example/' } }, undefined);
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
    expect(handlers['app.info']).not.toHaveBeenCalled();
  });

  it('refuses a destroyed frame (no senderFrame)', async () => {
    const result = await registered.get('app.info')!({ senderFrame: null }, undefined);
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
    expect(handlers['app.info']).not.toHaveBeenCalled();
  });

  it('refuses input that fails the schema without calling the handler', async () => {
    const result = await registered.get('app.ping')!({ senderFrame: { url: APP_ENTRY_URL } }, { nonce: '' });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: [{ path: 'nonce' }] } });
    expect(handlers['app.ping']).not.toHaveBeenCalled();
  });
});
