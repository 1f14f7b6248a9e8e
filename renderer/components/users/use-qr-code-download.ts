import { useState } from 'react';
import type { PortalErrorData } from '../../../common/result';
import { useUserStore } from '../../stores/user-store';

export type QrDownloadOutcome = { kind: 'saved'; path: string } | { kind: 'cancelled' } | { kind: 'failed'; error: PortalErrorData };

/** Main asks where to save and writes the PNG itself; this window only learns the path. */
export function useQrCodeDownload(userId: string) {
  const saveQrCode = useUserStore((state) => state.saveQrCode);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<QrDownloadOutcome>();
  const download = async () => {
    setBusy(true);
    setOutcome(undefined);
    const result = await saveQrCode(userId);
    setBusy(false);
    if (!result.ok) setOutcome({ kind: 'failed', error: result.error });
    else setOutcome(result.value ? { kind: 'saved', path: result.value.path } : { kind: 'cancelled' });
  };
  return { busy, outcome, download, clear: () => setOutcome(undefined) };
}
