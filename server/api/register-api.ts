import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../context';
import { settleDueTransitions } from '../domain/due-transitions';
import { jsonBodiesOnly } from '../http/json-bodies';
import { registerAccessReviewRoutes } from './access-review-routes';
import { registerAuditRoutes } from './audit-routes';
import { registerEngineRoutes } from './engine-routes';
import { registerGrantRoutes } from './grant-routes';
import { registerMachineGroupRoutes } from './machine-group-routes';
import { registerMeRoutes } from './me-routes';
import { registerPortalAdminRoutes } from './portal-admin-routes';
import { registerRemoteSessionRoutes } from './remote-session-routes';
import { registerServiceRoutes } from './service-routes';
import { registerSyncRoutes } from './sync-routes';
import { registerUserRoutes } from './user-routes';
import { registerVendorRoutes } from './vendor-routes';

/**
 * Every /api/v1 resource route, into a scope that already requires authentication, with JSON bodies
 * only and no body where a route declares none. Before each handler, the delayed transitions that
 * are due by now are settled, so every answer reflects them.
 */
export function registerApiRoutes(api: FastifyInstance, context: ServerContext): void {
  jsonBodiesOnly(api);
  api.addHook('preHandler', async () => settleDueTransitions(context.db, context.now(), context.options.engine.kind === 'none'));
  // A change the engine must follow was written to its outbox in the change's own transaction (triggers);
  // this only makes the engine follow now rather than at its next timer.
  api.addHook('onResponse', async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') context.engine.changed();
  });
  registerMeRoutes(api, context);
  registerServiceRoutes(api, context);
  registerMachineGroupRoutes(api, context);
  registerGrantRoutes(api, context);
  registerAccessReviewRoutes(api, context);
  registerVendorRoutes(api, context);
  registerUserRoutes(api, context);
  registerPortalAdminRoutes(api, context);
  registerAuditRoutes(api, context);
  registerEngineRoutes(api, context);
  registerRemoteSessionRoutes(api, context);
  registerSyncRoutes(api, context);
}
