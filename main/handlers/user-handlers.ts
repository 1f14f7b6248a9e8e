import type { OneTimePasswordReceipt, OtpauthUri, User, UserWithTotp } from '../../common/portal/portal-types';
import { userSummary } from '../../common/users/user-summary';
import { derivedFromTable } from '../cache/derived-from-table';
import type { EntityTable } from '../cache/entity-table';
import { defaultQrFileName } from '../qr/qr-file-name';
import { renderTotpQrPng } from '../qr/totp-qr-png';
import { writeOwnerOnlyFile } from '../files/write-owner-only-file';
import { applyCommand } from './apply-command';
import type { HandlerDeps, HandlerGroup } from './handler-deps';

type Channels =
  | 'users.list'
  | 'users.get'
  | 'users.withEmail'
  | 'users.create'
  | 'users.update'
  | 'users.sendOneTimePassword'
  | 'users.regenerateTotp'
  | 'users.saveQrCode'
  | 'users.deactivate'
  | 'users.reactivate'
  | 'users.delete'
  | 'admins.list'
  | 'admins.delegate'
  | 'admins.revoke';

const path = encodeURIComponent;

/** The users list as it is sent: built once per change of the cached users, not on every ask. */
const userSummaries = derivedFromTable((users: EntityTable<User>) => users.all().map(userSummary));

/** The portal's user answer without the one-time `otpauthUri`: the TOTP secret never leaves main. */
function withoutSecret({ otpauthUri: _secret, ...user }: UserWithTotp): User {
  return user;
}

export function userHandlers({ core, events }: HandlerDeps): HandlerGroup<Channels> {
  const signedIn = () => {
    const workspace = core.workspace();
    workspace.requireSignedIn();
    return workspace;
  };
  const storeUser = (user: User) => {
    const workspace = signedIn();
    applyCommand(workspace, events, () => workspace.repositories.users.put(user, user.version));
    return user;
  };
  return {
    'users.list': async () => userSummaries(signedIn().repositories.users),
    'users.get': async ({ id }) => signedIn().repositories.users.get(id) ?? null,
    // E-mail addresses are ASCII (the shared rule), so SQLite's ASCII lower() is the whole case fold.
    'users.withEmail': async ({ email }) => signedIn().repositories.users.where("lower(json_extract(data, '$.email')) = lower(?)", email.trim()),
    'users.create': async (input) => {
      const { data } = await signedIn().client.request<UserWithTotp>('POST', 'users', { body: input });
      return storeUser(withoutSecret(data));
    },
    'users.update': async ({ id, version, changes }) => {
      const { data } = await signedIn().client.request<UserWithTotp>('PATCH', `users/${path(id)}`, {
        body: changes,
        ifMatch: `W/"${version}"`,
      });
      return storeUser(withoutSecret(data));
    },
    'users.sendOneTimePassword': async ({ id }) => {
      const workspace = signedIn();
      const { data } = await workspace.client.request<OneTimePasswordReceipt>('POST', `users/${path(id)}/one-time-password`);
      void workspace.sync.syncNow();
      return data;
    },
    'users.regenerateTotp': async ({ id }) => {
      const workspace = signedIn();
      await workspace.client.request<OtpauthUri>('POST', `users/${path(id)}/totp`);
      const { data } = await workspace.client.request<User>('GET', `users/${path(id)}`);
      return storeUser(data);
    },
    'users.saveQrCode': async ({ id }) => {
      const workspace = signedIn();
      // Fetched on demand and held only for this call: the QR code is never cached or logged.
      const { data } = await workspace.client.request<OtpauthUri>('GET', `users/${path(id)}/totp`);
      const user = workspace.repositories.users.get(id) ?? (await workspace.client.request<User>('GET', `users/${path(id)}`)).data;
      const png = await renderTotpQrPng({ otpauthUri: data.otpauthUri, username: user.username, organisation: workspace.me().organisation.name });
      const chosen = await core.chooseSavePath(defaultQrFileName(user.username));
      if (!chosen) return null;
      const written = await writeOwnerOnlyFile(chosen, png);
      core.logger.info('qr.saved', { user: user.username, path: written });
      return { path: written };
    },
    'users.deactivate': async ({ id, version }) => {
      const { data } = await signedIn().client.request<User>('POST', `users/${path(id)}/deactivate`, { ifMatch: `W/"${version}"` });
      return storeUser(data);
    },
    'users.reactivate': async ({ id, version }) => {
      const { data } = await signedIn().client.request<User>('POST', `users/${path(id)}/reactivate`, { ifMatch: `W/"${version}"` });
      return storeUser(data);
    },
    'users.delete': async ({ id, version }) => {
      const workspace = signedIn();
      await workspace.client.request('DELETE', `users/${path(id)}`, { ifMatch: `W/"${version}"` });
      // The sync that follows brings the tombstone too; removing it now keeps the list honest meanwhile.
      applyCommand(workspace, events, () => workspace.repositories.users.remove(id));
      return null;
    },

    'admins.list': async () => signedIn().repositories.users.all().filter((user) => user.roles.includes('portal-admin')),
    'admins.delegate': async ({ userId }) => {
      const { data } = await signedIn().client.request<User>('PUT', `portal-admins/${path(userId)}`);
      return storeUser(data);
    },
    'admins.revoke': async ({ userId }) => {
      const workspace = signedIn();
      await workspace.client.request('DELETE', `portal-admins/${path(userId)}`);
      const { data } = await workspace.client.request<User>('GET', `users/${path(userId)}`);
      storeUser(data);
      return null;
    },
  };
}
