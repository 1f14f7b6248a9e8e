import { z } from 'zod';

/**
 * The IPC contract: every request channel the renderer may call, and every event main may push.
 * Main (handlers + wrapper), the preload, the web harness and the renderer all derive their types
 * from these two maps, so adding a channel is one entry here plus one handler in main/handlers.ts.
 */
export const channels = {
  'app.info': {
    input: z.undefined(),
    output: z.object({
      version: z.string(),
      dataDir: z.string(),
      logDir: z.string(),
      demoMode: z.boolean(),
      platform: z.string(),
    }),
  },
  /** Asks main to answer with an `app.pong` event, proving both directions of the bridge. */
  'app.ping': {
    input: z.object({ nonce: z.string().min(1).max(64) }).strict(),
    output: z.object({ nonce: z.string(), receivedAt: z.string() }),
  },
} as const satisfies Record<`${string}.${string}`, { input: z.ZodType; output: z.ZodType }>;

export const events = {
  'app.pong': z.object({ nonce: z.string(), sentAt: z.string() }),
} as const satisfies Record<`${string}.${string}`, z.ZodType>;

export type ChannelName = keyof typeof channels;
export type ChannelInput<C extends ChannelName> = z.input<(typeof channels)[C]['input']>;
/** The input after the wrapper's `parse`: what a handler receives. */
export type ParsedInput<C extends ChannelName> = z.output<(typeof channels)[C]['input']>;
export type ChannelOutput<C extends ChannelName> = z.output<(typeof channels)[C]['output']>;

export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;

export const channelNames = Object.keys(channels) as ChannelName[];
export const eventNames = Object.keys(events) as EventName[];

export function isChannelName(name: string): name is ChannelName {
  return Object.hasOwn(channels, name);
}

export function isEventName(name: string): name is EventName {
  return Object.hasOwn(events, name);
}
