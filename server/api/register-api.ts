import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../context';
import { settleDueTransitions } from '../domain/due-transitions';
import { jsonBodiesOnly } from '../http/json-bodies';
import { registerAccessReviewRoutes } from './access-review-routes';
import { registerAuditRoutes } from './audit-routes';
import { registerGrantRoutes } from './grant-routes';
import { registerMachineGroupRoutes } from './machine-group-routes';
import { registerMeRoutes } from './me-routes';
import { registerPortalAdminRoutes } from './portal-admin-routes';
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
  api.addHook('preHandler', async () => settleDueTransitions(context.db, context.now()));
  registerMeRoutes(api, context);
  registerServiceRoutes(api, context);
  registerMachineGroupRoutes(api, context);
  registerGrantRoutes(api, context);
  registerAccessReviewRoutes(api, context);
  registerVendorRoutes(api, context);
  registerUserRoutes(api, context);
  registerPortalAdminRoutes(api, context);
  registerAuditRoutes(api, context);
  registerSyncRoutes(api, context);
}
