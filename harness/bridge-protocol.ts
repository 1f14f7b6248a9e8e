import type { Result } from '../common/result';

/** Messages on the harness WebSocket: the harness's stand-in for Electron's IPC. */
export const BRIDGE_PATH = '/__harness/bridge';
export const BRIDGE_SCRIPT_PATH = '/__harness/bridge.js';

export interface BridgeRequest {
  id: number;
  channel: string;
  input?: unknown;
}

export type BridgeMessage =
  | { kind: 'result'; id: number; result: Result<unknown> }
  | { kind: 'event'; event: string; payload: unknown };
