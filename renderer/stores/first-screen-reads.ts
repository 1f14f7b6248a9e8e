import { routeFromHash } from './navigation-store';
import { useSessionStore } from './session-store';
import { useUserStore } from './user-store';

/**
 * Imported first by main.tsx, so this runs before the rest of the app is evaluated: what the first screen
 * waits for is in main's hands while the app loads and renders its shell, instead of after that. The
 * session first (main answers it at once, and the signed-in shell waits for it), then the largest read a
 * first screen makes. App asks for the session again once it follows session events, so none is missed.
 * The user store shows nothing of a refusal (the session may not be open yet), and the screen's own load
 * waits for this one instead of asking again.
 */
void useSessionStore.getState().load();
if (routeFromHash(location.hash).screen === 'users') useUserStore.getState().prefetch();
