import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { restoreFocusAfterDialog } from './dialog-focus';

/**
 * A modal confirmation (native <dialog>: focus trapped, Esc cancels) for commands that remove, replace
 * or hand over something. It opens with focus on the safe choice, "Avbryt": Enter or Space right away
 * cancels, and carrying the command out takes a deliberate move to its button. When it closes, focus goes
 * back to where it was (the button that opened it) unless the screen moved it on.
 */
export function ConfirmDialog({
  title,
  children,
  confirmLabel,
  onConfirm,
  onCancel,
  tone = 'danger',
}: {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  /** 'danger' (red) for what removes or locks out; 'primary' for what gives something (e.g. admin rights). */
  tone?: 'danger' | 'primary';
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const bodyId = useId();
  useEffect(() => {
    const dialog = ref.current;
    const opener = document.activeElement;
    // showModal() focuses the dialog's first focusable element, which is the confirm button; React's
    // autoFocus is applied before that and lost, so the safe choice is focused here, after it.
    if (dialog && !dialog.open) dialog.showModal();
    cancelRef.current?.focus();
    return () => restoreFocusAfterDialog(opener, dialog);
  }, []);
  return (
    <dialog ref={ref} className="confirm-dialog" aria-labelledby={titleId} aria-describedby={bodyId} onCancel={onCancel} data-testid="confirm-dialog">
      <h2 id={titleId}>{title}</h2>
      <div id={bodyId}>{children}</div>
      <div className="dialog-actions">
        <button type="button" className={tone === 'danger' ? 'danger' : undefined} onClick={onConfirm} data-dialog-confirm>
          {confirmLabel}
        </button>
        <button ref={cancelRef} type="button" className="secondary" onClick={onCancel} data-dialog-cancel>
          {t('common.cancel')}
        </button>
      </div>
    </dialog>
  );
}
