/**
 * A warning triangle, drawn (the ⚠ character is missing from many system fonts). Decorative: the text
 * beside it says what it warns of, so the meaning is never in the shape or its colour alone.
 */
export function WarningIcon() {
  return (
    <svg className="warning-icon" aria-hidden="true" viewBox="0 0 24 24" width="16" height="16" focusable="false">
      <path d="M12 2.5 1.5 21h21z" fill="currentColor" />
      <path d="M12 9v5.5" stroke="#fff" strokeWidth="2.2" strokeLinecap="round" />
      <circle cx="12" cy="17.8" r="1.3" fill="#fff" />
    </svg>
  );
}
