import { randomUUID } from 'node:crypto';
import { CLIENT_ID, profileSchema } from '../auth/profile';
import { PortalError } from '../ipc/portal-error';
import type { HandlerDeps, HandlerGroup } from './handler-deps';

type Channels = 'profiles.list' | 'profiles.save' | 'profiles.select' | 'session.status' | 'session.signIn' | 'session.cancelSignIn' | 'session.signOut' | 'sync.status' | 'sync.now';

export function sessionHandlers({ core }: HandlerDeps): HandlerGroup<Channels> {
  return {
    'profiles.list': async () => ({ profiles: core.profiles(), activeId: core.openProfileId }),
    'profiles.save': async (input) => {
      const parsed = profileSchema.safeParse({ ...input, id: `p-${randomUUID().slice(0, 8)}`, clientId: input.clientId || CLIENT_ID });
      if (!parsed.success) {
        throw new PortalError(
          'INVALID_INPUT',
          'The profile is not valid',
          parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), code: 'INVALID', message: issue.message })),
        );
      }
      core.settings.saveProfile(parsed.data);
      return { id: parsed.data.id, name: parsed.data.name, portalUrl: parsed.data.portalUrl, demo: false };
    },
    'profiles.select': async ({ id }) => core.selectProfile(id),

    'session.status': async () => core.status(),
    'session.signIn': async () => {
      const workspace = core.workspace();
      await workspace.signIn();
      return workspace.status();
    },
    'session.cancelSignIn': async () => {
      core.workspace().cancelSignIn();
      return null;
    },
    'session.signOut': async () => {
      const workspace = core.workspace();
      await workspace.signOut();
      return workspace.status();
    },

    'sync.status': async () => core.workspace().syncStatus(),
    'sync.now': async () => {
      const workspace = core.workspace();
      workspace.requireSignedIn();
      await workspace.sync.syncNow();
      return workspace.syncStatus();
    },
  };
}
