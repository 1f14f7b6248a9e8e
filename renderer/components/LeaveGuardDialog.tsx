import { useTranslation } from 'react-i18next';
import { selectLeavePending, useNavigationStore } from '../stores/navigation-store';
import { ConfirmDialog } from './ConfirmDialog';

/** Asked when leaving a form with unsaved edits (useUnsavedChanges): "Avbryt" (focused) stays and keeps them. */
export function LeaveGuardDialog() {
  const { t } = useTranslation();
  const pending = useNavigationStore(selectLeavePending);
  const confirmLeave = useNavigationStore((state) => state.confirmLeave);
  const cancelLeave = useNavigationStore((state) => state.cancelLeave);
  if (!pending) return null;
  return (
    <ConfirmDialog title={t('unsaved.title')} confirmLabel={t('unsaved.leave')} onConfirm={confirmLeave} onCancel={cancelLeave}>
      <p>{t('unsaved.body')}</p>
    </ConfirmDialog>
  );
}
