import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Stage } from '../../../lib/queries/pipelines';
import type { SaveStage } from './use-stage-save';

type Props = {
  stage: Stage;
  field: 'probability' | 'rottingDays';
  canEdit: boolean;
  save: SaveStage;
};

const toText = (value: number | null) => (value === null ? '' : String(value));

/** Probability (0–100 %) or rotting days (empty: never rots), saved on Enter or on leaving. */
export function StageNumberField({ stage, field, canEdit, save }: Props) {
  const { t } = useTranslation('settings');
  const id = useId();
  const stored = stage[field];
  const [value, setValue] = useState(toText(stored));
  const [seen, setSeen] = useState(stored);
  const [error, setError] = useState<string>();
  // A new value from the server (after a save or a reload) replaces the text.
  if (seen !== stored) {
    setSeen(stored);
    setValue(toText(stored));
  }

  const label = t(`stages.${field}`);
  const unit = field === 'probability' ? '%' : t('stages.days');

  if (!canEdit) {
    return (
      <span className="settings-stage-number">
        <span className="settings-stage-label">{label}</span>{' '}
        {stored === null
          ? t('stages.neverRots')
          : `${stored}${field === 'probability' ? ' %' : ` ${unit}`}`}
      </span>
    );
  }

  const parse = (): number | null | string => {
    const text = value.trim();
    if (field === 'rottingDays' && text === '') return null;
    const n = Number(text);
    if (field === 'probability') {
      return Number.isInteger(n) && text !== '' && n >= 0 && n <= 100
        ? n
        : t('stages.probabilityRange');
    }
    return Number.isInteger(n) && n >= 1 && n <= 3650 ? n : t('stages.rottingRange');
  };

  const commit = async () => {
    const parsed = parse();
    if (typeof parsed === 'string') return setError(parsed);
    setError(undefined);
    if (parsed === stored) return;
    const result = await save({ [field]: parsed }, field);
    if (!result.ok) setError(result.fieldError);
  };

  return (
    <div className={`settings-stage-number settings-stage-${field}`}>
      <label htmlFor={id} className="settings-stage-label">
        {label}
      </label>
      <span className="settings-input-unit">
        <input
          id={id}
          type="number"
          inputMode="numeric"
          min={field === 'probability' ? 0 : 1}
          max={field === 'probability' ? 100 : 3650}
          value={value}
          placeholder={field === 'rottingDays' ? '–' : undefined}
          aria-invalid={error ? true : undefined}
          aria-describedby={
            error ? `${id}-error` : field === 'rottingDays' ? `${id}-hint` : undefined
          }
          onChange={(e) => setValue(e.target.value)}
          onBlur={() => void commit()}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              void commit();
            }
          }}
        />
        <span aria-hidden="true">{unit}</span>
      </span>
      {field === 'rottingDays' && !error && (
        <span id={`${id}-hint`} className="visually-hidden">
          {t('stages.rottingHint')}
        </span>
      )}
      {error && (
        <p id={`${id}-error`} className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
