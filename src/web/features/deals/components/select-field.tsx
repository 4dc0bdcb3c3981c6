import { useId, type ReactNode, type SelectHTMLAttributes } from 'react';

type Props = SelectHTMLAttributes<HTMLSelectElement> & { label: string; children: ReactNode };

/** A labelled <select>, the building block of the filters and the bulk bar. */
export function SelectField({ label, id, className, children, ...select }: Props) {
  const autoId = useId();
  const selectId = id ?? autoId;
  return (
    <div className={`field deals-field${className ? ` ${className}` : ''}`}>
      <label htmlFor={selectId}>{label}</label>
      <select id={selectId} {...select}>
        {children}
      </select>
    </div>
  );
}
