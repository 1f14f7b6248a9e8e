import { defaultLoginFailureDelay, type LoginFailureDelay } from './auth/login-throttle';
import type { YubikeyValidator } from './auth/yubikey-validator';
import type { EngineConfig } from './engine/engine-config';

/**
 * How the reference portal is started: by the CLI, by the app in demo mode, and by tests. `large`: that many users
 * (server/seed/large-seed.ts); `sessions`: that many remote-support sessions on its grants (none when not given).
 */
export type SeedSpec = 'demo' | 'empty' | { large: number; sessions?: number };

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
  /** How long an SMS one-time password for a remote-support user's first sign-in is valid. Default 72 h. */
  oneTimePasswordTtlMs?: number;
  now?: () => Date;
  /** Fastify's logger; off by default so the CLI's stdout carries only its ready line. */
  logger?: boolean;
  /**
   * Shows a DEMO box with the demo admin's username, password and current TOTP code on the sign-in page.
   * Set by the app's demo mode; honoured only with seed 'demo'. Off by default.
   */
  showDemoCredentials?: boolean;
  /** How long to hold back the answer to the Nth failed sign-in of a username (tests shorten it). */
  loginFailureDelayMs?: LoginFailureDelay;
  /** Yubikey OTP validation; the default is the reference validator (format, public id, replay). */
  yubikeyValidator?: YubikeyValidator;
  /**
   * The remote-support system the portal drives. Default `{ kind: 'none' }`: nothing is driven, activation and
   * new groups finish after the simulated delays above, and the API says "simulated" so nobody takes it for
   * real access (the app's demo mode and embedded default).
   */
  engine?: EngineConfig;
}

export interface ResolvedServerOptions extends Required<Omit<PortalServerOptions, 'logger' | 'yubikeyValidator'>> {
  logger: boolean;
  yubikeyValidator?: YubikeyValidator;
}

export function resolveOptions(options: PortalServerOptions): ResolvedServerOptions {
  return {
    devTokens: false,
    activationDelayMs: 30_000,
    groupSyncDelayMs: 20_000,
    oneTimePasswordTtlMs: 72 * 60 * 60 * 1000,
    now: () => new Date(),
    logger: false,
    showDemoCredentials: false,
    loginFailureDelayMs: defaultLoginFailureDelay,
    engine: { kind: 'none' },
    ...options,
  };
}
