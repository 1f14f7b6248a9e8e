import { AccessibleGroupsScreen } from './screens/AccessibleGroupsScreen';
import { AdminsScreen } from './screens/AdminsScreen';
import { AccessReviewScreen } from './screens/AccessReviewScreen';
import { AuditScreen } from './screens/AuditScreen';
import { RemoteSessionsScreen } from './screens/RemoteSessionsScreen';
import { ReviewCampaignScreen } from './screens/ReviewCampaignScreen';
import { GroupDetailScreen } from './screens/GroupDetailScreen';
import { GroupsScreen } from './screens/GroupsScreen';
import { ServiceScreen } from './screens/ServiceScreen';
import { SettingsScreen } from './screens/SettingsScreen';
import { UserDetailScreen } from './screens/UserDetailScreen';
import { UsersScreen } from './screens/UsersScreen';
import { selectRoute, useNavigationStore } from './stores/navigation-store';

/** The screen for the current route. */
export function Routes() {
  const route = useNavigationStore(selectRoute);
  switch (route.screen) {
    case 'groups':
      return <GroupsScreen />;
    case 'group':
      return <GroupDetailScreen key={route.id} id={route.id} />;
    case 'accessible':
      return <AccessibleGroupsScreen />;
    case 'users':
      return <UsersScreen />;
    case 'user':
      return <UserDetailScreen key={route.id} id={route.id} />;
    case 'admins':
      return <AdminsScreen />;
    case 'review':
      return <AccessReviewScreen />;
    case 'campaign':
      return <ReviewCampaignScreen key={route.id} id={route.id} />;
    case 'sessions':
      return <RemoteSessionsScreen />;
    case 'audit':
      return <AuditScreen />;
    case 'settings':
      return <SettingsScreen />;
    default:
      return <ServiceScreen />;
  }
}
