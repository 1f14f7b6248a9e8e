import { useTranslation } from 'react-i18next';
import { CommandButton } from '../CommandButton';
import { ErrorMessage } from '../ErrorMessage';
import { useQrCodeDownload, type QrDownloadOutcome } from './use-qr-code-download';

/** The guide's document symbol, drawn inline: emoji fonts are missing on many Linux desktops. */
function DocumentIcon() {
  return (
    <svg className="button-icon" aria-hidden="true" focusable="false" viewBox="0 0 16 16" width="14" height="14">
      <path d="M3 1h7l3 3v11H3z M10 1v3h3" fill="none" stroke="currentColor" strokeWidth="1.4" strokeLinejoin="round" />
      <path d="M5.5 8h5M5.5 10.5h5M5.5 13h3" stroke="currentColor" strokeWidth="1.2" />
    </svg>
  );
}

/** "Last ned QR-kode". */
export function QrCodeDownloadButton({ busy, onClick }: { busy: boolean; onClick: () => void }) {
  const { t } = useTranslation();
  return (
    <CommandButton data-qr-download className="secondary" onClick={onClick} disabled={busy} aria-busy={busy || undefined}>
      <DocumentIcon />
      {t('users.totp.download')}
    </CommandButton>
  );
}

/**
 * Where the file went, and that it must be handed over securely and deleted: the PNG holds the
 * user's second factor.
 */
export function QrCodeDownloadOutcome({ outcome }: { outcome: QrDownloadOutcome | undefined }) {
  const { t } = useTranslation();
  return (
    <>
      <div role="status">
        {outcome?.kind === 'saved' && (
          <div className="notice qr-saved" data-testid="qr-saved">
            <p>
              {t('users.totp.saved')} <code data-testid="qr-saved-path">{outcome.path}</code>
            </p>
            <p>{t('users.totp.savedReminder')}</p>
          </div>
        )}
        {outcome?.kind === 'cancelled' && <p className="muted">{t('users.totp.cancelled')}</p>}
      </div>
      {outcome?.kind === 'failed' && <ErrorMessage error={outcome.error} />}
    </>
  );
}

/** The button with its outcome right below it. */
export function QrCodeDownload({ userId }: { userId: string }) {
  const { busy, outcome, download } = useQrCodeDownload(userId);
  return (
    <div className="qr-download">
      <QrCodeDownloadButton busy={busy} onClick={() => void download()} />
      <QrCodeDownloadOutcome outcome={outcome} />
    </div>
  );
}
