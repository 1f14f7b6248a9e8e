import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EngineFinding, MachineGroup } from '../../../common/portal/portal-types';
import {
  selectEngineStatus,
  selectFindingRemoveError,
  selectFindingRemoving,
  selectFindings,
  selectFindingsLoadError,
  useEngineStore,
} from '../../stores/engine-store';
import { CommandButton } from '../CommandButton';
import { ConfirmDialog } from '../ConfirmDialog';
import { ErrorMessage } from '../ErrorMessage';
import { formatDateTime } from '../relative-time';
import { DataTable } from '../table/DataTable';

/**
 * "Tilgang utenom portalen": access to the organisation's groups that exists in the remote-support system but
 * was not given through the portal (drift, reported by the portal, never removed silently). "Fjern tilgangen"
 * asks first and removes it in the system at once, online only.
 */
export function EngineFindingsSection({ groups }: { groups: readonly MachineGroup[] }) {
  const { t, i18n } = useTranslation();
  const findings = useEngineStore(selectFindings);
  const loadError = useEngineStore(selectFindingsLoadError);
  const removeError = useEngineStore(selectFindingRemoveError);
  const simulated = useEngineStore(selectEngineStatus)?.status.simulated === true;
  const load = useEngineStore((state) => state.loadFindings);
  const removeFinding = useEngineStore((state) => state.removeFinding);
  const clearRemoveError = useEngineStore((state) => state.clearRemoveError);
  const [confirming, setConfirming] = useState<EngineFinding | undefined>();
  const [notice, setNotice] = useState('');
  // The "Fjern tilgangen" that opened the dialog: focus goes back there when the admin cancels.
  const trigger = useRef<HTMLElement | null>(null);
  useEffect(() => {
    void load();
  }, [load]);
  useEffect(() => () => clearRemoveError(), [clearRemoveError]);

  const groupName = (finding: EngineFinding) => groups.find((group) => group.id === finding.groupId)?.fullName ?? t('engine.findings.unknownGroup');
  const who = (finding: EngineFinding) =>
    finding.subjectKind === 'user' ? t('engine.findings.user', { name: finding.subjectName }) : t('engine.findings.userGroup', { name: finding.subjectName });
  const accessText = (finding: EngineFinding) => (finding.consentRequired ? t('review.withApproval') : t('review.withoutApproval'));
  const confirm = async (finding: EngineFinding) => {
    setConfirming(undefined);
    // Its row goes when it is removed; on failure the button is still there to return to.
    const removed = await removeFinding(finding.id);
    if (removed) setNotice(t('engine.findings.removed', { who: who(finding), group: groupName(finding) }));
    else if (trigger.current?.isConnected) trigger.current.focus();
  };

  return (
    <section aria-labelledby="findings-title" data-testid="findings-section">
      <h2 id="findings-title">{t('engine.findings.title')}</h2>
      <p>{t('engine.findings.about')}</p>
      {loadError && <ErrorMessage error={loadError} />}
      <div role="status">
        {notice && (
          <p className="notice success" data-testid="finding-removed">
            {notice}
          </p>
        )}
      </div>
      {removeError && <ErrorMessage error={removeError} />}
      {findings === undefined ? (
        <p aria-busy="true">{t('common.loading')}</p>
      ) : findings.length === 0 ? (
        <p className="muted" data-testid="no-findings">
          {simulated ? t('engine.findings.emptySimulated') : t('engine.findings.empty')}
        </p>
      ) : (
        <DataTable
          label={t('engine.findings.tableLabel')}
          rows={findings}
          rowKey={(finding) => finding.id}
          sortedBy={{ column: 'foundAt', direction: 'descending' }}
          rowTestId="finding-row"
          columns={[
            { id: 'group', header: t('engine.findings.group'), fit: 'cut', text: groupName, sort: { kind: 'text', value: groupName } },
            { id: 'who', header: t('engine.findings.who'), rowHeader: true, text: who, sort: { kind: 'text', value: who } },
            { id: 'access', header: t('engine.findings.access'), text: accessText, sort: { kind: 'text', value: accessText } },
            {
              id: 'foundAt',
              header: t('engine.findings.foundAt'),
              text: (finding) => formatDateTime(finding.foundAt, i18n.language),
              sort: { kind: 'time', value: (finding) => finding.foundAt },
            },
            {
              id: 'actions',
              header: t('groups.detail.actions'),
              headerHidden: true,
              fit: 'whole',
              render: (finding) => (
                <RemoveFindingButton
                  finding={finding}
                  label={t('engine.findings.removeLabel', { who: who(finding), group: groupName(finding) })}
                  onRemove={() => {
                    trigger.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
                    setNotice('');
                    clearRemoveError();
                    setConfirming(finding);
                  }}
                />
              ),
            },
          ]}
        />
      )}
      {confirming && (
        <ConfirmDialog
          title={t('engine.findings.removeTitle')}
          confirmLabel={t('engine.findings.remove')}
          onCancel={() => setConfirming(undefined)}
          onConfirm={() => void confirm(confirming)}
        >
          <p>{t('engine.findings.removeBody', { who: who(confirming), group: groupName(confirming) })}</p>
        </ConfirmDialog>
      )}
    </section>
  );
}

function RemoveFindingButton({ finding, label, onRemove }: { finding: EngineFinding; label: string; onRemove: () => void }) {
  const { t } = useTranslation();
  const busy = useEngineStore(selectFindingRemoving(finding.id));
  return (
    <CommandButton className="secondary" disabled={busy} aria-label={label} onClick={onRemove}>
      {t('engine.findings.remove')}
    </CommandButton>
  );
}
