import type { ChannelInput, ChannelOutput, EventPayload } from './contract';
import { CHANNEL_NAMES, isEventName, type ChannelName, type EventName } from './contract-names';
import type { Result } from './result';

type Namespace<C> = C extends `${infer N}.${string}` ? N : never;

type Invoker<C extends ChannelName> = undefined extends ChannelInput<C>
  ? () => Promise<Result<ChannelOutput<C>>>
  : (input: ChannelInput<C>) => Promise<Result<ChannelOutput<C>>>;

/**
 * `window.portal`: one method per contract channel, grouped by the part before the dot
 * (`app.info` -> `portal.app.info()`), plus `on(event, listener)` returning an unsubscribe function.
 */
export type PortalApi = {
  readonly [N in Namespace<ChannelName>]: {
    readonly [C in ChannelName as C extends `${N}.${infer M}` ? M : never]: Invoker<C>;
  };
} & {
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
};

/** How a concrete bridge moves calls and events: Electron IPC in the preload, a WebSocket in the harness. */
export interface PortalTransport {
  invoke(channel: ChannelName, input: unknown): Promise<Result<unknown>>;
  subscribe(event: EventName, listener: (payload: unknown) => void): () => void;
}

/** Builds the one object both bridges expose, so the preload and the harness cannot drift apart. */
export function buildPortalApi(transport: PortalTransport): PortalApi {
  const api: Record<string, Record<string, (input?: unknown) => Promise<Result<unknown>>>> = {};
  for (const channel of CHANNEL_NAMES) {
    const dot = channel.indexOf('.');
    const namespace = channel.slice(0, dot);
    const method = channel.slice(dot + 1);
    const group = (api[namespace] ??= {});
    group[method] = (input?: unknown) => transport.invoke(channel, input);
  }
  const on = (event: string, listener: (payload: unknown) => void): (() => void) => {
    if (!isEventName(event)) throw new Error(`Unknown event: ${event}`);
    return transport.subscribe(event, listener);
  };
  for (const group of Object.values(api)) Object.freeze(group);
  return Object.freeze({ ...api, on }) as unknown as PortalApi;
}
