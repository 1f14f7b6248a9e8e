import { useId } from 'react';

export interface FilterOption {
  value: string;
  label: string;
}

/**
 * A list's filter by choice: its label, "all" first (the empty value, no filter) and then the options.
 * Every screen that filters a table by a choice uses this one, so they look and read alike; it hands on
 * the chosen value, or undefined for "all", and the screen turns that into its own filter.
 */
export function FilterSelect({
  label,
  allLabel,
  value,
  options,
  onChange,
}: {
  label: string;
  /** The screen's word for "no filter" (Alle, Alle organisasjoner). */
  allLabel: string;
  /** The chosen option's value; undefined (or '') for "all". */
  value: string | undefined;
  options: readonly FilterOption[];
  onChange: (value: string | undefined) => void;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value ?? ''} onChange={(event) => onChange(event.target.value || undefined)}>
        <option value="">{allLabel}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
