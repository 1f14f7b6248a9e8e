import { useTranslation } from 'react-i18next';
import { selectNavigate, selectRoute, useNavigationStore, type Route } from '../stores/navigation-store';

const items: Array<{ screen: Route['screen']; active: Array<Route['screen']>; label: 'nav.service' | 'nav.groups' | 'nav.accessible' | 'nav.users' | 'nav.admins' | 'nav.review' | 'nav.sessions' | 'nav.audit' | 'nav.settings' }> = [
  { screen: 'service', active: ['service'], label: 'nav.service' },
  { screen: 'groups', active: ['groups', 'group'], label: 'nav.groups' },
  { screen: 'accessible', active: ['accessible'], label: 'nav.accessible' },
  { screen: 'users', active: ['users', 'user'], label: 'nav.users' },
  { screen: 'admins', active: ['admins'], label: 'nav.admins' },
  { screen: 'review', active: ['review', 'campaign'], label: 'nav.review' },
  { screen: 'sessions', active: ['sessions'], label: 'nav.sessions' },
  { screen: 'audit', active: ['audit'], label: 'nav.audit' },
  { screen: 'settings', active: ['settings'], label: 'nav.settings' },
];

export function MainNav() {
  const { t } = useTranslation();
  const route = useNavigationStore(selectRoute);
  const navigate = useNavigationStore(selectNavigate);
  return (
    <nav className="app-nav" aria-label={t('app.mainNavigation')}>
      <ul>
        {items.map((item) => (
          <li key={item.screen}>
            <a
              href={`#/${item.screen}`}
              data-label={t(item.label)}
              aria-current={item.active.includes(route.screen) ? 'page' : undefined}
              onClick={(event) => {
                event.preventDefault();
                navigate({ screen: item.screen } as Route);
              }}
            >
              {t(item.label)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
