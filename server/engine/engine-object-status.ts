export type EngineState = 'pending' | 'active' | 'failed';

/**
 * An object's state in the remote-support system (server/engine/): pending until the system holds it as the
 * portal says, active when it does, failed with the system's reason when it refused. With no system
 * ("simulert") the portal marks every object active as soon as it has it.
 */
export interface EngineObjectStatus {
  state: EngineState;
  reason: string | null;
}

export function engineObjectStatus(row: { engine_state: EngineState; engine_reason: string | null }): EngineObjectStatus {
  return { state: row.engine_state, reason: row.engine_reason };
}
