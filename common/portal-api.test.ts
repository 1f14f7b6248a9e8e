import { describe, expect, it, vi } from 'vitest';
import { channelNames } from './contract';
import { buildPortalApi, type PortalTransport } from './portal-api';
import { ok } from './result';

function fakeTransport() {
  const listeners = new Map<string, (payload: unknown) => void>();
  const transport = {
    invoke: vi.fn(async (channel: string, input: unknown) => ok({ channel, input })),
    subscribe: vi.fn((event: string, listener: (payload: unknown) => void) => {
      listeners.set(event, listener);
      return () => listeners.delete(event);
    }),
  } satisfies PortalTransport;
  return { transport, listeners };
}

describe('buildPortalApi', () => {
  it('has one method per contract channel, grouped by namespace', () => {
    const api = buildPortalApi(fakeTransport().transport) as unknown as Record<string, Record<string, unknown>>;
    for (const channel of channelNames) {
      const [namespace, method] = channel.split('.') as [string, string];
      expect(typeof api[namespace]?.[method]).toBe('function');
    }
    expect(Object.keys(api).sort()).toEqual([...new Set(channelNames.map((c) => c.split('.')[0]))].concat('on').sort());
  });

  it('routes a call to its channel with its input', async () => {
    const { transport } = fakeTransport();
    const api = buildPortalApi(transport);
    await api.app.ping({ nonce: 'x' });
    expect(transport.invoke).toHaveBeenCalledWith('app.ping', { nonce: 'x' });
  });

  it('subscribes to contract events and returns an unsubscribe function', () => {
    const { transport, listeners } = fakeTransport();
    const api = buildPortalApi(transport);
    const seen: unknown[] = [];
    const off = api.on('app.pong', (payload) => seen.push(payload));
    listeners.get('app.pong')?.({ nonce: 'n', sentAt: 't' });
    expect(seen).toEqual([{ nonce: 'n', sentAt: 't' }]);
    off();
    expect(listeners.has('app.pong')).toBe(false);
  });

  it('refuses events outside the contract', () => {
    const api = buildPortalApi(fakeTransport().transport);
    expect(() => api.on('ipc:raw' as 'app.pong', () => {})).toThrow(/Unknown event/);
  });

  it('is frozen so the page cannot swap a method', () => {
    const api = buildPortalApi(fakeTransport().transport);
    expect(Object.isFrozen(api)).toBe(true);
    expect(Object.isFrozen(api.app)).toBe(true);
  });
});
