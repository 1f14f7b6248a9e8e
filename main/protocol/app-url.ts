/** The renderer is served from this custom scheme; it is the only origin trusted to call IPC. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'fjernhjelp';
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;
