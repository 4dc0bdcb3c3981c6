import { useId, type ReactNode } from 'react';

export type RowA11y = {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
};

type FormRowProps = {
  label: string;
  error?: string | undefined;
  /** Under the input: a hint, or the duplicate warning. */
  below?: ReactNode;
  children: (a11y: RowA11y) => ReactNode;
};

/** A labelled row for inputs richer than a plain <input> (money, pickers), error beside it. */
export function FormRow({ label, error, below, children }: FormRowProps) {
  const id = useId();
  const errorId = `${id}-error`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children({
        id,
        'aria-invalid': error ? true : undefined,
        'aria-describedby': error ? errorId : undefined,
      })}
      {error && (
        <p id={errorId} className="field-error" role="alert">
          {error}
        </p>
      )}
      {below}
    </div>
  );
}
