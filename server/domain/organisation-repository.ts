import type { Db } from '../db/database';
import { prepared } from '../db/prepared';

export type ServiceStatus = 'inactive' | 'activating' | 'active';

export interface OrganisationRow {
  id: string;
  name: string;
  prefix: string;
  name_key: string;
  is_vendor: number;
  service_status: ServiceStatus;
  terms_version: string | null;
  activated_at: string | null;
  ready_at: string | null;
  version: number;
}

export interface OrganisationRef {
  id: string;
  name: string;
}

export function getOrganisation(db: Db, id: string): OrganisationRow | undefined {
  return prepared(db, 'SELECT * FROM organisations WHERE id = ?').get(id) as OrganisationRow | undefined;
}

export function requireOrganisation(db: Db, id: string): OrganisationRow {
  const row = getOrganisation(db, id);
  // The caller's token names an organisation that must exist: anything else is a broken database.
  if (!row) throw new Error(`organisation ${id} does not exist`);
  return row;
}
