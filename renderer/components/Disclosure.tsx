import { useId, useState, type ReactNode } from 'react';

/**
 * A button that shows and hides the text under it (the audit log's "Vis endringer" pattern): a real
 * button, so Tab, Enter and Space work and a screen reader hears whether it is open.
 */
export function Disclosure({ label, openLabel, testId, children }: { label: string; openLabel?: string; testId?: string; children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <div className="disclosure">
      <button type="button" className="link-button" aria-expanded={open} aria-controls={open ? id : undefined} onClick={() => setOpen(!open)}>
        {open && openLabel ? openLabel : label}
      </button>
      {open && (
        <div id={id} className="disclosure-body" data-testid={testId}>
          {children}
        </div>
      )}
    </div>
  );
}
