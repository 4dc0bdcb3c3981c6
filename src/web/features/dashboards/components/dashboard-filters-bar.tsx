import { useTranslation } from 'react-i18next';
import type { DashboardFilters } from '../../../../contracts/dashboards';
import type { Pipeline } from '../../../lib/queries/pipelines';
import {
  OwnerField,
  PeriodFields,
  PipelineField,
  TeamField,
} from '../../reports/components/filter-fields';
import type { DateRange } from '../../reports/model/report-periods';

type Props = {
  pipelines: Pipeline[];
  filters: DashboardFilters;
  pipelineId: string;
  range: DateRange;
  onChange: (next: DashboardFilters) => void;
};

/** Period, pipeline, owner and team for every widget; changes go to the address. */
export function DashboardFiltersBar({ pipelines, filters, pipelineId, range, onChange }: Props) {
  const { t } = useTranslation('dashboards');
  const set = (patch: Partial<DashboardFilters>) => {
    const next: Record<string, unknown> = { ...filters, ...patch };
    for (const k of Object.keys(next)) if (next[k] === undefined || next[k] === '') delete next[k];
    onChange(next as DashboardFilters);
  };

  return (
    <section className="reports-filters dash-filters" aria-label={t('filters.label')}>
      <PeriodFields
        idPrefix="dash"
        preset={filters.preset}
        range={range}
        onPreset={(preset) =>
          set(
            preset === 'custom' ? { preset, ...range } : { preset, from: undefined, to: undefined },
          )
        }
        onDay={set}
      />
      <PipelineField
        id="dash-pipeline"
        value={pipelineId}
        onChange={(v) => set({ pipelineId: v })}
        pipelines={pipelines}
      />
      <OwnerField
        id="dash-owner"
        value={filters.ownerId ?? ''}
        onChange={(v) => set({ ownerId: v || undefined })}
      />
      <TeamField
        id="dash-team"
        value={filters.teamId ?? ''}
        onChange={(v) => set({ teamId: v || undefined })}
      />
    </section>
  );
}
