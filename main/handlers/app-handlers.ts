import type { HandlerDeps, HandlerGroup } from './handler-deps';

export function appHandlers({ core, events, now }: HandlerDeps): HandlerGroup<'app.info' | 'app.startDemo' | 'app.ping' | 'app.setLanguage'> {
  return {
    'app.info': async () => {
      const { version, dataDir, logDir, platform } = core.config;
      return { version, dataDir, logDir, demoRunning: core.demoRunning, platform };
    },
    'app.startDemo': async () => core.startDemo(),
    'app.ping': async ({ nonce }) => {
      const receivedAt = now().toISOString();
      events.emit('app.pong', { nonce, sentAt: receivedAt });
      return { nonce, receivedAt };
    },
    'app.setLanguage': async ({ language }) => {
      core.setLanguage(language);
      return null;
    },
  };
}
