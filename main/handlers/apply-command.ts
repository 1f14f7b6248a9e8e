import type { EventSink } from '../events';
import type { ProfileWorkspace } from '../workspace/profile-workspace';

/**
 * After the portal accepted a command: write its answer into the cache in one transaction, tell the
 * renderer, and sync so anything else the command changed (audit events, derived rows) follows.
 */
export function applyCommand(workspace: ProfileWorkspace, events: EventSink, write: () => void): void {
  workspace.db.transaction(write)();
  events.emit('cache.changed', null);
  void workspace.sync.syncNow();
}
