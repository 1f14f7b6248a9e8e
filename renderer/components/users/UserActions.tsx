import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OneTimePasswordReceipt, User } from '../../../common/portal/portal-types';
import type { PortalErrorData } from '../../../common/result';
import { useUserStore } from '../../stores/user-store';
import { CommandButton } from '../CommandButton';
import { ConfirmDialog } from '../ConfirmDialog';
import { ErrorMessage } from '../ErrorMessage';
import { formatDateTime } from '../relative-time';
import { QrCodeDownloadButton, QrCodeDownloadOutcome } from './QrCodeDownload';
import { useQrCodeDownload } from './use-qr-code-download';

type Notice = { kind: 'otp'; receipt: OneTimePasswordReceipt } | { kind: 'regenerated' };

/** "Send engangspassord", "Lag ny to-faktorkode" and "Last ned QR-kode", with what each did. */
export function UserActions({ user }: { user: User }) {
  const { t, i18n } = useTranslation();
  const sendOneTimePassword = useUserStore((state) => state.sendOneTimePassword);
  const regenerateTotp = useUserStore((state) => state.regenerateTotp);
  const qr = useQrCodeDownload(user.id);
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [notice, setNotice] = useState<Notice>();
  const [error, setError] = useState<PortalErrorData>();
  const toolbarRef = useRef<HTMLDivElement>(null);
  const name = `${user.firstName} ${user.lastName}`;

  const run = async <T,>(command: () => Promise<{ ok: true; value: T } | { ok: false; error: PortalErrorData }>, onDone: (value: T) => void) => {
    setBusy(true);
    setError(undefined);
    setNotice(undefined);
    qr.clear();
    const result = await command();
    setBusy(false);
    if (result.ok) onDone(result.value);
    else setError(result.error);
  };

  return (
    <div className="user-actions">
      <div className="toolbar" ref={toolbarRef}>
        {/* A deactivated user cannot sign in, so no one-time password is sent (the portal refuses it too). */}
        <CommandButton
          disabled={busy || user.status === 'deactivated'}
          onClick={() => void run(() => sendOneTimePassword(user.id), (receipt) => setNotice({ kind: 'otp', receipt }))}
        >
          {t('users.otp.send')}
        </CommandButton>
        {user.twoFactor === 'totp' && (
          <>
            <CommandButton disabled={busy} onClick={() => setConfirming(true)}>
              {t('users.totp.regenerate')}
            </CommandButton>
            <QrCodeDownloadButton
              busy={qr.busy}
              onClick={() => {
                setNotice(undefined);
                void qr.download();
              }}
            />
          </>
        )}
      </div>
      {user.twoFactor === 'yubikey' && <p className="muted">{t('users.totp.yubikeyOnly')}</p>}
      <div role="status">
        {notice?.kind === 'otp' && (
          <p className="notice user-success" data-testid="otp-sent">
            {t('users.otp.sent', { recipient: notice.receipt.recipient, expires: formatDateTime(notice.receipt.expiresAt, i18n.language) })}
          </p>
        )}
        {notice?.kind === 'regenerated' && (
          <p className="notice" data-testid="totp-regenerated">
            {t('users.totp.regenerated')}
          </p>
        )}
      </div>
      <QrCodeDownloadOutcome outcome={qr.outcome} />
      {error && <ErrorMessage error={error} />}

      {confirming && (
        <ConfirmDialog
          title={t('users.totp.confirmTitle', { name })}
          confirmLabel={t('users.totp.confirm')}
          onCancel={() => setConfirming(false)}
          onConfirm={() => {
            setConfirming(false);
            void run(
              () => regenerateTotp(user.id),
              () => {
                setNotice({ kind: 'regenerated' });
                // The next step is the download: put the admin right on it.
                toolbarRef.current?.querySelector<HTMLButtonElement>('[data-qr-download]')?.focus();
              },
            );
          }}
        >
          <p>{t('users.totp.confirmBody')}</p>
        </ConfirmDialog>
      )}
    </div>
  );
}
