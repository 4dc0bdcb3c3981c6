import type { InputHTMLAttributes } from 'react';
import type { EditorProps } from './inline-field';

type InputType = InputHTMLAttributes<HTMLInputElement>['type'];

/** A one-line text editor for InlineField. */
export const textEditor =
  (type: InputType = 'text', extra: InputHTMLAttributes<HTMLInputElement> = {}) =>
  ({ draft, setDraft, a11y }: EditorProps<string>) => (
    <input
      type={type}
      value={draft}
      onChange={(e) => setDraft(e.target.value)}
      {...extra}
      {...a11y}
    />
  );

export const textAreaEditor = ({ draft, setDraft, a11y }: EditorProps<string>) => (
  <textarea rows={3} value={draft} onChange={(e) => setDraft(e.target.value)} {...a11y} />
);

export type Option = { value: string; label: string };

export const selectEditor =
  (options: Option[]) =>
  ({ draft, setDraft, a11y }: EditorProps<string>) => (
    <select value={draft} onChange={(e) => setDraft(e.target.value)} {...a11y}>
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  );

/** Empty text is "no value": optional fields are cleared with null. */
export const orNull = (text: string) => (text.trim() ? text.trim() : null);
