import { useEffect, useId, useState, type InputHTMLAttributes } from 'react';

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange'> & {
  label: string;
  value: string;
  onCommit: (value: string) => void;
};

/** A text filter that writes to the URL 300 ms after the last keystroke, or at once on Enter. */
export function TextFilter({ label, value, onCommit, id, ...input }: Props) {
  const autoId = useId();
  const inputId = id ?? autoId;
  const [draft, setDraft] = useState(value);
  const [seen, setSeen] = useState(value);
  // Follow outside changes (a cleared filter, a saved view), but not our own trimmed echo.
  if (value !== seen) {
    setSeen(value);
    if (value !== draft.trim()) setDraft(value);
  }
  useEffect(() => {
    if (draft.trim() === value) return;
    const timer = setTimeout(() => onCommit(draft.trim()), 300);
    return () => clearTimeout(timer);
  }, [draft, value, onCommit]);

  return (
    <div className="field deals-field">
      <label htmlFor={inputId}>{label}</label>
      <input
        id={inputId}
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') onCommit(draft.trim());
        }}
        {...input}
      />
    </div>
  );
}
