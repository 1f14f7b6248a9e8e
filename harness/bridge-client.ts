import { buildPortalApi } from '../common/portal-api';
import { fail, type Result } from '../common/result';
import { BRIDGE_PATH, type BridgeMessage, type BridgeRequest } from './bridge-protocol';

/**
 * `window.portal` for the web harness: the same object the preload builds, over a WebSocket to the
 * harness instead of Electron IPC. Loaded as a classic script before the renderer's module script.
 */
const socket = new WebSocket(`${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${BRIDGE_PATH}`);
const opened = new Promise<void>((resolve, reject) => {
  socket.addEventListener('open', () => resolve(), { once: true });
  socket.addEventListener('error', () => reject(new Error('bridge connection failed')), { once: true });
});
const pending = new Map<number, (result: Result<unknown>) => void>();
const listeners = new Map<string, Set<(payload: unknown) => void>>();
let nextId = 1;

socket.addEventListener('message', (message: MessageEvent<string>) => {
  const data = JSON.parse(message.data) as BridgeMessage;
  if (data.kind === 'result') {
    pending.get(data.id)?.(data.result);
    pending.delete(data.id);
  } else {
    for (const listener of listeners.get(data.event) ?? []) listener(data.payload);
  }
});
socket.addEventListener('close', () => {
  for (const resolve of pending.values()) resolve(fail('INTERNAL', 'The harness bridge closed'));
  pending.clear();
});

const portal = buildPortalApi({
  async invoke(channel, input) {
    try {
      await opened;
    } catch {
      return fail('INTERNAL', 'The harness bridge is not connected');
    }
    const id = nextId++;
    const request: BridgeRequest = { id, channel, input };
    return new Promise((resolve) => {
      pending.set(id, resolve);
      socket.send(JSON.stringify(request));
    });
  },
  subscribe(event, listener) {
    const set = listeners.get(event) ?? new Set();
    listeners.set(event, set);
    set.add(listener);
    return () => {
      set.delete(listener);
    };
  },
});

Object.defineProperty(window, 'portal', { value: portal, writable: false, configurable: false });
