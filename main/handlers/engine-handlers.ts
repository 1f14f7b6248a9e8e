import { applyCommand } from './apply-command';
import type { HandlerDeps, HandlerGroup } from './handler-deps';

type Channels = 'engine.status' | 'groups.devices' | 'engine.findings' | 'engine.removeFinding';

const path = encodeURIComponent;

/** The remote-support system behind the portal, as the app sees it through the portal: its status, machines and drift. */
export function engineHandlers({ core, events }: HandlerDeps): HandlerGroup<Channels> {
  const signedIn = () => {
    const workspace = core.workspace();
    workspace.requireSignedIn();
    return workspace;
  };
  return {
    'engine.status': async () => signedIn().engineStatus.get(),
    'groups.devices': async ({ groupId }) => signedIn().repositories.devices.where('group_id = ?', groupId),
    'engine.findings': async () => signedIn().repositories.engineFindings.all(),
    'engine.removeFinding': async ({ id }) => {
      const workspace = signedIn();
      // The portal removes it in the remote-support system before answering; unreachable, it answers
      // ENGINE_UNAVAILABLE and the finding stays, in the portal and here.
      await workspace.client.request('DELETE', `engine/findings/${path(id)}`);
      applyCommand(workspace, events, () => workspace.repositories.engineFindings.remove(id));
      return null;
    },
  };
}
