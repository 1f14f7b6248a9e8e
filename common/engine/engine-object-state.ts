import type { EngineObjectStatus } from '../portal/portal-types';

/**
 * An object's state in the remote-support system, when the portal sent one. Optional on purpose: a cache
 * filled by an older portal holds groups and grants without it, and users get it later than groups.
 */
export function engineStateOf(item: object): EngineObjectStatus | undefined {
  const status = (item as { engineStatus?: unknown }).engineStatus;
  if (typeof status !== 'object' || status === null) return undefined;
  const { state, reason } = status as { state?: unknown; reason?: unknown };
  if (state !== 'pending' && state !== 'active' && state !== 'failed') return undefined;
  return { state, reason: typeof reason === 'string' ? reason : null };
}
