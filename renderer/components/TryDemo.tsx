import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PortalErrorData } from '../../common/result';
import { selectIsDemoRunning, useAppStore } from '../stores/app-store';
import { selectNavigate, useNavigationStore } from '../stores/navigation-store';
import { selectSessionState, useSessionStore } from '../stores/session-store';
import { ErrorMessage } from './ErrorMessage';

/**
 * "Prøv demo": main starts its built-in test portal on this machine and opens the demo profile. Shown
 * only while the demo portal is not running; once it runs, the demo is one of the listed portals.
 */
export function TryDemo() {
  const { t } = useTranslation();
  const running = useAppStore(selectIsDemoRunning);
  const sessionState = useSessionStore(selectSessionState);
  const startDemo = useSessionStore((state) => state.startDemo);
  const navigate = useNavigationStore(selectNavigate);
  const [starting, setStarting] = useState(false);
  const [error, setError] = useState<PortalErrorData | undefined>();
  if (running) return null;

  const start = async () => {
    setStarting(true);
    setError(undefined);
    const refused = await startDemo();
    setStarting(false);
    setError(refused);
    // From Settings, go on to the demo's sign-in.
    if (!refused) navigate({ screen: 'service' });
  };

  return (
    <section className="try-demo" aria-labelledby="try-demo-title" data-testid="try-demo">
      <h2 id="try-demo-title">{t('session.tryDemoTitle')}</h2>
      <p>{t('session.tryDemoExplanation')}</p>
      {error && <ErrorMessage error={error} />}
      <button type="button" onClick={() => void start()} disabled={starting || sessionState === 'signing-in'} aria-busy={starting}>
        {starting ? t('session.startingDemo') : t('session.tryDemo')}
      </button>
    </section>
  );
}
