import type { PortalApi } from '../common/portal-api';

declare global {
  interface Window {
    /** Provided by the preload (Electron) or the harness bridge (web); the renderer's only way out. */
    readonly portal: PortalApi;
  }
}
