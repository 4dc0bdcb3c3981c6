import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { useToast } from '../../../components/ui/toast';
import { ApiError } from '../../../lib/api-client';
import { isConflict } from '../use-record-save';

export type EditorProps<T> = {
  id: string;
  draft: T;
  setDraft: (draft: T) => void;
  /** Spread on the main input: ties it to the error shown under it. */
  a11y: { id: string; 'aria-invalid': true | undefined; 'aria-describedby': string | undefined };
};

type InlineFieldProps<T, P> = {
  label: string;
  /** API field names this editor owns: an error naming one of them is shown here. */
  fields: string[];
  display: ReactNode;
  start: () => T;
  editor: (props: EditorProps<T>) => ReactNode;
  /** The change to send, or a message when the draft is not valid yet. */
  toPatch: (draft: T) => P | string;
  save: (patch: P) => Promise<void>;
  variant?: 'row' | 'title';
};

const owns = (fields: string[], field?: string) =>
  !!field && fields.some((f) => field === f || field.startsWith(`${f}.`));

/** "title: Too small…" next to the title field reads better as "Too small…". */
const messageOf = (err: ApiError) =>
  err.field && err.message.startsWith(`${err.field}: `)
    ? err.message.slice(err.field.length + 2)
    : err.message;

/** A value shown as text that turns into an editor in place; Enter saves, Escape cancels. */
export function InlineField<T, P>(props: InlineFieldProps<T, P>) {
  const { label, fields, display, start, editor, toPatch, save, variant = 'row' } = props;
  const { t } = useTranslation('records');
  const toast = useToast();
  const id = useId();
  const errorId = `${id}-error`;
  const [draft, setDraft] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const wasEditing = useRef(false);
  const editing = draft !== null;

  useEffect(() => {
    if (editing) document.getElementById(id)?.focus();
    else if (wasEditing.current) editButton.current?.focus();
    wasEditing.current = editing;
  }, [editing, id]);

  const begin = () => {
    setError(null);
    setDraft(start());
  };
  const cancel = () => {
    setDraft(null);
    setError(null);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (draft === null || saving) return;
    const patch = toPatch(draft);
    if (typeof patch === 'string') return setError(patch);
    setSaving(true);
    try {
      await save(patch);
      setDraft(null);
      setError(null);
    } catch (err) {
      // The draft stays as typed whatever went wrong.
      if (err instanceof ApiError && owns(fields, err.field)) setError(messageOf(err));
      else if (isConflict(err)) setError(t('inline.conflict'));
      else {
        setError(null);
        toast.show(err instanceof ApiError ? err.message : t('inline.failed'), 'error');
      }
    } finally {
      setSaving(false);
    }
  };

  if (!editing) {
    return (
      <div className={`rec-field rec-field-${variant}`}>
        {variant === 'row' && <span className="rec-field-label">{label}</span>}
        {/* A click on the value edits too (the pencil is the keyboard's way in); links still open. */}
        <div
          className="rec-field-value"
          onClick={(e) => {
            if (!(e.target as HTMLElement).closest('a, button')) begin();
          }}
        >
          {display}
        </div>
        <button
          ref={editButton}
          type="button"
          className="rec-edit"
          aria-label={t('inline.edit', { field: label })}
          title={t('inline.edit', { field: label })}
          onClick={begin}
        >
          <span aria-hidden="true">✎</span>
        </button>
      </div>
    );
  }

  return (
    <form
      className={`rec-field rec-field-${variant} rec-field-editing`}
      onSubmit={submit}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && !e.defaultPrevented) {
          e.preventDefault();
          cancel();
        }
        // A <select> does not submit on Enter by itself; here Enter saves in every editor.
        if (e.key === 'Enter' && e.target instanceof HTMLSelectElement) {
          e.preventDefault();
          e.currentTarget.requestSubmit();
        }
      }}
      noValidate
    >
      <label htmlFor={id} className={variant === 'row' ? 'rec-field-label' : 'visually-hidden'}>
        {label}
      </label>
      <div className="rec-field-editor">
        {editor({
          id,
          draft,
          setDraft,
          a11y: {
            id,
            'aria-invalid': error ? true : undefined,
            'aria-describedby': error ? errorId : undefined,
          },
        })}
        {error && (
          <p id={errorId} className="field-error" role="alert">
            {error}
          </p>
        )}
        <div className="rec-field-actions">
          <Button variant="primary" type="submit" disabled={saving}>
            {saving ? t('inline.saving') : t('inline.save')}
          </Button>
          <Button onClick={cancel} disabled={saving}>
            {t('inline.cancel')}
          </Button>
        </div>
      </div>
    </form>
  );
}
