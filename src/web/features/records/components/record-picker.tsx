import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchCompanies } from '../api/use-companies';
import { fetchContacts } from '../api/use-contacts';
import { companyKeys, contactKeys } from '../api/keys';
import { useDebouncedValue } from '../../../lib/use-debounced-value';

export type Picked = { id: string; name: string };

type RecordPickerProps = {
  kind: 'company' | 'contact';
  value: Picked | null;
  onChange: (value: Picked | null) => void;
  a11y: { id: string; 'aria-invalid'?: true | undefined; 'aria-describedby'?: string | undefined };
  /** Ids not to offer (contacts already on the deal). */
  exclude?: string[];
  /** For adding to a list: the box empties after each pick. */
  clearOnPick?: boolean;
};

function usePickerOptions(kind: RecordPickerProps['kind'], q: string, enabled: boolean) {
  return useQuery({
    queryKey:
      kind === 'company' ? companyKeys.list({ q, pick: 8 }) : contactKeys.list({ q, pick: 8 }),
    queryFn: async ({ signal }) => {
      const page =
        kind === 'company'
          ? await fetchCompanies({ q, limit: 8 }, signal)
          : await fetchContacts({ q, limit: 8 }, signal);
      return page.data.map((r) => ({
        id: r.id,
        name: r.name,
        detail: 'email' in r ? r.email : r.domain,
      }));
    },
    enabled,
    placeholderData: keepPreviousData,
  });
}

/** Search-as-you-type company or contact field (ARIA combobox with a listbox). */
export function RecordPicker(props: RecordPickerProps) {
  const { kind, value, onChange, a11y, exclude = [], clearOnPick = false } = props;
  const { t } = useTranslation('records');
  const [text, setText] = useState(value?.name ?? '');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const q = useDebouncedValue(text.trim(), 250);
  const options = usePickerOptions(kind, q, open);
  const shown = (options.data ?? []).filter((o) => !exclude.includes(o.id));
  const listId = `${a11y.id}-list`;
  const optionId = (i: number) => `${a11y.id}-opt-${i}`;

  const pick = (option: Picked) => {
    onChange({ id: option.id, name: option.name });
    setText(clearOnPick ? '' : option.name);
    setOpen(false);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (!open) return setOpen(true);
      const step = e.key === 'ArrowDown' ? 1 : -1;
      setActive((i) => (shown.length ? (i + step + shown.length) % shown.length : 0));
    } else if (e.key === 'Enter' && open && shown[active]) {
      e.preventDefault();
      pick(shown[active]);
    } else if (e.key === 'Escape' && open) {
      // Close the list only; the surrounding editor or dialog stays.
      e.preventDefault();
      e.stopPropagation();
      setOpen(false);
    }
  };

  const expanded = open && shown.length > 0;
  const noMatch = open && !!q && options.isSuccess && !options.isPlaceholderData && !shown.length;
  return (
    <div className="rec-picker">
      <div className="rec-picker-row">
        <input
          {...a11y}
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-activedescendant={expanded && shown[active] ? optionId(active) : undefined}
          autoComplete="off"
          placeholder={t(
            kind === 'company' ? 'picker.companyPlaceholder' : 'picker.contactPlaceholder',
          )}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setActive(0);
            setOpen(true);
            if (value) onChange(null);
          }}
          onFocus={() => setOpen(true)}
          onBlur={() => setOpen(false)}
          onKeyDown={onKeyDown}
        />
        {value && (
          <button
            type="button"
            className="rec-picker-clear"
            aria-label={t('picker.clear', { name: value.name })}
            onClick={() => {
              onChange(null);
              setText('');
            }}
          >
            <span aria-hidden="true">×</span>
          </button>
        )}
      </div>
      <ul id={listId} role="listbox" className="rec-picker-list" hidden={!expanded}>
        {shown.map((o, i) => (
          <li
            key={o.id}
            id={optionId(i)}
            role="option"
            aria-selected={i === active}
            className={i === active ? 'active' : undefined}
            onMouseDown={(e) => e.preventDefault()}
            onMouseEnter={() => setActive(i)}
            onClick={() => pick(o)}
          >
            <span>{o.name}</span>
            {o.detail && <span className="muted small">{o.detail}</span>}
          </li>
        ))}
      </ul>
      {noMatch && (
        <p className="rec-picker-empty muted small" role="status">
          {t(kind === 'company' ? 'picker.noCompany' : 'picker.noContact', { q })}
        </p>
      )}
    </div>
  );
}
