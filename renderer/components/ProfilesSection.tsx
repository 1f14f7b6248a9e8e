import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldIssue, PortalErrorData } from '../../common/result';
import { firstFieldWithIssue, issueOfField } from '../../common/validation/field-issues';
import { checkProfileDraft, DEFAULT_CLIENT_ID, MAX_PORTAL_URL_LENGTH, MAX_PROFILE_NAME_LENGTH, profileFieldOrder, type ProfileDraft, type ProfileField } from '../../common/validation/portal-profile';
import { selectNavigate, useNavigationStore } from '../stores/navigation-store';
import { selectProfiles, selectSessionStatus, useSessionStore } from '../stores/session-store';
import { ErrorMessage } from './ErrorMessage';
import { DataTable } from './table/DataTable';
import { issueText } from './field-errors';
import { TextField } from './TextField';
import { TryDemo } from './TryDemo';

const empty: ProfileDraft = { name: '', portalUrl: '', issuer: '', clientId: DEFAULT_CLIENT_ID };

/** The portals the app can sign in to: the ones the admin added, then the built-in demo portal while it runs (or "Prøv demo"). */
export function ProfilesSection() {
  const { t } = useTranslation();
  const profiles = useSessionStore(selectProfiles);
  const status = useSessionStore(selectSessionStatus);
  const { saveProfile, selectProfile } = useSessionStore();
  const navigate = useNavigationStore(selectNavigate);
  const [form, setForm] = useState(empty);
  // The form's own check and main's answer, as the same field issues: each is shown at its field.
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const [error, setError] = useState<PortalErrorData | undefined>();
  const [saved, setSaved] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const formId = useId();
  const fieldId = (field: ProfileField) => `${formId}-${field}`;
  const labels: Record<ProfileField, string> = {
    name: t('settings.profileName'),
    portalUrl: t('settings.portalUrl'),
    issuer: t('settings.issuer'),
    clientId: t('settings.clientId'),
  };

  const refuse = (found: readonly FieldIssue[]) => {
    setIssues([...found]);
    const first = firstFieldWithIssue(found, profileFieldOrder);
    if (first) document.getElementById(fieldId(first))?.focus();
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    setSaved(undefined);
    const checked = checkProfileDraft(form);
    if (!checked.profile) return refuse(checked.issues);
    setBusy(true);
    const refused = await saveProfile(form);
    setBusy(false);
    if (refused) {
      setError(refused);
      return refuse(refused.fields ?? []);
    }
    setIssues([]);
    setSaved(checked.profile.name);
    setForm(empty);
  };
  // The new value is not what was refused: its error goes until the next submit.
  const change = (field: ProfileField, value: string) => {
    setForm((current) => ({ ...current, [field]: value }));
    setIssues((current) => current.filter((issue) => issueOfField([issue], field) === undefined));
  };
  // A newly chosen portal is not signed in: go on to its sign-in (Settings has no way back while signed out).
  const use = async (id: string) => {
    if (await selectProfile(id)) navigate({ screen: 'service' });
  };
  const field = (key: ProfileField, options: { hint?: string; maxLength: number; type?: 'url' }) => {
    const issue = issueOfField(issues, key);
    return (
      <TextField
        id={fieldId(key)}
        label={labels[key]}
        value={form[key]}
        onChange={(value) => change(key, value)}
        error={issue ? issueText(t, issue, labels[key], ['settings']) : undefined}
        errorCode={issue?.code}
        hint={options.hint}
        maxLength={options.maxLength}
        autoComplete="off"
        spellCheck={false}
        {...(options.type ? { type: options.type } : {})}
      />
    );
  };

  return (
    <>
      <h2>{t('settings.profiles')}</h2>
      <DataTable
        label={t('settings.profiles')}
        rows={profiles}
        rowKey={(profile) => profile.id}
        columns={[
          {
            id: 'name',
            header: t('settings.profileName'),
            text: (profile) => (profile.demo ? t('session.demoProfile') : profile.name),
            sort: { kind: 'text', value: (profile) => (profile.demo ? t('session.demoProfile') : profile.name) },
          },
          {
            id: 'portalUrl',
            header: t('settings.portalUrl'),
            text: (profile) => profile.portalUrl,
            sort: { kind: 'text', value: (profile) => profile.portalUrl },
            fit: 'cut',
            render: (profile) => <code>{profile.portalUrl}</code>,
          },
          {
            id: 'use',
            header: t('settings.profileActive'),
            headerHidden: true,
            fit: 'whole',
            render: (profile) =>
              status?.profile?.id === profile.id ? (
                <strong>{t('settings.profileActive')}</strong>
              ) : (
                <button type="button" className="secondary" onClick={() => void use(profile.id)} disabled={status?.state === 'signing-in'}>
                  {t('settings.useProfile')}
                </button>
              ),
          },
        ]}
      />
      {/* noValidate: the app says what is wrong at each field, in the app's language, not the browser's bubble. */}
      <form onSubmit={(event) => void submit(event)} aria-labelledby="add-profile-title" noValidate data-testid="add-profile-form">
        <h3 id="add-profile-title">{t('settings.addProfile')}</h3>
        {field('name', { maxLength: MAX_PROFILE_NAME_LENGTH * 2 })}
        {field('portalUrl', { hint: t('settings.httpsHint'), maxLength: MAX_PORTAL_URL_LENGTH * 2, type: 'url' })}
        {field('issuer', { hint: t('settings.httpsHint'), maxLength: MAX_PORTAL_URL_LENGTH * 2, type: 'url' })}
        {field('clientId', { hint: t('settings.clientIdHint'), maxLength: 400 })}
        {error && <ErrorMessage error={error} placed={profileFieldOrder} labels={labels} scopes={['settings']} />}
        {!error && issues.length > 0 && (
          <p role="alert" className="error-message">
            {t('errors.INVALID_INPUT')}
          </p>
        )}
        <button type="submit" disabled={busy} aria-busy={busy || undefined}>
          {t('settings.addProfile')}
        </button>
        <div role="status">{saved && <p className="notice user-success">{t('settings.profileSaved', { name: saved })}</p>}</div>
      </form>
      <TryDemo />
    </>
  );
}
