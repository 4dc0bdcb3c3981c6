import { useId, type ReactNode } from 'react';

export type SettingsSelectProps = {
  label: string;
  value: string;
  onChange: (value: string) => void;
  disabled?: boolean | undefined;
  error?: string | undefined;
  children: ReactNode;
};

/** A labelled <select> with its error under it, tied together for screen readers. */
export function SettingsSelect({
  label,
  value,
  onChange,
  disabled,
  error,
  children,
}: SettingsSelectProps) {
  const id = useId();
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
        {children}
      </select>
      {error && (
        <p id={`${id}-error`} className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
