import type { HandlerDeps, HandlerGroup } from './handler-deps';

type Channels = 'reviewSettings.get' | 'reviewSettings.save';

/**
 * The organisation's review settings for the open profile, offline (they live in its cache). The contract
 * has checked the input against the settings schema; its issues come back as field errors.
 */
export function reviewSettingsHandlers({ core, events, now }: HandlerDeps): HandlerGroup<Channels> {
  const signedIn = () => {
    const workspace = core.workspace();
    workspace.requireSignedIn();
    return workspace;
  };
  return {
    'reviewSettings.get': async () => signedIn().reviewSettings.get(),
    'reviewSettings.save': async (settings) => {
      const workspace = signedIn();
      const saved = workspace.reviewSettings.save(settings, now());
      core.logger.info('review-settings.saved', { ...saved });
      // What is derived from them (outside working hours, sessions in the window) changes: screens re-query.
      events.emit('cache.changed', null);
      // A new reminder lead time may put a campaign's reminder due today.
      workspace.reminders.check();
      return saved;
    },
  };
}
