import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { checkDueDate, checkReviewName, localDay } from '../../../common/review/review-rules';
import type { ReviewCampaign } from '../../../common/review/review-campaign';
import { fieldError, issueText } from '../field-errors';
import { DateField } from '../DateField';
import { ErrorMessage } from '../ErrorMessage';
import { useInlineForm } from '../use-inline-form';
import { selectStartError, useCampaignStore } from '../../stores/campaign-store';

/** "Start en gjennomgang": a name and a due date, checked by the same rules main applies. Works offline. */
export function NewCampaignForm({ grantCount, onStarted, onCancel }: { grantCount: number; onStarted: (campaign: ReviewCampaign) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const start = useCampaignStore((state) => state.start);
  const clearStartError = useCampaignStore((state) => state.clearStartError);
  const startError = useCampaignStore(selectStartError);
  const [today] = useState(() => localDay(new Date()));
  const [name, setName] = useState('');
  const [dueDate, setDueDate] = useState('');
  const [touched, setTouched] = useState(false);
  const ids = { title: useId(), name: useId(), nameError: useId(), due: useId(), dueError: useId() };
  const inline = useInlineForm(onCancel, 'new-campaign');
  useEffect(() => () => clearStartError(), [clearStartError]);

  const nameCheck = checkReviewName(name);
  const dueCheck = checkDueDate(dueDate, today);
  const labels = { name: t('campaigns.name'), dueDate: t('campaigns.dueDate') };
  const nameMessage = touched && !nameCheck.ok ? issueText(t, nameCheck, labels.name) : fieldError(t, startError, 'name', labels.name);
  const dueMessage = touched && !dueCheck.ok ? issueText(t, dueCheck, labels.dueDate) : fieldError(t, startError, 'dueDate', labels.dueDate);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (!nameCheck.ok || !dueCheck.ok) return;
    const campaign = await start(nameCheck.value, dueCheck.value);
    if (campaign) onStarted(campaign);
  };

  return (
    <form {...inline} className="group-form" aria-labelledby={ids.title} onSubmit={(event) => void submit(event)} noValidate>
      <h3 id={ids.title}>{t('campaigns.startTitle')}</h3>
      <p className="muted">{t('campaigns.startIntro', { count: grantCount })}</p>
      <div className="field">
        <label htmlFor={ids.name}>{t('campaigns.name')}</label>
        <input
          id={ids.name}
          value={name}
          placeholder={t('campaigns.namePlaceholder')}
          autoComplete="off"
          aria-invalid={nameMessage ? true : undefined}
          aria-describedby={nameMessage ? ids.nameError : undefined}
          onChange={(event) => setName(event.target.value)}
        />
        {nameMessage && (
          <p id={ids.nameError} className="field-error">
            {nameMessage}
          </p>
        )}
      </div>
      <div className="field">
        <label htmlFor={ids.due}>{t('campaigns.dueDate')}</label>
        <DateField id={ids.due} value={dueDate} invalid={Boolean(dueMessage)} describedBy={dueMessage ? ids.dueError : undefined} onChange={setDueDate} />
        {dueMessage && (
          <p id={ids.dueError} className="field-error">
            {dueMessage}
          </p>
        )}
      </div>
      {startError && <ErrorMessage error={startError} placed={['name', 'dueDate']} labels={labels} />}
      <div className="form-actions">
        <button type="submit">{t('campaigns.startSubmit')}</button>
        <button type="button" className="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
