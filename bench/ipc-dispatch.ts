import type { BenchFigure } from './figure';
import type { AppCore } from '../main/app-core';
import { appHandlers } from '../main/handlers/app-handlers';
import { createDispatcher } from '../main/ipc/dispatcher';
import type { Handlers } from '../main/ipc/handlers-type';
import { sameOriginPolicy } from '../main/ipc/sender-policy';
import type { Logger } from '../main/log/logger';
import { APP_ENTRY_URL } from '../main/protocol/app-url';


const silent: Logger = { info() {}, warn() {}, error() {} };

async function callsPerSecond(call: () => Promise<unknown>, iterations: number): Promise<number> {
  for (let i = 0; i < 1000; i++) await call(); // warm up the JIT
  const start = process.hrtime.bigint();
  for (let i = 0; i < iterations; i++) await call();
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return iterations / seconds;
}

/**
 * What the IPC wrapper (channel lookup, sender check, zod parse, result wrapping) costs per call,
 * against calling the handler directly: the physical limit for a request that does no I/O.
 */
export async function benchIpcDispatch(iterations = 200_000): Promise<BenchFigure[]> {
  // Only the app channels: the dispatcher's cost does not depend on which handler it calls.
  const handlers = appHandlers({ core: {} as AppCore, events: { emit() {} }, now: () => new Date(0) });
  const dispatch = createDispatcher(handlers as Handlers, sameOriginPolicy(APP_ENTRY_URL), silent);
  const input = { nonce: 'bench-nonce' };
  const direct = await callsPerSecond(() => handlers['app.ping'](input), iterations);
  const wrapped = await callsPerSecond(() => dispatch('app.ping', APP_ENTRY_URL, input), iterations);
  return [
    { name: 'ipc.handler-direct', value: direct, unit: 'calls/s' },
    { name: 'ipc.dispatch', value: wrapped, unit: 'calls/s' },
    { name: 'ipc.dispatch / direct', value: wrapped / direct, unit: 'ratio' },
    { name: 'ipc.dispatch overhead', value: (1 / wrapped - 1 / direct) * 1e6, unit: 'µs/call' },
  ];
}
