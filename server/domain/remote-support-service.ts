import type { Db } from '../db/database';
import { prepared } from '../db/prepared';
import { nextVersion } from '../db/versions';
import { Problem } from '../http/problem';
import type { Actor } from './actor';
import { writeAuditEvent } from './audit-log';
import { createMachineGroupRow, DEFAULT_MACHINE_GROUP_NAME, findDefaultMachineGroup } from './machine-group-repository';
import { requireOrganisation, type OrganisationRow, type ServiceStatus } from './organisation-repository';
import { REMOTE_SUPPORT_TERMS, type Terms } from './remote-support-terms';

export interface RemoteSupportService {
  status: ServiceStatus;
  terms: Terms;
  acceptedTermsVersion: string | null;
  activatedAt: string | null;
  readyAt: string | null;
  /** The sync version of this state; a cache keeps the newer of what it has and what it is given. */
  version: number;
}

export function toRemoteSupportService(row: OrganisationRow): RemoteSupportService {
  return {
    status: row.service_status,
    terms: REMOTE_SUPPORT_TERMS,
    acceptedTermsVersion: row.terms_version,
    activatedAt: row.activated_at,
    readyAt: row.ready_at,
    version: row.version,
  };
}

export function getRemoteSupportService(db: Db, organisationId: string): RemoteSupportService {
  return toRemoteSupportService(requireOrganisation(db, organisationId));
}

/**
 * `activating` does not count: the guide says the systems behind the service need time to synchronise
 * after activation, so groups, grants and users wait until they have.
 */
export function requireActiveService(db: Db, organisationId: string): void {
  const { service_status: status } = requireOrganisation(db, organisationId);
  if (status !== 'active') {
    throw new Problem(409, 'SERVICE_NOT_ACTIVE', `Remote support is ${status} for this organisation; activate it and wait until it is active`);
  }
}

export interface ActivationRequest {
  acceptTerms: boolean;
  termsVersion: string;
}

/**
 * Accepts the terms and starts activation; it becomes active `delayMs` later (settled lazily by
 * due-transitions). The default group "Maskiner" is created now, pending until the same moment.
 * Asking again while activating answers with the current state and changes nothing.
 */
export function requestActivation(db: Db, actor: Actor, request: ActivationRequest, now: Date, delayMs: number): { service: RemoteSupportService; changed: boolean } {
  return db.transaction(() => {
    const before = requireOrganisation(db, actor.organisationId);
    if (before.service_status === 'active') throw new Problem(409, 'ALREADY_ACTIVE', 'Remote support is already active');
    if (!request.acceptTerms) {
      throw new Problem(422, 'TERMS_NOT_ACCEPTED', 'The terms of use must be accepted to activate remote support', [
        { field: 'acceptTerms', code: 'TERMS_NOT_ACCEPTED', message: 'Must be true' },
      ]);
    }
    if (request.termsVersion !== REMOTE_SUPPORT_TERMS.version) {
      throw new Problem(422, 'TERMS_VERSION_MISMATCH', `The current terms are version ${REMOTE_SUPPORT_TERMS.version}; read and accept those`, [
        { field: 'termsVersion', code: 'TERMS_VERSION_MISMATCH', message: `Expected ${REMOTE_SUPPORT_TERMS.version}` },
      ]);
    }
    if (before.service_status === 'activating') return { service: toRemoteSupportService(before), changed: false };

    const at = now.toISOString();
    const readyAt = new Date(now.getTime() + delayMs).toISOString();
    prepared(db, 
      `UPDATE organisations SET service_status = 'activating', terms_version = ?, activated_at = ?, ready_at = ?, version = ? WHERE id = ?`,
    ).run(request.termsVersion, at, readyAt, nextVersion(db), actor.organisationId);
    const after = toRemoteSupportService(requireOrganisation(db, actor.organisationId));
    writeAuditEvent(db, {
      actor,
      action: 'service.activation_requested',
      objectType: 'service',
      objectId: actor.organisationId,
      before: serviceSnapshot(toRemoteSupportService(before)),
      after: serviceSnapshot(after),
      at,
    });
    // The default group is known by its mark, not its name: it may have been renamed.
    if (!findDefaultMachineGroup(db, actor.organisationId)) createMachineGroupRow(db, actor, DEFAULT_MACHINE_GROUP_NAME, now, readyAt, true);
    return { service: after, changed: true };
  })();
}

/** The audit log keeps what changed, not the terms text every time. */
export function serviceSnapshot(service: RemoteSupportService): Record<string, unknown> {
  const { terms: _terms, ...rest } = service;
  return rest;
}
