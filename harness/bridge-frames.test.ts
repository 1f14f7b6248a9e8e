import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channels } from '../common/contract';
import { maxFrameBytes } from './largest-frame';
import { call, closed, nextMessage, startTestHarness, type TestHarness } from './test-harness';

let t: TestHarness;

beforeAll(async () => {
  t = await startTestHarness();
});

afterAll(() => t.harness.close());

/** The harness still answers on a new connection: it did not die with the last one. */
async function expectHarnessUp(): Promise<void> {
  const socket = await t.connect();
  try {
    expect(await call(socket, 99, 'app.ping', { nonce: 'alive' })).toMatchObject({ id: 99, result: { ok: true } });
  } finally {
    socket.close();
  }
}

describe('frames the harness bridge is sent', () => {
  it.each([
    ['null', null],
    ['not JSON', null],
    ['[]', null],
    ['"app.ping"', null],
    ['{}', null],
    ['{"id":"1","channel":"app.ping"}', null],
    ['{"id":1.5,"channel":"app.ping"}', null],
    ['{"id":-1,"channel":"app.ping"}', null],
    ['{"id":3,"channel":null}', 3],
    ['{"id":4}', 4],
    ['{"id":5,"channel":"app.ping","input":{"nonce":"n"},"extra":true}', 5],
  ])('answers %s with a typed INVALID_INPUT and keeps the socket open', async (frame, id) => {
    const socket = await t.connect();
    try {
      const answer = nextMessage(socket, 'result');
      socket.send(frame);
      const message = await answer;
      expect(message).toMatchObject({ kind: 'result', id, result: { ok: false, error: { code: 'INVALID_INPUT' } } });
      if (message.kind === 'result' && !message.result.ok) expect(message.result.error.fields?.length).toBeGreaterThan(0);
      expect(await call(socket, 6, 'app.ping', { nonce: 'after' })).toMatchObject({ id: 6, result: { ok: true } });
    } finally {
      socket.close();
    }
  });

  it('answers a binary frame with a typed error', async () => {
    const socket = await t.connect();
    try {
      const answer = nextMessage(socket, 'result');
      socket.send(Buffer.from(JSON.stringify({ id: 1, channel: 'app.ping', input: { nonce: 'n' } })), { binary: true });
      expect(await answer).toMatchObject({ id: null, result: { ok: false, error: { code: 'INVALID_INPUT' } } });
    } finally {
      socket.close();
    }
  });

  it('survives a text frame that is not UTF-8 (the socket’s error event)', async () => {
    const socket = await t.connect();
    const code = closed(socket);
    socket.send(Buffer.from([0x7b, 0xff, 0x7d]), { binary: false });
    expect(await code).toBe(1007);
    expect(t.log()).toMatch(/"event":"harness\.socket-error".*WS_ERR_INVALID_UTF8/);
    await expectHarnessUp();
  });

  it('carries the largest reviews.decideMany the contract allows: 100 000 ids of 201 characters, each written as \\u escapes', { timeout: 120_000 }, async () => {
    const input = {
      campaignId: randomUUID(),
      grantIds: Array.from({ length: 100_000 }, () => '\u0001'.repeat(201)),
      decision: 'remove',
      justification: 'Ikke i bruk lenger',
    };
    expect(channels['reviews.decideMany'].input.safeParse(input).success).toBe(true);
    const frame = JSON.stringify({ id: Number.MAX_SAFE_INTEGER, channel: 'reviews.decideMany', input });
    expect(Buffer.byteLength(frame)).toBeGreaterThan(120_000_000);
    expect(Buffer.byteLength(frame)).toBeLessThanOrEqual(maxFrameBytes());

    const socket = await t.connect();
    try {
      const answer = nextMessage(socket, 'result');
      socket.send(frame);
      // Through the frame check and the contract's schema to the handler, which needs a signed-in profile.
      expect(await answer).toMatchObject({ id: Number.MAX_SAFE_INTEGER, result: { ok: false, error: { code: 'NOT_SIGNED_IN' } } });
    } finally {
      socket.close();
    }
  });

  it('closes a frame above the largest legal request with 1009 before reading it, and stays up', { timeout: 120_000 }, async () => {
    const socket = await t.connect();
    socket.on('error', () => {}); // the harness may close while this side still writes
    const code = closed(socket);
    socket.send(Buffer.alloc(maxFrameBytes() + 1, 0x20), { binary: false });
    expect(await code).toBe(1009);
    expect(t.log()).toMatch(/"event":"harness\.socket-error".*WS_ERR_UNSUPPORTED_MESSAGE_LENGTH/);
    await expectHarnessUp();
  });
});
