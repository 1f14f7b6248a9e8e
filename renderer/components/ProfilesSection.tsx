import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PortalErrorData } from '../../common/result';
import { selectNavigate, useNavigationStore } from '../stores/navigation-store';
import { selectProfiles, selectSessionStatus, useSessionStore } from '../stores/session-store';
import { ErrorMessage } from './ErrorMessage';
import { TryDemo } from './TryDemo';

const empty = { name: '', portalUrl: '', issuer: '', clientId: 'fjernhjelp-admin' };

/** The portals the app can sign in to: the ones the admin added, then the built-in demo portal while it runs (or "Prøv demo"). */
export function ProfilesSection() {
  const { t } = useTranslation();
  const profiles = useSessionStore(selectProfiles);
  const status = useSessionStore(selectSessionStatus);
  const { saveProfile, selectProfile } = useSessionStore();
  const navigate = useNavigationStore(selectNavigate);
  const [form, setForm] = useState(empty);
  const [error, setError] = useState<PortalErrorData | undefined>();
  const ids = { name: useId(), portalUrl: useId(), issuer: useId(), clientId: useId() };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const refused = await saveProfile(form);
    setError(refused);
    if (!refused) setForm(empty);
  };
  // A newly chosen portal is not signed in: go on to its sign-in (Settings has no way back while signed out).
  const use = async (id: string) => {
    if (await selectProfile(id)) navigate({ screen: 'service' });
  };
  const field = (key: keyof typeof empty, label: string, hint?: string) => (
    <div className="field">
      <label htmlFor={ids[key]}>{label}</label>
      <input id={ids[key]} value={form[key]} onChange={(event) => setForm({ ...form, [key]: event.target.value })} required />
      {hint && <span className="field-hint">{hint}</span>}
    </div>
  );

  return (
    <>
      <h2>{t('settings.profiles')}</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('settings.profileName')}</th>
            <th scope="col">{t('settings.portalUrl')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('settings.profileActive')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {profiles.map((profile) => (
            <tr key={profile.id}>
              <td>{profile.demo ? t('session.demoProfile') : profile.name}</td>
              <td>
                <code>{profile.portalUrl}</code>
              </td>
              <td>
                {status?.profile?.id === profile.id ? (
                  <strong>{t('settings.profileActive')}</strong>
                ) : (
                  <button type="button" className="secondary" onClick={() => void use(profile.id)} disabled={status?.state === 'signing-in'}>
                    {t('settings.useProfile')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form onSubmit={(event) => void submit(event)} aria-labelledby="add-profile-title">
        <h3 id="add-profile-title">{t('settings.addProfile')}</h3>
        {field('name', t('settings.profileName'))}
        {field('portalUrl', t('settings.portalUrl'), t('settings.httpsHint'))}
        {field('issuer', t('settings.issuer'))}
        {field('clientId', t('settings.clientId'))}
        {error && <ErrorMessage error={error} />}
        <button type="submit">{t('settings.addProfile')}</button>
      </form>
      <TryDemo />
    </>
  );
}
