import { useEffect } from 'react';
import { create } from 'zustand';
import { LeaveGuard } from '../../common/navigation/leave-guard';

/** The app's screens. The hash mirrors the route, so a reload keeps the place and Back works. */
export type Route =
  | { screen: 'service' }
  | { screen: 'groups' }
  | { screen: 'group'; id: string }
  | { screen: 'accessible' }
  | { screen: 'users' }
  | { screen: 'user'; id: string }
  | { screen: 'admins' }
  | { screen: 'review' }
  | { screen: 'campaign'; id: string }
  | { screen: 'sessions' }
  | { screen: 'audit' }
  | { screen: 'settings' };

export function routeToHash(route: Route): string {
  return 'id' in route ? `#/${route.screen}/${encodeURIComponent(route.id)}` : `#/${route.screen}`;
}

export function routeFromHash(hash: string): Route {
  const [screen, id] = hash.replace(/^#\/?/, '').split('/');
  switch (screen) {
    case 'group':
    case 'user':
      return id ? { screen, id: decodeURIComponent(id) } : { screen: screen === 'group' ? 'groups' : 'users' };
    case 'campaign':
      return id ? { screen, id: decodeURIComponent(id) } : { screen: 'review' };
    case 'service':
    case 'groups':
    case 'accessible':
    case 'users':
    case 'admins':
    case 'review':
    case 'sessions':
    case 'audit':
    case 'settings':
      return { screen };
    default:
      return { screen: 'service' };
  }
}

interface NavigationState {
  route: Route;
  /** A navigation (or sign-out) waits for the user's answer: unsaved edits would be lost. */
  leavePending: boolean;
  /** Goes to the route, asking first when a form holds unsaved edits (see useUnsavedChanges). */
  navigate(route: Route): void;
  /** Anything else that takes the user away from a form (e.g. "Logg ut"), asked about the same way. */
  leave(action: () => void): void;
  confirmLeave(): void;
  cancelLeave(): void;
}

/** The one guard of unsaved edits every screen and form shares. */
const leaveGuard = new LeaveGuard();

function go(route: Route): void {
  const hash = routeToHash(route);
  if (location.hash !== hash) history.pushState(null, '', hash);
  useNavigationStore.setState({ route });
}

export const useNavigationStore = create<NavigationState>()(() => ({
  route: routeFromHash(location.hash),
  leavePending: false,
  navigate(route) {
    leaveGuard.attempt(() => go(route));
  },
  leave(action) {
    leaveGuard.attempt(action);
  },
  confirmLeave() {
    leaveGuard.confirm();
  },
  cancelLeave() {
    leaveGuard.cancel();
  },
}));

leaveGuard.subscribe(() => useNavigationStore.setState({ leavePending: leaveGuard.pending }));

window.addEventListener('popstate', () => {
  const route = routeFromHash(location.hash);
  if (!leaveGuard.holding) {
    useNavigationStore.setState({ route });
    return;
  }
  // Back/Forward already changed the address: put the form's address back until the user has answered.
  history.pushState(null, '', routeToHash(useNavigationStore.getState().route));
  leaveGuard.attempt(() => go(route));
});

/**
 * A form with edits not saved yet calls this with `true`: leaving its screen then asks first (the
 * app's LeaveGuardDialog). Released when the edits are saved or undone, or the form goes.
 */
export function useUnsavedChanges(unsaved: boolean): void {
  useEffect(() => (unsaved ? leaveGuard.hold() : undefined), [unsaved]);
}

export const selectRoute = (state: NavigationState): Route => state.route;
export const selectNavigate = (state: NavigationState): NavigationState['navigate'] => state.navigate;
export const selectLeavePending = (state: NavigationState): boolean => state.leavePending;
