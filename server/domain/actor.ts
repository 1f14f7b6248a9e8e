import type { Principal } from '../auth/principal';

/** Who made a change, as the audit log and `createdBy`/`grantedBy` record it. */
export interface Actor {
  id: string;
  username: string;
  organisationId: string;
}

export function actorFor(principal: Principal): Actor {
  return { id: principal.userId, username: principal.username, organisationId: principal.organisationId };
}

/** Delayed transitions (activation finished, group synchronised, grant expired) are made by the portal itself. */
export const SYSTEM_ACTOR_ID = 'system';

export function systemActor(organisationId: string): Actor {
  return { id: SYSTEM_ACTOR_ID, username: 'system', organisationId };
}
