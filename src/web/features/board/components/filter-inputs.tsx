import { useEffect, useId, useState, type InputHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber, parseMoney } from '../../../lib/format';

const DEBOUNCE_MS = 300;

/**
 * Local state that follows a value kept elsewhere (the URL): the control answers at once, and
 * takes the outside value whenever that changes (Clear filters, the back button).
 */
export function useSynced<T>(value: T) {
  const [local, setLocal] = useState(value);
  const [seen, setSeen] = useState(value);
  if (!Object.is(value, seen)) {
    setSeen(value);
    setLocal(value);
  }
  return [local, setLocal] as const;
}

type TextProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange'> & {
  label: string;
  value: string;
  onCommit: (value: string) => void;
  /** Returns an error to show instead of committing. */
  validate?: (value: string) => string | undefined;
  /** Keep the label for screen readers only (the search box says what it is). */
  hideLabel?: boolean;
};

/** A labelled input that commits what was typed once typing pauses (and at once on Enter). */
export function DebouncedInput(props: TextProps) {
  const { label, value, onCommit, validate, hideLabel, id, ...input } = props;
  const autoId = useId();
  const inputId = id ?? autoId;
  const [text, setText] = useSynced(value);
  const error = validate?.(text);
  useEffect(() => {
    if (text === value || error) return;
    const timer = setTimeout(() => onCommit(text), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text, value, error, onCommit]);
  return (
    <div className="board-filter">
      <label htmlFor={inputId} className={hideLabel ? 'visually-hidden' : undefined}>
        {label}
      </label>
      <input
        id={inputId}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && !error && text !== value) onCommit(text);
        }}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${inputId}-error` : undefined}
        {...input}
      />
      {error && (
        <p id={`${inputId}-error`} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}

const fractionDigits = (currency: string) =>
  new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
    .maximumFractionDigits ?? 2;

type AmountProps = {
  label: string;
  currency: string;
  value: number | undefined;
  onCommit: (minor: number | undefined) => void;
};

/** An amount typed the local way ("1.500.000", "1,234.56"), kept in minor units. */
export function AmountInput({ label, currency, value, onCommit }: AmountProps) {
  const { t, i18n } = useTranslation('board');
  const text =
    value === undefined ? '' : formatNumber(value / 10 ** fractionDigits(currency), i18n.language);
  return (
    <DebouncedInput
      label={label}
      value={text}
      inputMode="decimal"
      autoComplete="off"
      validate={(typed) =>
        typed.trim() && parseMoney(typed, currency) === null
          ? t('filters.invalidAmount', { example: formatNumber(1500000, i18n.language) })
          : undefined
      }
      onCommit={(typed) => onCommit(parseMoney(typed, currency) ?? undefined)}
    />
  );
}

type ControlProps<T> = { label: string; value: T; onChange: (value: T) => void };

export function MineToggle({ label, value, onChange }: ControlProps<boolean>) {
  const [checked, setChecked] = useSynced(value);
  return (
    <label className="board-mine">
      <input
        type="checkbox"
        checked={checked}
        onChange={(e) => {
          setChecked(e.target.checked);
          onChange(e.target.checked);
        }}
      />
      {label}
    </label>
  );
}

type SelectProps = ControlProps<string> & {
  options: { value: string; label: string }[];
  disabled?: boolean | undefined;
};

export function SelectFilter({ label, value, onChange, options, disabled }: SelectProps) {
  const id = useId();
  const [selected, setSelected] = useSynced(value);
  return (
    <div className="board-filter">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={selected}
        disabled={disabled}
        onChange={(e) => {
          setSelected(e.target.value);
          onChange(e.target.value);
        }}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function DateFilter({ label, value, onChange }: ControlProps<string | undefined>) {
  const id = useId();
  const [date, setDate] = useSynced(value ?? '');
  return (
    <div className="board-filter">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="date"
        value={date}
        onChange={(e) => {
          setDate(e.target.value);
          onChange(e.target.value);
        }}
      />
    </div>
  );
}
