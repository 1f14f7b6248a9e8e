import type { Grant, MachineGroup, RemoteSupportService } from '../../common/portal/portal-types';
import { PortalError } from '../ipc/portal-error';
import type { ProfileWorkspace } from '../workspace/profile-workspace';
import { applyCommand } from './apply-command';
import type { HandlerDeps, HandlerGroup } from './handler-deps';

type Channels =
  | 'service.get'
  | 'service.activate'
  | 'groups.list'
  | 'groups.get'
  | 'groups.create'
  | 'groups.rename'
  | 'groups.delete'
  | 'grants.list'
  | 'grants.all'
  | 'grants.put'
  | 'grants.remove';

const path = encodeURIComponent;

/**
 * A group command sent with the cached version: when the portal has a newer one (someone renamed it, or
 * it just finished synchronising), a sync brings the cache up to date, so the screen shows the group as
 * it is and the admin's next try carries the right version.
 */
async function catchingUp<T>(workspace: ProfileWorkspace, send: () => Promise<T>): Promise<T> {
  try {
    return await send();
  } catch (error) {
    if (error instanceof PortalError && error.code === 'PRECONDITION_FAILED') void workspace.sync.syncNow();
    throw error;
  }
}

export function groupHandlers({ core, events }: HandlerDeps): HandlerGroup<Channels> {
  const signedIn = () => {
    const workspace = core.workspace();
    workspace.requireSignedIn();
    return workspace;
  };
  return {
    'service.get': async () => {
      const workspace = signedIn();
      return workspace.repositories.service.get(workspace.me().organisation.id) ?? null;
    },
    'service.activate': async (input) => {
      const workspace = signedIn();
      const { data } = await workspace.client.request<RemoteSupportService>('POST', 'services/remote-support/activation', { body: input });
      const id = workspace.me().organisation.id;
      applyCommand(workspace, events, () => workspace.repositories.service.put({ ...data, id }, data.version));
      return data;
    },

    'groups.list': async () => signedIn().repositories.machineGroups.all(),
    'groups.get': async ({ id }) => signedIn().repositories.machineGroups.get(id) ?? null,
    'groups.create': async ({ name }) => {
      const workspace = signedIn();
      const { data } = await workspace.client.request<MachineGroup>('POST', 'machine-groups', { body: { name } });
      applyCommand(workspace, events, () => workspace.repositories.machineGroups.put(data, data.version));
      return data;
    },
    'groups.rename': async ({ id, version, name }) => {
      const workspace = signedIn();
      const { data } = await catchingUp(workspace, () =>
        workspace.client.request<MachineGroup>('PATCH', `machine-groups/${path(id)}`, { body: { name }, ifMatch: `W/"${version}"` }),
      );
      applyCommand(workspace, events, () => workspace.repositories.machineGroups.put(data, data.version));
      return data;
    },
    'groups.delete': async ({ id, version }) => {
      const workspace = signedIn();
      await catchingUp(workspace, () => workspace.client.request('DELETE', `machine-groups/${path(id)}`, { ifMatch: `W/"${version}"` }));
      // The portal refuses while vendors have access, so the cache holds no grants on it to remove.
      applyCommand(workspace, events, () => workspace.repositories.machineGroups.remove(id));
      return null;
    },

    'grants.list': async ({ groupId }) => signedIn().repositories.grants.where('group_id = ?', groupId),
    'grants.all': async () => signedIn().repositories.grants.all(),
    'grants.put': async ({ groupId, vendorId, mode, expiresAt }) => {
      const workspace = signedIn();
      const body = expiresAt === undefined ? { mode } : { mode, expiresAt };
      const { data } = await workspace.client.request<Grant>('PUT', `machine-groups/${path(groupId)}/grants/${path(vendorId)}`, { body });
      applyCommand(workspace, events, () => workspace.repositories.grants.put(data, data.version));
      return data;
    },
    'grants.remove': async ({ groupId, vendorId }) => {
      const workspace = signedIn();
      await workspace.client.request('DELETE', `machine-groups/${path(groupId)}/grants/${path(vendorId)}`);
      applyCommand(workspace, events, () => workspace.repositories.grants.remove(`${groupId}:${vendorId}`));
      return null;
    },
  };
}
