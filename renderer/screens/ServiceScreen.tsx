import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RemoteSupportService } from '../../common/portal/portal-types';
import { CommandButton } from '../components/CommandButton';
import { ErrorMessage } from '../components/ErrorMessage';
import { formatDateTime } from '../components/relative-time';
import { selectService, selectServiceError, useServiceStore } from '../stores/service-store';

type TermsItem = RemoteSupportService['terms']['items'][number];

function TermsList({ items }: { items: TermsItem[] }) {
  return (
    <ul>
      {items.map((item) => (
        <li key={item.text}>
          {item.text}
          {item.items && item.items.length > 0 && <TermsList items={item.items} />}
        </li>
      ))}
    </ul>
  );
}

/** Tjenester → Fjernhjelp 2.0: the terms verbatim, acceptance, activation and its synchronising state. */
export function ServiceScreen() {
  const { t, i18n } = useTranslation();
  const service = useServiceStore(selectService);
  const error = useServiceStore(selectServiceError);
  const { load, activate, activating } = useServiceStore();
  const [accepted, setAccepted] = useState(false);
  const acceptId = useId();
  useEffect(() => {
    void load();
  }, [load]);

  if (service === undefined) return <p aria-busy="true">{t('common.loading')}</p>;
  const status = service?.status ?? 'inactive';
  return (
    <section className="screen" aria-labelledby="service-title">
      <h1 id="service-title">{t('service.title')}</h1>
      <p>{t('service.about')}</p>
      <p>
        {t('service.statusLabel')}:{' '}
        <strong data-testid="service-status" data-status={status}>
          {status === 'active' ? t('service.active') : status === 'activating' ? t('service.activatingStatus') : t('service.inactive')}
        </strong>
      </p>
      {error && <ErrorMessage error={error} />}

      {service && status === 'inactive' && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (accepted) void activate(service.terms.version);
          }}
        >
          <h2>{t('service.activationTitle')}</h2>
          <p>{t('service.termsIntro')}</p>
          <div className="terms" lang="nb" data-testid="terms">
            <TermsList items={service.terms.items} />
          </div>
          <p className="muted">{t('service.termsVersion', { version: service.terms.version })}</p>
          <div className="checkbox">
            <input id={acceptId} type="checkbox" checked={accepted} onChange={(event) => setAccepted(event.target.checked)} />
            <label htmlFor={acceptId}>{t('service.accept')}</label>
          </div>
          <CommandButton type="submit" disabled={!accepted || activating}>
            {t('service.activate')}
          </CommandButton>
        </form>
      )}

      {service && status === 'activating' && (
        <div className="notice" role="status">
          <p>{t('service.activated')}</p>
          {service.readyAt && <p data-testid="service-ready-at">{t('service.expectedReady', { when: formatDateTime(service.readyAt, i18n.language) })}</p>}
        </div>
      )}
      {service && status === 'active' && service.activatedAt && <p>{t('service.activeSince', { when: formatDateTime(service.activatedAt, i18n.language) })}</p>}
    </section>
  );
}
