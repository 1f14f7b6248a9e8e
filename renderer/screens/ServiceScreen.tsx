import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RemoteSupportService } from '../../common/portal/portal-types';
import { CommandButton } from '../components/CommandButton';
import { Disclosure } from '../components/Disclosure';
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

/** Where the guide sends users of the service; shown as text, because the app opens no links but the sign-in page. */
const REMOTE_SUPPORT_PORTAL = 'https://hjelp.nhn.no/';

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
      <p>{t('service.reachAt', { url: REMOTE_SUPPORT_PORTAL })}</p>
      <Disclosure label={t('service.readMore')} testId="service-read-more">
        <p>{t('service.readMoreWho')}</p>
        <p>{t('service.readMoreAccess')}</p>
        <p>{t('service.readMoreUsers')}</p>
      </Disclosure>
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
      {service && status !== 'inactive' && (
        // What was accepted stays readable: the administrator may need to show it, or check a machine against it.
        <Disclosure label={t('service.showTerms')} openLabel={t('service.hideTerms')} testId="accepted-terms">
          {service.activatedAt && service.acceptedTermsVersion && (
            <p>{t('service.termsAccepted', { version: service.acceptedTermsVersion, when: formatDateTime(service.activatedAt, i18n.language) })}</p>
          )}
          {service.acceptedTermsVersion !== service.terms.version && <p className="notice">{t('service.termsChanged', { version: service.terms.version })}</p>}
          <p>{t('service.termsIntro')}</p>
          <div className="terms" lang="nb">
            <TermsList items={service.terms.items} />
          </div>
        </Disclosure>
      )}
    </section>
  );
}
