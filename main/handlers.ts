import type { Handlers } from './ipc/handlers-type';
import { appHandlers } from './handlers/app-handlers';
import { directoryHandlers } from './handlers/directory-handlers';
import { engineHandlers } from './handlers/engine-handlers';
import { groupHandlers } from './handlers/group-handlers';
import type { HandlerDeps } from './handlers/handler-deps';
import { remoteSessionHandlers } from './handlers/remote-session-handlers';
import { reviewHandlers } from './handlers/review-handlers';
import { reviewSettingsHandlers } from './handlers/review-settings-handlers';
import { sessionHandlers } from './handlers/session-handlers';
import { userHandlers } from './handlers/user-handlers';

export type { HandlerDeps } from './handlers/handler-deps';

/** The IPC handlers: one function per contract channel, grouped by domain, given their dependencies. */
export function createHandlers(deps: HandlerDeps): Handlers {
  return {
    ...appHandlers(deps),
    ...sessionHandlers(deps),
    ...groupHandlers(deps),
    ...directoryHandlers(deps),
    ...userHandlers(deps),
    ...reviewHandlers(deps),
    ...engineHandlers(deps),
    ...remoteSessionHandlers(deps),
    ...reviewSettingsHandlers(deps),
  };
}
