import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { monthName, periodsInYear, type PeriodPick, type PeriodUnit } from '../lib/periods';

const UNITS: PeriodUnit[] = ['month', 'quarter', 'year'];

/** Unit, year and month or quarter: the period a quota or a submission is for. */
export function PeriodPicker({
  label,
  value,
  onChange,
}: {
  /** What the period is for, naming the group (two pickers share the page). */
  label: string;
  value: PeriodPick;
  onChange: (next: PeriodPick) => void;
}) {
  const { t, i18n } = useTranslation('forecast');
  const id = useId();
  const nameOf = (i: number) =>
    value.unit === 'month' ? monthName(i, i18n.language) : t('periods.quarter', { n: i + 1 });
  return (
    <div className="forecast-filters" role="group" aria-label={label}>
      <label htmlFor={`${id}-unit`}>
        {t('periods.unit')}
        <select
          id={`${id}-unit`}
          value={value.unit}
          onChange={(e) => onChange({ ...value, unit: e.target.value as PeriodUnit, index: 0 })}
        >
          {UNITS.map((u) => (
            <option key={u} value={u}>
              {t(`periods.units.${u}`)}
            </option>
          ))}
        </select>
      </label>
      <label htmlFor={`${id}-year`}>
        {t('periods.year')}
        <input
          id={`${id}-year`}
          type="number"
          min={2000}
          max={2100}
          value={value.year}
          onChange={(e) => {
            const year = Number(e.target.value);
            if (Number.isInteger(year) && year >= 2000 && year <= 2100)
              onChange({ ...value, year });
          }}
        />
      </label>
      {value.unit !== 'year' && (
        <label htmlFor={`${id}-index`}>
          {value.unit === 'month' ? t('periods.month') : t('periods.quarterLabel')}
          <select
            id={`${id}-index`}
            value={value.index}
            onChange={(e) => onChange({ ...value, index: Number(e.target.value) })}
          >
            {Array.from({ length: periodsInYear(value.unit) }, (_, i) => (
              <option key={i} value={i}>
                {nameOf(i)}
              </option>
            ))}
          </select>
        </label>
      )}
    </div>
  );
}
