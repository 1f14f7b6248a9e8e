import { useEffect, useRef, type KeyboardEvent, type RefObject } from 'react';

const FIELD = 'input:not([type="hidden"]):not([disabled]), select:not([disabled]), textarea:not([disabled])';

/** The form's first field that takes input: where typing starts when the form opens. */
export function firstField(form: HTMLFormElement | null): HTMLElement | null {
  return form?.querySelector<HTMLElement>(FIELD) ?? null;
}

/**
 * Whether an Escape pressed in an inline form is the form's: not when something inside already used it
 * (a combobox closing its list calls preventDefault), not while a tooltip is shown (Escape hides that
 * first, WCAG 1.4.13), not in a dialog over the form (the dialog's own Escape cancels the dialog), and
 * not while an input method is composing.
 */
export function escapeClosesForm(event: KeyboardEvent<HTMLFormElement>): boolean {
  if (event.key !== 'Escape' || event.defaultPrevented || event.nativeEvent.isComposing) return false;
  const target = event.target instanceof Element ? event.target : null;
  if (target?.closest('dialog')) return false;
  return event.currentTarget.querySelector('[role="tooltip"]:not([hidden])') === null;
}

/**
 * One behaviour for every inline form (Ny bruker, Ny maskingruppe, Ny leverandør, Ny gjennomgang, …): it
 * opens with focus in its first field, Escape closes it as "Avbryt" does, and when it has closed, focus
 * goes back to the button that opens it (marked `data-opens-form={opener}`; it was hidden meanwhile)
 * unless the screen has put focus somewhere already. Spread the result on the <form>.
 */
export function useInlineForm(
  onCancel: () => void,
  opener?: string,
): { ref: RefObject<HTMLFormElement | null>; onKeyDown: (event: KeyboardEvent<HTMLFormElement>) => void } {
  const ref = useRef<HTMLFormElement>(null);
  useEffect(() => {
    firstField(ref.current)?.focus();
    if (!opener) return undefined;
    return () => {
      // After the screen has rendered the button again and run its own effects.
      requestAnimationFrame(() => {
        const active = document.activeElement;
        if (active && active !== document.body) return;
        document.querySelector<HTMLElement>(`[data-opens-form="${CSS.escape(opener)}"]`)?.focus();
      });
    };
  }, [opener]);
  return {
    ref,
    onKeyDown: (event) => {
      if (!escapeClosesForm(event)) return;
      event.preventDefault();
      onCancel();
    },
  };
}
