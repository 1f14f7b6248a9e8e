import { fail, type Result } from '../common/result';
import type { BridgeRequest } from './bridge-frame-decoder';

/**
 * Messages on the harness WebSocket: the harness's stand-in for Electron's IPC. What the page's bridge
 * client needs; the harness reads the page's frames with bridge-frame-decoder.ts, so the page loads no zod.
 */
export const BRIDGE_PATH = '/__harness/bridge';
export const BRIDGE_SCRIPT_PATH = '/__harness/bridge.js';

/**
 * The bridge key: a secret the harness makes at each start and hands only to whoever started it, in
 * the fragment of the URL it prints (a fragment is never sent to a server, so it is in no request
 * line and no server log). The page keeps it in sessionStorage and offers it as a WebSocket
 * subprotocol, the one header a browser's WebSocket can set. Serving it inside the page would not
 * do: any process on the machine can fetch the page.
 *
 * The fragment is `#harness-key=<key>`, optionally followed by `/` and the app's own route:
 * `<printed URL>/#/settings` opens the settings screen.
 */
export const BRIDGE_PROTOCOL = 'fjernhjelp-harness';
const KEY_PROTOCOL_PREFIX = 'fjernhjelp-harness-key.';
const LAUNCH_HASH_PREFIX = '#harness-key=';
/** 32 random bytes, base64url: also a valid subprotocol token. */
const KEY_PATTERN = /^[A-Za-z0-9_-]{43}$/;
export const BRIDGE_KEY_STORAGE = 'fjernhjelp-harness-key';

export function launchUrl(origin: string, key: string): string {
  return `${origin}/${LAUNCH_HASH_PREFIX}${key}`;
}

/** The key and the app's route from a launch fragment, or null when `hash` is not one. */
export function parseLaunchHash(hash: string): { key: string; route: string } | null {
  if (!hash.startsWith(LAUNCH_HASH_PREFIX)) return null;
  const rest = hash.slice(LAUNCH_HASH_PREFIX.length);
  const slash = rest.indexOf('/');
  const key = slash === -1 ? rest : rest.slice(0, slash);
  if (!KEY_PATTERN.test(key)) return null;
  return { key, route: slash === -1 ? '' : rest.slice(slash + 1) };
}

/** The subprotocols the page offers: the bridge's name (which the harness answers with) and the key. */
export function bridgeProtocols(key: string | null): string[] {
  return key === null ? [BRIDGE_PROTOCOL] : [BRIDGE_PROTOCOL, `${KEY_PROTOCOL_PREFIX}${key}`];
}

/** The key offered in a `Sec-WebSocket-Protocol` header, or null. */
export function offeredKey(header: string | undefined): string | null {
  const offers = (header ?? '').split(',').map((offer) => offer.trim());
  const offer = offers.find((candidate) => candidate.startsWith(KEY_PROTOCOL_PREFIX));
  return offer === undefined ? null : offer.slice(KEY_PROTOCOL_PREFIX.length);
}

/**
 * The attribute of the bridge's script tag that carries the largest frame the harness accepts (it
 * works that out from the contract, largest-frame.ts): the page reads the number instead of building
 * the contract's schemas to work it out again while it loads.
 */
export const MAX_FRAME_ATTRIBUTE = 'data-max-frame-bytes';

export type BridgeMessage =
  /** `id` is null when the frame it answers had no readable id. */
  | { kind: 'result'; id: number | null; result: Result<unknown> }
  | { kind: 'event'; event: string; payload: unknown };

/** A request as the frame to send, or a typed error when it is larger than the harness accepts (`maxBytes`). */
export function encodeBridgeRequest(request: BridgeRequest, maxBytes: number): { ok: true; frame: string } | { ok: false; result: Result<never> } {
  const frame = JSON.stringify(request);
  // UTF-8 takes at most 3 bytes per UTF-16 code unit: only a frame that might be too large is measured.
  if (frame.length * 3 <= maxBytes) return { ok: true, frame };
  const bytes = new TextEncoder().encode(frame).byteLength;
  if (bytes <= maxBytes) return { ok: true, frame };
  const message = `The request is ${bytes} bytes; no valid request is larger than ${maxBytes}`;
  return { ok: false, result: fail('INVALID_INPUT', `Invalid input for ${request.channel}`, [{ path: '', code: 'TOO_LARGE', message }]) };
}
