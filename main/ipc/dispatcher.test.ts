import { describe, expect, it, vi } from 'vitest';
import type { Logger } from '../log/logger';
import { createDispatcher } from './dispatcher';
import type { Handlers } from './handlers-type';
import { PortalError } from './portal-error';
import { sameOriginPolicy } from './sender-policy';

const APP = 'app://fjernhjelp/index.html';

function setup() {
  const handlers = {
    'app.info': vi.fn(async () => ({ version: '1', dataDir: '/d', logDir: '/l', demoRunning: true, platform: 'linux' })),
    'app.ping': vi.fn(async ({ nonce }: { nonce: string }) => ({ nonce, receivedAt: 'now' })),
  };
  const logger: Logger = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
  return { handlers, logger, dispatch: createDispatcher(handlers as unknown as Handlers, sameOriginPolicy(APP), logger) };
}

describe('createDispatcher', () => {
  it('calls the handler with the parsed input for a trusted sender', async () => {
    const { dispatch, handlers } = setup();
    await expect(dispatch('app.ping', APP, { nonce: 'abc' })).resolves.toEqual({
      ok: true,
      value: { nonce: 'abc', receivedAt: 'now' },
    });
    expect(handlers['app.ping']).toHaveBeenCalledWith({ nonce: 'abc' });
  });

  it.each(['app.nope', 'constructor', '__proto__', 'toString'])('rejects the unknown channel %s', async (channel) => {
    const { dispatch, handlers } = setup();
    const result = await dispatch(channel, APP, undefined);
    expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    expect(handlers['app.info']).not.toHaveBeenCalled();
    expect(handlers['app.ping']).not.toHaveBeenCalled();
  });

  it.each([
    ['another origin', 'https://evil.example/index.html'],
    ['another host on the app scheme', 'app://other/index.html'],
    ['a file URL', 'file:///etc/passwd'],
    ['the harness origin in Electron', 'http://127.0.0.1:5199/'],
    ['no sender frame', undefined],
    ['a malformed URL', 'not a url'],
  ])('rejects %s', async (_label, sender) => {
    const { dispatch, handlers } = setup();
    const result = await dispatch('app.ping', sender, { nonce: 'abc' });
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
    expect(handlers['app.ping']).not.toHaveBeenCalled();
  });

  it('rejects input that fails the schema, naming the field', async () => {
    const { dispatch, handlers } = setup();
    const result = await dispatch('app.ping', APP, { nonce: 42 });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: [{ path: 'nonce', code: 'TYPE' }] } });
    expect(handlers['app.ping']).not.toHaveBeenCalled();
  });

  it("names a field's problem in the portal's codes, with the limit it broke", async () => {
    const { dispatch } = setup();
    expect(await dispatch('app.ping', APP, {})).toMatchObject({ error: { fields: [{ path: 'nonce', code: 'REQUIRED' }] } });
    expect(await dispatch('app.ping', APP, { nonce: '' })).toMatchObject({ error: { fields: [{ path: 'nonce', code: 'REQUIRED' }] } });
    expect(await dispatch('app.ping', APP, { nonce: 'x'.repeat(65) })).toMatchObject({ error: { fields: [{ path: 'nonce', code: 'MAXLENGTH', limit: 64 }] } });
    expect(await dispatch('app.ping', APP, { nonce: 'a', extra: true })).toMatchObject({ error: { fields: [{ path: 'extra', code: 'ADDITIONALPROPERTIES' }] } });
  });

  it('rejects unexpected extra fields', async () => {
    const { dispatch, handlers } = setup();
    const result = await dispatch('app.ping', APP, { nonce: 'a', extra: true });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(handlers['app.ping']).not.toHaveBeenCalled();
  });

  it('passes a PortalError through as a typed error', async () => {
    const { dispatch, handlers } = setup();
    handlers['app.info'].mockRejectedValueOnce(new PortalError('OFFLINE', 'no network'));
    await expect(dispatch('app.info', APP, undefined)).resolves.toEqual({
      ok: false,
      error: { code: 'OFFLINE', message: 'no network' },
    });
  });

  it('hides an unexpected error behind INTERNAL and logs it', async () => {
    const { dispatch, handlers, logger } = setup();
    handlers['app.info'].mockRejectedValueOnce(new Error('secret detail at /home/x'));
    const result = await dispatch('app.info', APP, undefined);
    expect(result).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'An unexpected error occurred' } });
    expect(JSON.stringify(result)).not.toContain('secret detail');
    expect(logger.error).toHaveBeenCalledWith('ipc.handler-failed', expect.objectContaining({ channel: 'app.info' }));
  });
});
