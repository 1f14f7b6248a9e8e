import type { Db } from './db/database';
import type { EngineRuntime } from './engine/engine-runtime';
import type { ResolvedServerOptions } from './options';

/** What every route module is given: the database, the clock and the resolved options. */
export interface ServerContext {
  db: Db;
  now: () => Date;
  options: ResolvedServerOptions;
  /** http://127.0.0.1:PORT once listening; the OIDC issuer is `${baseUrl}/oidc`. */
  baseUrl: () => string;
  /** The remote-support system the portal drives (or the simulated one). */
  engine: EngineRuntime;
}
