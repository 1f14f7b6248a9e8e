import type { AppCore } from '../app-core';
import type { EventSink } from '../events';
import type { Handlers } from '../ipc/handlers-type';

export interface HandlerDeps {
  core: AppCore;
  events: EventSink;
  now: () => Date;
}

/** A group of handlers for some of the contract's channels. */
export type HandlerGroup<C extends keyof Handlers> = Pick<Handlers, C>;
