import { useTranslation } from 'react-i18next';
import { selectIsSimulated, useEngineStore } from '../../stores/engine-store';

/** Beside what shows access: with no real remote-support system behind the portal, the access is only simulated. */
export function SimulatedNotice() {
  const { t } = useTranslation();
  const simulated = useEngineStore(selectIsSimulated);
  if (!simulated) return null;
  return (
    <p className="simulated-notice" data-testid="engine-simulated-notice">
      <strong>{t('engine.simulated')}</strong> {t('engine.simulatedAbout')}
    </p>
  );
}
