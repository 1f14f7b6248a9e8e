import type { AppConfig } from './app-config';
import type { EventSink } from './events';
import type { Handlers } from './ipc/handlers-type';

export interface HandlerDeps {
  config: AppConfig;
  events: EventSink;
  now: () => Date;
}

/** The IPC handlers: one function per contract channel, given its dependencies. */
export function createHandlers({ config, events, now }: HandlerDeps): Handlers {
  return {
    'app.info': async () => ({
      version: config.version,
      dataDir: config.dataDir,
      logDir: config.logDir,
      demoMode: config.demoMode,
      platform: config.platform,
    }),
    'app.ping': async ({ nonce }) => {
      const receivedAt = now().toISOString();
      events.emit('app.pong', { nonce, sentAt: receivedAt });
      return { nonce, receivedAt };
    },
  };
}
