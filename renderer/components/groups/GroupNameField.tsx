import { useId, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { NewGroupNameDraft } from '../../../common/groups/new-group-name';

/**
 * A machine group's name as "Ny maskingruppe" and "Gi nytt navn" ask for it: the full name vendors will
 * see, the character budget, the allowed characters as help text, and the reason it is refused, all tied
 * to the input for screen readers.
 */
export function GroupNameField({
  label,
  value,
  onChange,
  draft,
  error,
  errorCode,
  inputRef,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  draft: NewGroupNameDraft;
  /** Already translated; empty while there is nothing to say. */
  error: string | undefined;
  errorCode: string | undefined;
  inputRef: Ref<HTMLInputElement>;
}) {
  const { t } = useTranslation();
  const ids = { input: useId(), preview: useId(), budget: useId(), rule: useId(), error: useId() };
  return (
    <div className="field">
      <label htmlFor={ids.input}>{label}</label>
      <input
        ref={inputRef}
        id={ids.input}
        value={value}
        autoComplete="off"
        spellCheck={false}
        aria-invalid={errorCode ? true : undefined}
        aria-describedby={[ids.preview, ids.budget, ids.rule, errorCode ? ids.error : ''].join(' ').trim()}
        onChange={(event) => onChange(event.target.value)}
      />
      <span id={ids.preview} className="name-preview" data-testid="group-name-preview">
        {t('groups.create.preview', { fullName: draft.fullName })}
      </span>
      <span id={ids.budget} className={draft.used > draft.max ? 'name-budget over' : 'name-budget'} data-testid="group-name-budget">
        {t('groups.create.budget', { used: draft.used, max: draft.max })}
      </span>
      <p id={ids.rule} className="field-hint" data-testid="group-name-rule">
        {t('groups.create.rule')}
      </p>
      {/* Always in the DOM, so screen readers announce an error as it appears while typing. */}
      <span id={ids.error} className="field-error" aria-live="polite" data-testid="group-name-error" data-error-code={errorCode}>
        {error}
      </span>
    </div>
  );
}
