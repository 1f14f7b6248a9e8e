/** The portal's laptop marker for access without approval; labelled, since it carries meaning. */
export function LaptopIcon({ label }: { label: string }) {
  return (
    <svg className="laptop-icon" role="img" aria-label={label} viewBox="0 0 24 24" width="20" height="20" focusable="false">
      <rect x="4" y="5" width="16" height="10" rx="1.5" fill="none" stroke="currentColor" strokeWidth="1.8" />
      <path d="M2 18h20l-1.5 2h-17z" fill="currentColor" />
    </svg>
  );
}
