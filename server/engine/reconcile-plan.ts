import type {
  DesiredAccess,
  DesiredAccount,
  DesiredGroup,
  DesiredState,
  ObservedAccess,
  ObservedAccount,
  ObservedEngine,
  ObservedGroup,
} from './remote-support-engine';

/** One idempotent change to the engine; `key` names the portal object it serves (for status and errors). */
export type EngineAction =
  | { kind: 'createGroup'; key: string; group: DesiredGroup }
  | { kind: 'renameGroup'; key: string; group: ObservedGroup; fullName: string }
  | { kind: 'createAccount'; key: string; account: DesiredAccount }
  | { kind: 'putAccess'; key: string; access: DesiredAccess; group: ObservedGroup; existing: ObservedAccess | undefined }
  | { kind: 'removeAccess'; key: string; access: ObservedAccess }
  | { kind: 'deleteAccount'; key: string; account: ObservedAccount }
  | { kind: 'deleteGroup'; key: string; group: ObservedGroup };

export const groupKey = (groupId: string): string => `group:${groupId}`;
export const accessKey = (groupId: string, vendorId: string): string => `grant:${groupId}:${vendorId}`;
export const accountKey = (userId: string): string => `user:${userId}`;

/**
 * The changes that make the engine what the portal says, in an order that never leaves access wider than
 * either the old or the new state: groups and accounts first, then access, then removals, groups last.
 * Access to a group the engine does not have yet waits for the next pass (the reconciler observes again
 * after each pass), and only accounts the engine has are made members. An engine that makes accounts at the
 * user's first sign-in is never asked to create one.
 */
export function planReconcile(desired: DesiredState, observed: ObservedEngine, accountsAtFirstSignIn = false): EngineAction[] {
  const { primary: observedGroups, emptyDuplicates } = primaryGroups(observed);
  const observedAccounts = new Map(observed.accounts.map((account) => [account.userId, account]));
  // A grant found twice (a create the engine carried out but whose answer was lost): the first is kept.
  const observedAccesses = new Map<string, ObservedAccess>();
  const duplicateAccesses: ObservedAccess[] = [];
  for (const access of observed.accesses) {
    const key = accessKey(access.groupId, access.vendorId);
    if (observedAccesses.has(key)) duplicateAccesses.push(access);
    else observedAccesses.set(key, access);
  }
  const desiredGroupIds = new Set(desired.groups.map((group) => group.groupId));
  const desiredUserIds = new Set(desired.accounts.map((account) => account.userId));
  const desiredAccessKeys = new Set(desired.accesses.map((access) => accessKey(access.groupId, access.vendorId)));

  const actions: EngineAction[] = [];
  for (const group of desired.groups) {
    const existing = observedGroups.get(group.groupId);
    if (!existing) actions.push({ kind: 'createGroup', key: groupKey(group.groupId), group });
    else if (existing.name !== group.fullName) actions.push({ kind: 'renameGroup', key: groupKey(group.groupId), group: existing, fullName: group.fullName });
  }
  for (const account of desired.accounts) {
    if (!accountsAtFirstSignIn && !observedAccounts.has(account.userId)) actions.push({ kind: 'createAccount', key: accountKey(account.userId), account });
  }
  for (const access of desired.accesses) {
    const group = observedGroups.get(access.groupId);
    if (!group) continue;
    const key = accessKey(access.groupId, access.vendorId);
    const wanted = { ...access, memberUserIds: access.memberUserIds.filter((id) => observedAccounts.has(id)) };
    const existing = observedAccesses.get(key);
    if (!existing || !accessMatches(wanted, existing)) actions.push({ kind: 'putAccess', key, access: wanted, group, existing });
  }
  for (const [key, access] of observedAccesses) {
    if (!desiredAccessKeys.has(key)) actions.push({ kind: 'removeAccess', key, access });
  }
  for (const access of duplicateAccesses) actions.push({ kind: 'removeAccess', key: accessKey(access.groupId, access.vendorId), access });
  for (const account of observed.accounts) {
    if (!desiredUserIds.has(account.userId)) actions.push({ kind: 'deleteAccount', key: accountKey(account.userId), account });
  }
  for (const group of observed.groups) {
    if (!desiredGroupIds.has(group.groupId)) actions.push({ kind: 'deleteGroup', key: groupKey(group.groupId), group });
  }
  for (const group of emptyDuplicates) {
    if (desiredGroupIds.has(group.groupId)) actions.push({ kind: 'deleteGroup', key: groupKey(group.groupId), group });
  }
  return actions;
}

/**
 * The engine's group that stands for each portal group: the one with the most devices (the first on a tie).
 * A second one with no devices is a create whose answer was lost, and goes; one with devices stays, since
 * deleting it would drop machines from remote support (access is given only through the primary one).
 */
function primaryGroups(observed: ObservedEngine): { primary: Map<string, ObservedGroup>; emptyDuplicates: ObservedGroup[] } {
  const devices = new Map<string, number>();
  for (const device of observed.devices) devices.set(device.engineGroupId, (devices.get(device.engineGroupId) ?? 0) + 1);
  const primary = new Map<string, ObservedGroup>();
  for (const group of observed.groups) {
    const current = primary.get(group.groupId);
    if (!current || (devices.get(group.engineId) ?? 0) > (devices.get(current.engineId) ?? 0)) primary.set(group.groupId, group);
  }
  const emptyDuplicates = observed.groups.filter((group) => primary.get(group.groupId) !== group && (devices.get(group.engineId) ?? 0) === 0);
  return { primary, emptyDuplicates };
}

/** The engine holds exactly this grant: the right mode, the right members, linked to its group only. */
export function accessMatches(desired: DesiredAccess, observed: ObservedAccess): boolean {
  return (
    observed.mode === desired.mode &&
    sameSet(observed.memberUserIds, desired.memberUserIds) &&
    observed.linkedGroupIds.length === 1 &&
    observed.linkedGroupIds[0] === desired.groupId
  );
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const set = new Set(a);
  return b.every((item) => set.has(item));
}
