/** How the reference portal is started: by the CLI, by the app in demo mode, and by tests. */
export type SeedSpec = 'demo' | 'empty' | { large: number };

export interface PortalServerOptions {
  /** 0 picks a free port. The server always binds 127.0.0.1. */
  port: number;
  dbPath: string;
  seed: SeedSpec;
  /** Enables POST /dev/token and GET /dev/outbox; refused unless dbPath is temporary or NODE_ENV=test. */
  devTokens?: boolean;
  /** Activation -> active delay. The guide says 5-60 minutes; demo default 30 s. */
  activationDelayMs?: number;
  /** New machine group pending -> ready delay. The guide says up to an hour; demo default 20 s. */
  groupSyncDelayMs?: number;
  now?: () => Date;
  /** Fastify's logger; off by default so the CLI's stdout carries only its ready line. */
  logger?: boolean;
}

export interface ResolvedServerOptions extends Required<Omit<PortalServerOptions, 'logger'>> {
  logger: boolean;
}

export function resolveOptions(options: PortalServerOptions): ResolvedServerOptions {
  return {
    devTokens: false,
    activationDelayMs: 30_000,
    groupSyncDelayMs: 20_000,
    now: () => new Date(),
    logger: false,
    ...options,
  };
}
