import { useTranslation } from 'react-i18next';
import type { User } from '../../../common/portal/portal-types';
import type { UserEditDraft } from '../../../common/users/user-form';

/**
 * A stale-version conflict (PRECONDITION_FAILED): someone saved the user after this form was opened.
 * Shows the admin's edits beside what is saved now, so they can reload or keep their edits knowingly.
 */
export function ConflictPanel({
  draft,
  current,
  reloading,
  onReload,
  onKeepMine,
}: {
  draft: UserEditDraft;
  /** The user as saved now, once the reload has brought a newer version; undefined until then. */
  current: User | undefined;
  reloading: boolean;
  onReload: () => void;
  onKeepMine: () => void;
}) {
  const { t } = useTranslation();
  const twoFactor = (value: User['twoFactor']) => (value === 'totp' ? t('users.fields.totp') : t('users.fields.yubikey'));
  const rows = current
    ? [
        { label: t('users.fields.email'), yours: draft.email, saved: current.email },
        { label: t('users.fields.mobile'), yours: draft.mobile, saved: current.mobile },
        { label: t('users.fields.twoFactor'), yours: twoFactor(draft.twoFactor), saved: twoFactor(current.twoFactor) },
      ]
    : [];
  return (
    <section role="alert" className="conflict-panel" aria-labelledby="conflict-title" data-testid="user-conflict">
      <h2 id="conflict-title">{t('users.conflict.title')}</h2>
      <p>{t('users.conflict.explanation')}</p>
      {current && (
        <table>
          <caption>{t('users.conflict.compareTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('users.conflict.field')}</th>
              <th scope="col">{t('users.conflict.yours')}</th>
              <th scope="col">{t('users.conflict.current')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.label} className={row.yours.trim() === row.saved ? undefined : 'differs'}>
                <th scope="row">{row.label}</th>
                <td>{row.yours}</td>
                <td>{row.saved}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="form-actions">
        <button type="button" onClick={onReload} disabled={reloading} aria-busy={reloading || undefined}>
          {reloading ? t('users.conflict.reloading') : t('users.conflict.reload')}
        </button>
        {current && (
          <button type="button" className="secondary" onClick={onKeepMine} aria-describedby="keep-mine-hint">
            {t('users.conflict.keepMine')}
          </button>
        )}
      </div>
      {current && (
        <p className="field-hint" id="keep-mine-hint">
          {t('users.conflict.keepMineHint')}
        </p>
      )}
    </section>
  );
}
