import { create } from 'zustand';

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
    case 'audit':
    case 'settings':
      return { screen };
    default:
      return { screen: 'service' };
  }
}

interface NavigationState {
  route: Route;
  navigate(route: Route): void;
}

export const useNavigationStore = create<NavigationState>()((set) => ({
  route: routeFromHash(location.hash),
  navigate(route) {
    const hash = routeToHash(route);
    if (location.hash !== hash) history.pushState(null, '', hash);
    set({ route });
  },
}));

window.addEventListener('popstate', () => useNavigationStore.setState({ route: routeFromHash(location.hash) }));

export const selectRoute = (state: NavigationState): Route => state.route;
export const selectNavigate = (state: NavigationState): NavigationState['navigate'] => state.navigate;
