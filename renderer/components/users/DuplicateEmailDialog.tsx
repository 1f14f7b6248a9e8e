import { useTranslation } from 'react-i18next';
import type { User } from '../../../common/portal/portal-types';
import { ConfirmDialog } from '../ConfirmDialog';

/** "Ny bruker" with an e-mail address other users already have: who has it, then go on or cancel. */
export function DuplicateEmailDialog({ email, users, onConfirm, onCancel }: { email: string; users: readonly User[]; onConfirm: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  return (
    <ConfirmDialog title={t('users.create.duplicateEmailTitle')} confirmLabel={t('users.create.duplicateEmailConfirm')} onConfirm={onConfirm} onCancel={onCancel}>
      <p>{t('users.create.duplicateEmailBody', { email })}</p>
      <ul>
        {users.map((user) => (
          <li key={user.id}>{t('users.create.duplicateEmailUser', { name: `${user.firstName} ${user.lastName}`, username: user.username })}</li>
        ))}
      </ul>
      <p>{t('users.create.duplicateEmailQuestion')}</p>
    </ConfirmDialog>
  );
}
