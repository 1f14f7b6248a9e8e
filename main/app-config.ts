/** What main knows about its own installation; resolved once at start by the Electron or harness entry. */
export interface AppConfig {
  version: string;
  dataDir: string;
  logDir: string;
  /** Demo mode runs the embedded reference portal; it is on unless a real portal is configured. */
  demoMode: boolean;
  platform: NodeJS.Platform;
}

/** A real portal is configured by FJERNHJELP_PORTAL_URL until profiles arrive in settings. */
export function isDemoMode(env: NodeJS.ProcessEnv): boolean {
  return !env['FJERNHJELP_PORTAL_URL'];
}
