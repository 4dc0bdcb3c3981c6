import { useId } from 'react';
import { useTranslation } from 'react-i18next';

// The currencies our customers use most; the workspace's own stays listed if it is another.
const common = [
  'VND',
  'USD',
  'EUR',
  'GBP',
  'JPY',
  'CNY',
  'KRW',
  'SGD',
  'THB',
  'MYR',
  'IDR',
  'PHP',
  'AUD',
  'CAD',
  'CHF',
  'HKD',
  'TWD',
  'INR',
];

type Props = {
  label: string;
  value: string;
  onChange: (code: string) => void;
  disabled?: boolean;
  error?: string | undefined;
};

export function CurrencySelect({ label, value, onChange, disabled, error }: Props) {
  const { i18n } = useTranslation();
  const id = useId();
  const names = new Intl.DisplayNames([i18n.language], { type: 'currency' });
  const codes = common.includes(value) ? common : [value, ...common];
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value}
        disabled={disabled}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => onChange(e.target.value)}
      >
        {codes.map((code) => (
          <option key={code} value={code}>
            {code} — {names.of(code) ?? code}
          </option>
        ))}
      </select>
      {error && (
        <p id={`${id}-error`} className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
