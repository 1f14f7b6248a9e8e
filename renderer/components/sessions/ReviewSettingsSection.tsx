import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldIssue, PortalErrorData } from '../../../common/result';
import {
  checkReviewSettingsDraft,
  REMINDER_DAYS_MAX,
  RECOMMENDATION_DAYS_MAX,
  reviewSettingsDraft,
  reviewSettingsFieldOrder,
  WEEKDAYS,
  type ReviewSettingsDraft,
  type ReviewSettingsField,
} from '../../../common/review/review-settings';
import { WEEKDAY_KEYS } from '../../../common/sessions/session-words';
import { firstFieldWithIssue, issueOfField } from '../../../common/validation/field-issues';
import { useUnsavedChanges } from '../../stores/navigation-store';
import { selectReviewSettings, selectReviewSettingsError, useReviewSettingsStore } from '../../stores/review-settings-store';
import { selectSessionState, useSessionStore } from '../../stores/session-store';
import { ErrorMessage } from '../ErrorMessage';
import { issueText } from '../field-errors';
import { TextField } from '../TextField';

const SCOPES = ['sessions.settings'];

/**
 * Settings → "Arbeidstid og tilgangsgjennomganger": the organisation's working hours (Oslo time), the days
 * of use the access review's recommendations look at, and how long before a campaign's due date its
 * reminder comes. Per portal, kept in its cache, so only while signed in to one.
 */
export function ReviewSettingsSection() {
  const { t } = useTranslation();
  const state = useSessionStore(selectSessionState);
  const settings = useReviewSettingsStore(selectReviewSettings);
  const loadError = useReviewSettingsStore(selectReviewSettingsError);
  const { load, save } = useReviewSettingsStore();
  const signedIn = state === 'signed-in';
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (signedIn) void load();
  }, [signedIn, load]);

  return (
    <section aria-labelledby="review-settings-title" data-testid="review-settings">
      <h2 id="review-settings-title">{t('sessions.settings.title')}</h2>
      {!signedIn ? (
        <p className="muted">{t('sessions.settings.signedOut')}</p>
      ) : loadError ? (
        <ErrorMessage error={loadError} />
      ) : settings === undefined ? (
        <p aria-busy="true">{t('common.loading')}</p>
      ) : (
        // Keyed on what is stored: saved (here or by a sync of another window) starts the form anew from it.
        <SettingsForm key={JSON.stringify(settings)} initial={reviewSettingsDraft(settings)} save={save} onChanged={setSaved} />
      )}
      <div role="status">{saved && <p className="notice user-success">{t('sessions.settings.saved')}</p>}</div>
    </section>
  );
}

function SettingsForm({
  initial,
  save,
  onChanged,
}: {
  initial: ReviewSettingsDraft;
  save: ReturnType<typeof useReviewSettingsStore.getState>['save'];
  /** true once saved; false again at the next edit. */
  onChanged: (saved: boolean) => void;
}) {
  const { t } = useTranslation();
  const formId = useId();
  const fieldId = (field: ReviewSettingsField) => `${formId}-${field}`;
  const [draft, setDraft] = useState(initial);
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const [error, setError] = useState<PortalErrorData | undefined>();
  const [busy, setBusy] = useState(false);
  const dirty = JSON.stringify(draft) !== JSON.stringify(initial);
  useUnsavedChanges(dirty);
  const labels: Record<ReviewSettingsField, string> = {
    workdayStart: t('sessions.settings.workdayStart'),
    workdayEnd: t('sessions.settings.workdayEnd'),
    workdays: t('sessions.settings.workdays'),
    recommendationDays: t('sessions.settings.recommendationDays'),
    reminderDays: t('sessions.settings.reminderDays'),
  };
  const errorOf = (field: ReviewSettingsField) => {
    const issue = issueOfField(issues, field);
    return issue ? { text: issueText(t, issue, labels[field], SCOPES), code: issue.code } : undefined;
  };

  const refuse = (found: readonly FieldIssue[]) => {
    setIssues([...found]);
    const first = firstFieldWithIssue(found, reviewSettingsFieldOrder);
    if (first) document.getElementById(first === 'workdays' ? `${fieldId('workdays')}-1` : fieldId(first))?.focus();
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    onChanged(false);
    const checked = checkReviewSettingsDraft(draft);
    if (!checked.input) return refuse(checked.issues);
    setBusy(true);
    const refused = await save(checked.input);
    setBusy(false);
    if (refused) {
      setError(refused);
      return refuse(refused.fields ?? []);
    }
    setIssues([]);
    onChanged(true);
  };
  // The new value is not what was refused: its error goes until the next save.
  const change = (field: ReviewSettingsField, value: Partial<ReviewSettingsDraft>) => {
    setDraft((current) => ({ ...current, ...value }));
    setIssues((current) => current.filter((issue) => issueOfField([issue], field) === undefined));
    onChanged(false);
  };
  const text = (field: Exclude<ReviewSettingsField, 'workdays'>, options: { hint: string; maxLength: number; inputMode: 'numeric' | 'text' }) => {
    const found = errorOf(field);
    return (
      <TextField
        id={fieldId(field)}
        label={labels[field]}
        value={draft[field]}
        onChange={(value) => change(field, { [field]: value })}
        error={found?.text}
        errorCode={found?.code}
        hint={options.hint}
        maxLength={options.maxLength}
        inputMode={options.inputMode}
        autoComplete="off"
        spellCheck={false}
      />
    );
  };
  const daysError = errorOf('workdays');
  const daysErrorId = `${fieldId('workdays')}-error`;

  return (
    <form onSubmit={(event) => void submit(event)} aria-labelledby="review-settings-title" noValidate data-testid="review-settings-form">
      <p>{t('sessions.settings.intro')}</p>
      <p className="muted">{t('sessions.timeZone')}</p>
      <div className="filter-row">
        {text('workdayStart', { hint: t('sessions.settings.timeHint'), maxLength: 5, inputMode: 'text' })}
        {text('workdayEnd', { hint: t('sessions.settings.timeHint'), maxLength: 5, inputMode: 'text' })}
      </div>
      <fieldset className="weekday-choice" aria-describedby={daysError ? daysErrorId : undefined} data-testid="workdays">
        <legend>{labels.workdays}</legend>
        {WEEKDAYS.map((day) => (
          <label key={day}>
            <input
              type="checkbox"
              id={`${fieldId('workdays')}-${day}`}
              checked={draft.workdays.includes(day)}
              onChange={(event) =>
                change('workdays', { workdays: event.target.checked ? [...draft.workdays, day].sort((a, b) => a - b) : draft.workdays.filter((other) => other !== day) })
              }
            />
            {t(`sessions.words.weekdays.${WEEKDAY_KEYS[day - 1]!}`)}
          </label>
        ))}
      </fieldset>
      {daysError && (
        <span id={daysErrorId} className="field-error" data-error-code={daysError.code}>
          {daysError.text}
        </span>
      )}
      {text('recommendationDays', { hint: t('sessions.settings.recommendationHint'), maxLength: String(RECOMMENDATION_DAYS_MAX).length + 2, inputMode: 'numeric' })}
      {text('reminderDays', { hint: t('sessions.settings.reminderHint'), maxLength: String(REMINDER_DAYS_MAX).length + 2, inputMode: 'numeric' })}
      {error && <ErrorMessage error={error} placed={reviewSettingsFieldOrder} labels={labels} scopes={SCOPES} />}
      {!error && issues.length > 0 && (
        <p role="alert" className="error-message">
          {t('errors.INVALID_INPUT')}
        </p>
      )}
      <button type="submit" disabled={busy} aria-busy={busy || undefined}>
        {t('sessions.settings.save')}
      </button>
    </form>
  );
}
