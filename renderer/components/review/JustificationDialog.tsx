import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { checkJustification } from '../../../common/review/review-rules';
import { issueText } from '../field-errors';

/** Keeping access without approval (for one grant or several): the reviewer must say why before the decision is saved. */
export function JustificationDialog({
  intro,
  initial,
  portalMessage,
  onSave,
  onCancel,
}: {
  /** Which access this is about, in words. */
  intro: string;
  initial: string;
  /** Main's answer if it refused the text anyway. */
  portalMessage: string | undefined;
  onSave: (justification: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const ids = { title: useId(), intro: useId(), field: useId(), error: useId() };
  const [text, setText] = useState(initial);
  const [touched, setTouched] = useState(false);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  const check = checkJustification(text, 'without_approval', 'keep');
  const message = touched && !check.ok ? issueText(t, check, t('campaigns.justification')) : portalMessage;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (check.ok) onSave(text);
  };
  return (
    <dialog ref={ref} className="confirm-dialog" aria-labelledby={ids.title} aria-describedby={ids.intro} onCancel={onCancel}>
      <form onSubmit={submit} noValidate>
        <h2 id={ids.title}>{t('campaigns.justifyTitle')}</h2>
        <p id={ids.intro}>{intro}</p>
        <div className="field">
          <label htmlFor={ids.field}>
            {t('campaigns.justification')} <span className="muted">{t('campaigns.justificationRequired')}</span>
          </label>
          <textarea
            id={ids.field}
            rows={4}
            value={text}
            autoFocus
            required
            aria-invalid={message ? true : undefined}
            aria-describedby={message ? ids.error : undefined}
            onChange={(event) => setText(event.target.value)}
          />
          {message && (
            <p id={ids.error} className="field-error">
              {message}
            </p>
          )}
        </div>
        <div className="dialog-actions">
          <button type="submit">{t('campaigns.saveDecision')}</button>
          <button type="button" className="secondary" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
