import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStageName, type Stage } from '../../../lib/queries/pipelines';
import type { SaveStage } from './use-stage-save';

type Props = { stage: Stage; canEdit: boolean; save: SaveStage };

/**
 * Shows the stage name in the user's language (defaults are translated); clicking it edits the
 * stored name. Enter or leaving the field saves, Escape cancels.
 */
export function StageNameField({ stage, canEdit, save }: Props) {
  const { t } = useTranslation('settings');
  const stageName = useStageName();
  const id = useId();
  const [editing, setEditing] = useState(false);
  const [value, setValue] = useState(stage.name);
  const [error, setError] = useState<string>();
  const busy = useRef(false);
  const cancelled = useRef(false);
  const button = useRef<HTMLButtonElement>(null);
  const shown = stageName(stage.name);

  if (!canEdit) return <span className="settings-stage-name">{shown}</span>;

  const finish = () => {
    setEditing(false);
    setError(undefined);
    requestAnimationFrame(() => button.current?.focus());
  };

  const commit = async () => {
    if (cancelled.current || busy.current) {
      cancelled.current = false;
      return;
    }
    const name = value.trim();
    if (!name) return setError(t('stages.nameRequired'));
    if (name === stage.name) return finish();
    busy.current = true;
    const result = await save({ name }, 'name');
    busy.current = false;
    if (result.ok) finish();
    else setError(result.fieldError);
  };

  if (!editing) {
    return (
      <button
        ref={button}
        type="button"
        className="settings-stage-name settings-stage-name-button"
        title={t('stages.renameHint')}
        aria-label={t('stages.renameNamed', { name: shown })}
        onClick={() => {
          setValue(stage.name);
          setEditing(true);
        }}
      >
        <span>{shown}</span>
        <span className="settings-pencil" aria-hidden="true">
          ✎
        </span>
      </button>
    );
  }

  return (
    <div className="settings-stage-name-edit">
      <label className="visually-hidden" htmlFor={id}>
        {t('stages.name')}
      </label>
      <input
        id={id}
        value={value}
        maxLength={80}
        autoFocus
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => setValue(e.target.value)}
        onBlur={() => void commit()}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            void commit();
          } else if (e.key === 'Escape') {
            e.preventDefault();
            cancelled.current = true;
            setValue(stage.name);
            finish();
          }
        }}
      />
      {error && (
        <p id={`${id}-error`} className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
