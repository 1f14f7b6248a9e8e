import { buildPortalApi } from '../common/portal-api';
import { fail, type Result } from '../common/result';
import { BRIDGE_KEY_STORAGE, BRIDGE_PATH, bridgeProtocols, encodeBridgeRequest, MAX_FRAME_ATTRIBUTE, parseLaunchHash, type BridgeMessage } from './bridge-protocol';

/**
 * `window.portal` for the web harness: the same object the preload builds, over a WebSocket to the
 * harness instead of Electron IPC. Loaded as a classic script before the renderer's module script.
 */
const key = takeBridgeKey();
const maxFrameBytes = frameLimit();
const socket = new WebSocket(`${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${BRIDGE_PATH}`, bridgeProtocols(key));
const opened = new Promise<void>((resolve, reject) => {
  socket.addEventListener('open', () => resolve(), { once: true });
  socket.addEventListener('error', () => reject(new Error('bridge connection failed')), { once: true });
});
const pending = new Map<number, (result: Result<unknown>) => void>();
const listeners = new Map<string, Set<(payload: unknown) => void>>();
let nextId = 1;

if (key === null) console.error('No harness bridge key: open the URL the harness printed when it started.');

// Opening the launch URL again in this tab only changes the fragment: no new page load. This listener
// runs before the renderer's (it was added first), so the renderer reads the route, not the key. A new
// key belongs to a new start of the harness: the page loads again to connect with it.
window.addEventListener('popstate', () => {
  const launched = takeLaunchHash();
  if (launched !== null && launched !== key) location.reload();
});

socket.addEventListener('message', (message: MessageEvent<string>) => {
  const data = JSON.parse(message.data) as BridgeMessage;
  if (data.kind === 'result') {
    // A null id answers a frame the harness could not read; this client sends none.
    if (data.id === null) return;
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
    // Not awaited once open: even a settled promise would hold the request until the page's current task
    // (e.g. the renderer's module evaluation) has ended, and Electron's IPC sends it at once.
    if (socket.readyState !== WebSocket.OPEN) {
      try {
        await opened;
      } catch {
        return fail('INTERNAL', 'The harness bridge is not connected');
      }
      if (socket.readyState !== WebSocket.OPEN) return fail('INTERNAL', 'The harness bridge closed');
    }
    const id = nextId++;
    const encoded = encodeBridgeRequest({ id, channel, input }, maxFrameBytes);
    if (!encoded.ok) return encoded.result;
    return new Promise((resolve) => {
      pending.set(id, resolve);
      socket.send(encoded.frame);
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

/**
 * The largest frame the harness accepts, from the attribute it served this script with. Without one (the
 * page was not served by the harness), nothing is refused here: the harness still refuses a frame too large.
 */
function frameLimit(): number {
  const limit = Number(document.currentScript?.getAttribute(MAX_FRAME_ATTRIBUTE));
  if (Number.isSafeInteger(limit) && limit > 0) return limit;
  console.error(`The harness bridge script has no ${MAX_FRAME_ATTRIBUTE}: requests are not checked for size before they are sent.`);
  return Number.POSITIVE_INFINITY;
}

/**
 * The key from the launch URL's fragment, kept for reloads of this tab; the fragment is then put back
 * to the app's own route before the renderer reads it.
 */
function takeBridgeKey(): string | null {
  return takeLaunchHash() ?? sessionStorage.getItem(BRIDGE_KEY_STORAGE);
}

function takeLaunchHash(): string | null {
  const launch = parseLaunchHash(location.hash);
  if (launch === null) return null;
  sessionStorage.setItem(BRIDGE_KEY_STORAGE, launch.key);
  history.replaceState(history.state, '', `${location.pathname}${location.search}${launch.route}`);
  return launch.key;
}
