import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Vendor } from '../../../common/portal/portal-types';
import { selectVendorResults, selectVendorSearching, useVendorStore } from '../../stores/vendor-store';

/**
 * The vendor picker: an ARIA 1.2 combobox with list autocomplete (WAI-ARIA APG "list autocomplete with
 * manual selection"). Typing searches (case- and diacritics-insensitive, by the portal or the cache
 * offline); Down/Up move through the options, Enter picks one, Escape closes the list.
 * Focus stays in the input; the active option is conveyed by aria-activedescendant.
 */
export function VendorCombobox({
  label,
  selected,
  excludeIds,
  error,
  onSelect,
  inputId,
}: {
  label: string;
  selected: Vendor | null;
  /**
   * Vendors not to offer: those that already have access, and the organisation itself. A search that
   * finds only these says they already have access (the portal never returns the organisation itself).
   */
  excludeIds: ReadonlySet<string>;
  error: string | undefined;
  onSelect: (vendor: Vendor | null) => void;
  inputId: string;
}) {
  const { t, i18n } = useTranslation();
  const results = useVendorStore(selectVendorResults);
  const searching = useVendorStore(selectVendorSearching);
  const search = useVendorStore((state) => state.search);
  const [text, setText] = useState(selected?.name ?? '');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const inputRef = useRef<HTMLInputElement>(null);
  const baseId = useId();
  const labelId = `${baseId}-label`;
  const listboxId = `${baseId}-listbox`;
  const errorId = `${baseId}-error`;
  const optionId = (vendor: Vendor) => `${baseId}-option-${vendor.id}`;

  const options = useMemo(() => results.filter((vendor) => !excludeIds.has(vendor.id)), [results, excludeIds]);
  const granted = useMemo(() => results.filter((vendor) => excludeIds.has(vendor.id)), [results, excludeIds]);
  const activeIndex = active < options.length ? active : -1;
  const activeOption = activeIndex >= 0 ? options[activeIndex] : undefined;
  const expanded = open && options.length > 0;

  // The list should be ready when the admin opens it without typing ("åpne rullemenyen").
  const excludedCount = excludeIds.size;
  const initialExcluded = useRef(excludedCount);
  useEffect(() => {
    void search('', initialExcluded.current);
  }, [search]);

  // Typed text that finds vendors which already have access says so, rather than "no vendors match".
  const alreadyGranted =
    text.trim() !== '' && granted.length > 0
      ? t('groups.grant.alreadyHasAccess', { count: granted.length, vendors: new Intl.ListFormat(i18n.language === 'en' ? 'en-GB' : 'nb-NO', { type: 'conjunction' }).format(granted.map((vendor) => vendor.name)) })
      : undefined;
  const activeId = expanded && activeOption ? optionId(activeOption) : undefined;
  useEffect(() => {
    if (activeId) document.getElementById(activeId)?.scrollIntoView({ block: 'nearest' });
  }, [activeId]);

  const type = (value: string) => {
    setText(value);
    setOpen(true);
    setActive(-1);
    if (selected) onSelect(null);
    void search(value, excludedCount);
  };
  const choose = (vendor: Vendor) => {
    onSelect(vendor);
    setText(vendor.name);
    setOpen(false);
    setActive(-1);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const count = options.length;
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        if (!open || event.altKey) {
          setOpen(true);
          if (!event.altKey && count > 0) setActive(0);
        } else if (count > 0) setActive((activeIndex + 1) % count);
        break;
      case 'ArrowUp':
        event.preventDefault();
        if (!open) {
          setOpen(true);
          if (count > 0) setActive(count - 1);
        } else if (count > 0) setActive(activeIndex <= 0 ? count - 1 : activeIndex - 1);
        break;
      case 'Enter':
        // Picking an option must not submit the form around the combobox.
        if (expanded && activeOption) {
          event.preventDefault();
          choose(activeOption);
        }
        break;
      case 'Escape':
        // Only closes the list: clearing the text as well would also throw away a chosen vendor when
        // Escape was meant for something else (an ⓘ tooltip shown by hovering, say).
        if (expanded) {
          event.preventDefault();
          setOpen(false);
          setActive(-1);
        }
        break;
      case 'Tab':
        setOpen(false);
        break;
    }
  };

  return (
    <div className="field combobox">
      <label id={labelId} htmlFor={inputId}>
        {label}
      </label>
      <div className="combobox-control">
        <input
          ref={inputRef}
          id={inputId}
          type="text"
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={listboxId}
          aria-activedescendant={activeId}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          autoComplete="off"
          spellCheck={false}
          placeholder={t('groups.grant.vendorPlaceholder')}
          value={text}
          onChange={(event) => type(event.target.value)}
          onKeyDown={onKeyDown}
          onClick={() => setOpen(true)}
          onBlur={() => setOpen(false)}
        />
        <button
          type="button"
          className="combobox-toggle secondary"
          tabIndex={-1}
          aria-label={t('groups.grant.showVendors')}
          aria-expanded={expanded}
          aria-controls={listboxId}
          // Keep focus in the input, where the keyboard handling lives.
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => {
            setOpen((shown) => !shown);
            inputRef.current?.focus();
          }}
        >
          <span aria-hidden="true">▾</span>
        </button>
      </div>
      <ul id={listboxId} role="listbox" aria-labelledby={labelId} className="combobox-listbox" hidden={!expanded}>
        {options.map((vendor, index) => (
          <li
            key={vendor.id}
            id={optionId(vendor)}
            role="option"
            aria-selected={index === activeIndex}
            className={index === activeIndex ? 'active' : undefined}
            onMouseDown={(event) => event.preventDefault()}
            onMouseMove={() => setActive(index)}
            onClick={() => choose(vendor)}
          >
            {vendor.name}
          </li>
        ))}
      </ul>
      {open && !searching && (options.length === 0 || alreadyGranted) && (
        <span className="field-hint" data-testid="vendor-no-matches">
          {alreadyGranted ?? t('groups.grant.noMatches')}
        </span>
      )}
      <span className="visually-hidden" role="status">
        {open && !searching ? [options.length > 0 ? t('groups.grant.matches', { count: options.length }) : undefined, alreadyGranted ?? (options.length > 0 ? undefined : t('groups.grant.noMatches'))].filter(Boolean).join(' ') : ''}
      </span>
      {error && (
        <span id={errorId} className="field-error">
          {error}
        </span>
      )}
    </div>
  );
}
