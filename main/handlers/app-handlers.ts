import type { HandlerDeps, HandlerGroup } from './handler-deps';

export function appHandlers({ core, events, now }: HandlerDeps): HandlerGroup<'app.info' | 'app.ping' | 'app.setLanguage'> {
  return {
    'app.info': async () => {
      const { version, dataDir, logDir, demoMode, platform } = core.config;
      return { version, dataDir, logDir, demoMode, platform };
    },
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
