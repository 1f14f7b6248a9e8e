import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { engineStateOf } from '../../../common/engine/engine-object-state';
import type { EngineObjectStatus } from '../../../common/portal/portal-types';
import { selectIsSimulated, useEngineStore } from '../../stores/engine-store';

/** The state as plain text (a table column's text and sort value); empty when the portal sent none. */
export function engineStateText(t: TFunction, status: EngineObjectStatus | undefined): string {
  if (!status) return '';
  if (status.state === 'pending') return t('engine.object.pending');
  if (status.state === 'failed') return status.reason ? t('engine.object.failed', { reason: status.reason }) : t('engine.object.failedNoReason');
  return t('engine.object.active');
}

/**
 * A group's, grant's or user's state in the remote-support system: "Venter på fjernhjelpssystemet",
 * "Feilet: <reason>", or a quiet "I fjernhjelpssystemet". Nothing when the portal sent no state, nor when
 * no real system is driven (everything is "active" at once there; the simulated notice says what counts).
 */
export function EngineObjectState({ item, onlyTrouble = false }: { item: object; /** Lists: only pending and failed, not the quiet "active". */ onlyTrouble?: boolean }) {
  const { t } = useTranslation();
  const simulated = useEngineStore(selectIsSimulated);
  const status = engineStateOf(item);
  if (!status || simulated || (onlyTrouble && status.state === 'active')) return null;
  return (
    <span className={`engine-state engine-${status.state}`} data-testid="engine-state" data-state={status.state}>
      {status.state === 'pending' && <span className="spinner" aria-hidden="true" />}
      {engineStateText(t, status)}
    </span>
  );
}

/** The state as a fact of a detail screen ("Fjernhjelpssystem: Venter på …"), in a <dl>; nothing when there is none to show. */
export function EngineFact({ item }: { item: object }) {
  const { t } = useTranslation();
  const simulated = useEngineStore(selectIsSimulated);
  if (!engineStateOf(item) || simulated) return null;
  return (
    <>
      <dt>{t('engine.object.label')}</dt>
      <dd>
        <EngineObjectState item={item} />
      </dd>
    </>
  );
}
