/** The kinds of item the sync feed carries; a tombstone's `type` is one of these too. */
export const syncTypes = ['service', 'vendor', 'machineGroup', 'grant', 'accessibleGroup', 'user', 'auditEvent', 'device', 'engineFinding', 'remoteSession'] as const;
export type SyncType = (typeof syncTypes)[number];

/** A grant has no id of its own: it is the pair (group, vendor). */
export function grantId(groupId: string, vendorId: string): string {
  return `${groupId}:${vendorId}`;
}
