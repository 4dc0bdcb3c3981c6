import { useTranslation } from 'react-i18next';
import type { DashboardFilters } from '../../../../contracts/dashboards';
import { useTeams, useUsers } from '../../../lib/queries/people';
import { useStageName, type Pipeline } from '../../../lib/queries/pipelines';
import { periodPresets, type DateRange } from '../../reports/model/report-periods';

type Props = {
  pipelines: Pipeline[];
  filters: DashboardFilters;
  pipelineId: string;
  range: DateRange;
  onChange: (next: DashboardFilters) => void;
};

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);

/** Period, pipeline, owner and team for every widget; changes go to the address. */
export function DashboardFiltersBar({ pipelines, filters, pipelineId, range, onChange }: Props) {
  const { t } = useTranslation('dashboards');
  const { t: r } = useTranslation('reports');
  const stageName = useStageName();
  const users = useUsers();
  const teams = useTeams();
  const set = (patch: Partial<DashboardFilters>) => {
    const next: Record<string, unknown> = { ...filters, ...patch };
    for (const k of Object.keys(next)) if (next[k] === undefined || next[k] === '') delete next[k];
    onChange(next as DashboardFilters);
  };

  return (
    <section className="reports-filters dash-filters" aria-label={t('filters.label')}>
      <div className="field">
        <label htmlFor="dash-period">{r('filters.period')}</label>
        <select
          id="dash-period"
          value={filters.preset}
          onChange={(e) => {
            const preset = e.target.value as DashboardFilters['preset'];
            set(
              preset === 'custom'
                ? { preset, ...range }
                : { preset, from: undefined, to: undefined },
            );
          }}
        >
          {periodPresets.map((p) => (
            <option key={p} value={p}>
              {r(`presets.${p}`)}
            </option>
          ))}
          <option value="custom">{r('presets.custom')}</option>
        </select>
      </div>
      {filters.preset === 'custom' && (
        <>
          <div className="field">
            <label htmlFor="dash-from">{r('filters.from')}</label>
            <input
              id="dash-from"
              type="date"
              value={range.from}
              max={range.to}
              onChange={(e) => e.target.value && set({ from: e.target.value })}
            />
          </div>
          <div className="field">
            <label htmlFor="dash-to">{r('filters.to')}</label>
            <input
              id="dash-to"
              type="date"
              value={range.to}
              min={range.from}
              onChange={(e) => e.target.value && set({ to: e.target.value })}
            />
          </div>
        </>
      )}
      <div className="field">
        <label htmlFor="dash-pipeline">{r('filters.pipeline')}</label>
        <select
          id="dash-pipeline"
          value={pipelineId}
          onChange={(e) => set({ pipelineId: e.target.value })}
        >
          {pipelines.map((p) => (
            <option key={p.id} value={p.id}>
              {stageName(p.name)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="dash-owner">{r('filters.owner')}</label>
        <select
          id="dash-owner"
          value={filters.ownerId ?? ''}
          onChange={(e) => set({ ownerId: e.target.value || undefined })}
        >
          <option value="">{r('filters.anyOwner')}</option>
          {[...(users.data ?? [])].sort(byName).map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="dash-team">{r('filters.team')}</label>
        <select
          id="dash-team"
          value={filters.teamId ?? ''}
          onChange={(e) => set({ teamId: e.target.value || undefined })}
        >
          <option value="">{r('filters.anyTeam')}</option>
          {[...(teams.data ?? [])].sort(byName).map((x) => (
            <option key={x.id} value={x.id}>
              {x.name}
            </option>
          ))}
        </select>
      </div>
    </section>
  );
}
