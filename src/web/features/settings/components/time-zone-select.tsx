import { useId } from 'react';

type Props = {
  label: string;
  value: string;
  onChange: (zone: string) => void;
  disabled?: boolean;
  error?: string | undefined;
  /** An extra first choice, e.g. "use the workspace's zone" (value ''). */
  emptyLabel?: string;
};

const zones = (() => {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return ['Asia/Ho_Chi_Minh', 'Asia/Bangkok', 'Asia/Singapore', 'UTC'];
  }
})();

/** The IANA time zones the browser knows, e.g. Asia/Ho_Chi_Minh. */
export function TimeZoneSelect({ label, value, onChange, disabled, error, emptyLabel }: Props) {
  const id = useId();
  const options = value && !zones.includes(value) ? [value, ...zones] : zones;
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
        {emptyLabel !== undefined && <option value="">{emptyLabel}</option>}
        {options.map((zone) => (
          <option key={zone} value={zone}>
            {zone.replaceAll('_', ' ')}
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
