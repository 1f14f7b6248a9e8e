import type { EventName, EventPayload } from '../common/contract';

/** Pushes a contract event to the renderer: webContents.send in Electron, a WebSocket in the harness. */
export interface EventSink {
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
}
