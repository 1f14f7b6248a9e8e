import { ServiceScreen } from './screens/ServiceScreen';
import { SettingsScreen } from './screens/SettingsScreen';
import { selectRoute, useNavigationStore } from './stores/navigation-store';

/** The screen for the current route. */
export function Routes() {
  const route = useNavigationStore(selectRoute);
  switch (route.screen) {
    case 'settings':
      return <SettingsScreen />;
    default:
      return <ServiceScreen />;
  }
}
