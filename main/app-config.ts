/** What main knows about its own installation; resolved once at start by the Electron or harness entry. */
export interface AppConfig {
  version: string;
  dataDir: string;
  logDir: string;
  /** Start the embedded demo portal at once; otherwise it starts only when the user picks "Prøv demo". */
  demoAtStart: boolean;
  platform: NodeJS.Platform;
}

/**
 * Whether the demo portal starts with the app. An installed copy opens on the portal choice unless it
 * was started with `--demo`; run from the repository (`npm start`, the web harness) it opens the demo,
 * as the README promises, unless started with `--no-demo`. `--demo` wins if both are given.
 */
export function demoAtStart(input: { packaged: boolean; argv: readonly string[] }): boolean {
  if (input.argv.includes('--demo')) return true;
  return !input.packaged && !input.argv.includes('--no-demo');
}
