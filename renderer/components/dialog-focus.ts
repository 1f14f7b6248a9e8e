/**
 * After a modal dialog is gone: focus back to what had it before the dialog opened (the button that
 * opened it), so a keyboard user goes on from there. Only when focus was lost with the dialog (it is on
 * the body, or still inside the removed dialog): a screen that has already moved focus on keeps it there.
 */
export function restoreFocusAfterDialog(opener: Element | null, dialog: HTMLDialogElement | null): void {
  const current = document.activeElement;
  const lost = current === null || current === document.body || (dialog !== null && dialog.contains(current));
  if (lost && opener instanceof HTMLElement && opener.isConnected && opener !== document.body) opener.focus();
}
