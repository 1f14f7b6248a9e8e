import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { grantExpiresAt, type GrantExpiryChoice, type GrantExpiryCode } from '../../../common/groups/grant-expiry';
import type { Grant, GrantMode, MachineGroup, Vendor } from '../../../common/portal/portal-types';
import { selectGrantCommandError, useGrantStore } from '../../stores/grant-store';
import { CommandButton } from '../CommandButton';
import { ErrorMessage } from '../ErrorMessage';
import { fieldError } from '../field-errors';
import { useInlineForm } from '../use-inline-form';
import { ExpiryChoice } from './ExpiryChoice';
import { GrantModeChoice } from './GrantModeChoice';
import { VendorCombobox } from './VendorCombobox';

/** "Ny leverandør": which vendor, with or without approval, and for how long. */
export function NewGrantForm({
  group,
  excludeVendorIds,
  onGranted,
  onCancel,
}: {
  group: MachineGroup;
  excludeVendorIds: ReadonlySet<string>;
  onGranted: (grant: Grant) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const put = useGrantStore((state) => state.put);
  const clearCommandError = useGrantStore((state) => state.clearCommandError);
  const portalError = useGrantStore(selectGrantCommandError);
  const [vendor, setVendor] = useState<Vendor | null>(null);
  // With approval is the careful default: the admin must choose to let a vendor in unattended.
  const [mode, setMode] = useState<GrantMode>('with_approval');
  const [expiry, setExpiry] = useState<GrantExpiryChoice>('none');
  const [date, setDate] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const [sending, setSending] = useState(false);
  const titleId = useId();
  const vendorInputId = useId();

  const inline = useInlineForm(onCancel, 'new-grant');
  useEffect(() => () => clearCommandError(), [clearCommandError]);

  const expiresAt = grantExpiresAt(expiry, new Date(), date);
  const labels = { vendorId: t('groups.grant.vendor'), mode: t('groups.grant.mode'), expiresAt: t('groups.grant.expiry') };
  const vendorError = submitted && !vendor ? t('groups.grant.vendorRequired') : fieldError(t, portalError, 'vendorId', labels.vendorId);
  const expiryError: GrantExpiryCode | undefined = submitted && !expiresAt.ok ? expiresAt.code : undefined;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (!vendor) {
      document.getElementById(vendorInputId)?.focus();
      return;
    }
    if (!expiresAt.ok) return;
    setSending(true);
    const grant = await put({ groupId: group.id, vendorId: vendor.id, mode, expiresAt: expiresAt.expiresAt });
    setSending(false);
    if (grant) onGranted(grant);
  };

  return (
    <form {...inline} className="group-form" aria-labelledby={titleId} onSubmit={(event) => void submit(event)} noValidate>
      <h2 id={titleId}>{t('groups.grant.title')}</h2>
      <p className="muted">{t('groups.grant.intro')}</p>
      <VendorCombobox
        inputId={vendorInputId}
        label={t('groups.grant.vendor')}
        selected={vendor}
        excludeIds={excludeVendorIds}
        error={vendorError}
        onSelect={setVendor}
      />
      <GrantModeChoice mode={mode} onChange={setMode} />
      <ExpiryChoice choice={expiry} date={date} error={expiryError} onChoice={setExpiry} onDate={setDate} />
      {portalError && <ErrorMessage error={portalError} placed={['vendorId']} labels={labels} />}
      <div className="form-actions">
        <CommandButton type="submit" disabled={sending}>
          {sending ? t('groups.grant.sending') : t('groups.grant.submit')}
        </CommandButton>
        <button type="button" className="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
