import { randomUUID } from 'node:crypto';
import { checkProfileDraft } from '../../common/validation/portal-profile';
import { PortalError } from '../ipc/portal-error';
import type { HandlerDeps, HandlerGroup } from './handler-deps';

type Channels = 'profiles.list' | 'profiles.save' | 'profiles.select' | 'session.status' | 'session.signIn' | 'session.cancelSignIn' | 'session.signOut' | 'sync.status' | 'sync.now';

export function sessionHandlers({ core }: HandlerDeps): HandlerGroup<Channels> {
  return {
    'profiles.list': async () => ({ profiles: core.profiles(), activeId: core.openProfileId }),
    'profiles.save': async (input) => {
      // The form's own rules, here too: every field's problem comes back at that field, in the same codes.
      const { issues, profile } = checkProfileDraft(input);
      if (!profile) throw new PortalError('INVALID_INPUT', 'The profile is not valid', issues);
      const saved = { ...profile, id: `p-${randomUUID().slice(0, 8)}` };
      core.settings.saveProfile(saved);
      return { id: saved.id, name: saved.name, portalUrl: saved.portalUrl, demo: false };
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
