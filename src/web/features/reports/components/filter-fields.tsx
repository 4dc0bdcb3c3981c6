import { useTranslation } from 'react-i18next';
import { useTeams, useUsers } from '../../../lib/queries/people';
import { useStageName, type Pipeline } from '../../../lib/queries/pipelines';
import { periodPresets, type DateRange, type PeriodPreset } from '../model/report-periods';

// The filter fields the Reports page and the dashboards share; each caller owns its state.
const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);

type Select = { id: string; value: string; onChange: (value: string) => void };

export function PipelineField({
  id,
  value,
  onChange,
  pipelines,
}: Select & { pipelines: Pipeline[] }) {
  const { t } = useTranslation('reports');
  const stageName = useStageName();
  return (
    <div className="field">
      <label htmlFor={id}>{t('filters.pipeline')}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        {pipelines.map((p) => (
          <option key={p.id} value={p.id}>
            {stageName(p.name)}
          </option>
        ))}
      </select>
    </div>
  );
}

type PeriodProps = {
  idPrefix: string;
  preset: PeriodPreset | 'custom';
  range: DateRange;
  onPreset: (preset: PeriodPreset | 'custom') => void;
  onDay: (patch: { from: string } | { to: string }) => void;
};

/** A preset period, or two days when "custom" is chosen. */
export function PeriodFields({ idPrefix, preset, range, onPreset, onDay }: PeriodProps) {
  const { t } = useTranslation('reports');
  return (
    <>
      <div className="field">
        <label htmlFor={`${idPrefix}-period`}>{t('filters.period')}</label>
        <select
          id={`${idPrefix}-period`}
          value={preset}
          onChange={(e) => onPreset(e.target.value as PeriodPreset | 'custom')}
        >
          {periodPresets.map((p) => (
            <option key={p} value={p}>
              {t(`presets.${p}`)}
            </option>
          ))}
          <option value="custom">{t('presets.custom')}</option>
        </select>
      </div>
      {preset === 'custom' && (
        <>
          <div className="field">
            <label htmlFor={`${idPrefix}-from`}>{t('filters.from')}</label>
            <input
              id={`${idPrefix}-from`}
              type="date"
              value={range.from}
              max={range.to}
              onChange={(e) => e.target.value && onDay({ from: e.target.value })}
            />
          </div>
          <div className="field">
            <label htmlFor={`${idPrefix}-to`}>{t('filters.to')}</label>
            <input
              id={`${idPrefix}-to`}
              type="date"
              value={range.to}
              min={range.from}
              onChange={(e) => e.target.value && onDay({ to: e.target.value })}
            />
          </div>
        </>
      )}
    </>
  );
}

/** Any owner or one (active people only when `activeOnly`), by name. */
export function OwnerField({ id, value, onChange, activeOnly }: Select & { activeOnly?: boolean }) {
  const { t } = useTranslation('reports');
  const users = useUsers();
  return (
    <div className="field">
      <label htmlFor={id}>{t('filters.owner')}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t('filters.anyOwner')}</option>
        {(users.data ?? [])
          .filter((u) => !activeOnly || u.active)
          .sort(byName)
          .map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
      </select>
    </div>
  );
}

export function TeamField({ id, value, onChange }: Select) {
  const { t } = useTranslation('reports');
  const teams = useTeams();
  return (
    <div className="field">
      <label htmlFor={id}>{t('filters.team')}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t('filters.anyTeam')}</option>
        {[...(teams.data ?? [])].sort(byName).map((team) => (
          <option key={team.id} value={team.id}>
            {team.name}
          </option>
        ))}
      </select>
    </div>
  );
}
