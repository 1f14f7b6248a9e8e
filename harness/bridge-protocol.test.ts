import { describe, expect, it } from 'vitest';
import { decodeBridgeFrame } from './bridge-frame-decoder';
import { bridgeProtocols, encodeBridgeRequest, launchUrl, offeredKey, parseLaunchHash } from './bridge-protocol';

const key = 'k'.repeat(43);

describe('the launch URL', () => {
  it('carries the key in its fragment, and the app’s route after it', () => {
    const url = launchUrl('http://127.0.0.1:5199', key);
    expect(url).toBe(`http://127.0.0.1:5199/#harness-key=${key}`);
    expect(parseLaunchHash(new URL(url).hash)).toEqual({ key, route: '' });
    expect(parseLaunchHash(new URL(`${url}/`).hash)).toEqual({ key, route: '' });
    expect(parseLaunchHash(new URL(`${url}/#/settings`).hash)).toEqual({ key, route: '#/settings' });
  });

  it.each(['', '#/settings', '#harness-key=', `#harness-key=${key.slice(1)}`, `#harness-key=${key}x`, `#harness-key=${key.slice(1)}+`])(
    'is not read from %j',
    (hash) => expect(parseLaunchHash(hash)).toBeNull(),
  );
});

describe('the key as a WebSocket subprotocol', () => {
  it('is read back from the header the browser sends', () => {
    expect(offeredKey(bridgeProtocols(key).join(', '))).toBe(key);
    expect(offeredKey(bridgeProtocols(null).join(', '))).toBeNull();
    expect(offeredKey(undefined)).toBeNull();
  });
});

describe('bridge frames', () => {
  it('decodes a request', () => {
    expect(decodeBridgeFrame('{"id":1,"channel":"app.ping","input":{"nonce":"n"}}')).toEqual({ ok: true, request: { id: 1, channel: 'app.ping', input: { nonce: 'n' } } });
  });

  it('names the field that is wrong, and keeps a readable id', () => {
    expect(decodeBridgeFrame('{"id":7,"channel":42}')).toMatchObject({
      ok: false,
      id: 7,
      result: { ok: false, error: { code: 'INVALID_INPUT', fields: [{ path: 'channel', code: 'TYPE' }] } },
    });
    expect(decodeBridgeFrame('null')).toMatchObject({ ok: false, id: null, result: { error: { code: 'INVALID_INPUT', fields: [{ path: '' }] } } });
    expect(decodeBridgeFrame('{')).toMatchObject({ ok: false, id: null, result: { error: { code: 'INVALID_INPUT', fields: [{ path: '', code: 'JSON_INVALID' }] } } });
  });

  it('encodes a request, and refuses with a typed error one larger than the limit, counted in UTF-8 bytes', () => {
    const frame = '{"id":1,"channel":"app.ping","input":{"nonce":"n"}}';
    expect(encodeBridgeRequest({ id: 1, channel: 'app.ping', input: { nonce: 'n' } }, frame.length)).toEqual({ ok: true, frame });
    // "ø" is one UTF-16 code unit and two UTF-8 bytes: the frame is one byte too large.
    const wide = { id: 1, channel: 'app.ping', input: { nonce: 'ø' } };
    expect(encodeBridgeRequest(wide, JSON.stringify(wide).length)).toMatchObject({ ok: false, result: { ok: false, error: { code: 'INVALID_INPUT', fields: [{ path: '', code: 'TOO_LARGE' }] } } });
    expect(encodeBridgeRequest(wide, JSON.stringify(wide).length + 1)).toMatchObject({ ok: true });
  });
});
