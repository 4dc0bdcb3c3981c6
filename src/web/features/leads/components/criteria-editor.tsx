import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Criterion, Lead } from '../api/leads';

type Values = Lead['criteria'];
type Props = {
  criteria: Criterion[];
  values: Values;
  disabled: boolean;
  onChange: (key: string, value: { state: 'unknown' | 'yes' | 'no'; note: string }) => void;
};

const states = ['unknown', 'yes', 'no'] as const;

/**
 * Each criterion as three choices and a note; required ones are marked. Choices show at once;
 * the parent remounts this (keyed by the lead's version) when the saved lead comes back.
 */
export function CriteriaEditor({ criteria, values, disabled, onChange }: Props) {
  const { t } = useTranslation('leads');
  const [local, setLocal] = useState(values);
  const choose = (key: string, value: { state: 'unknown' | 'yes' | 'no'; note: string }) => {
    setLocal({ ...local, [key]: value });
    onChange(key, value);
  };
  return (
    <ul className="leads-criteria">
      {criteria.map((c) => {
        const value = local[c.key] ?? { state: 'unknown' as const, note: '' };
        return (
          <li key={c.key} className={`leads-criterion leads-criterion-${value.state}`}>
            <fieldset disabled={disabled}>
              <legend>
                {c.label}
                {c.required && <span className="leads-required"> ({t('required')})</span>}
              </legend>
              <div className="leads-states" role="radiogroup" aria-label={c.label}>
                {states.map((s) => (
                  <label key={s} className={value.state === s ? 'active' : undefined}>
                    <input
                      type="radio"
                      name={`criterion-${c.key}`}
                      checked={value.state === s}
                      onChange={() => choose(c.key, { ...value, state: s })}
                    />
                    {t(`state.${s}`)}
                  </label>
                ))}
              </div>
              <input
                className="leads-note"
                aria-label={t('note', { criterion: c.label })}
                defaultValue={value.note}
                maxLength={500}
                onBlur={(e) => {
                  if (e.target.value !== value.note)
                    onChange(c.key, { ...value, note: e.target.value });
                }}
              />
            </fieldset>
          </li>
        );
      })}
    </ul>
  );
}
