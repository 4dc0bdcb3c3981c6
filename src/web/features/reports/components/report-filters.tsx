import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Pipeline } from '../../../lib/queries/pipelines';
import type { DateRange } from '../model/report-periods';
import type { ReportSearch } from '../model/report-search';
import { OwnerField, PeriodFields, PipelineField, TeamField } from './filter-fields';

type Props = {
  pipelines: Pipeline[];
  pipelineId: string;
  onPipeline: (id: string) => void;
  search: ReportSearch;
  range: DateRange;
  onChange: (patch: Partial<ReportSearch>) => void;
};

/** Pipeline, period (a preset or two days), owner, team and source. */
export function ReportFilters({
  pipelines,
  pipelineId,
  onPipeline,
  search,
  range,
  onChange,
}: Props) {
  const { t } = useTranslation('reports');
  // Typed text is committed on blur or Enter, not per keystroke (each commit reloads 4 reports).
  const [source, setSource] = useState(search.source ?? '');
  useEffect(() => setSource(search.source ?? ''), [search.source]);
  const commitSource = () => onChange({ source: source.trim() || undefined });

  return (
    <section className="reports-filters" aria-label={t('filters.label')}>
      <PipelineField
        id="reports-pipeline"
        value={pipelineId}
        onChange={onPipeline}
        pipelines={pipelines}
      />
      <PeriodFields
        idPrefix="reports"
        preset={search.preset}
        range={range}
        // A custom period starts from the days shown, so switching loses nothing.
        onPreset={(preset) => onChange(preset === 'custom' ? { preset, ...range } : { preset })}
        onDay={onChange}
      />
      <OwnerField
        id="reports-owner"
        value={search.ownerId ?? ''}
        onChange={(v) => onChange({ ownerId: v || undefined })}
        activeOnly
      />
      <TeamField
        id="reports-team"
        value={search.teamId ?? ''}
        onChange={(v) => onChange({ teamId: v || undefined })}
      />
      <div className="field">
        <label htmlFor="reports-source">{t('filters.source')}</label>
        <input
          id="reports-source"
          type="search"
          value={source}
          placeholder={t('filters.sourcePlaceholder')}
          maxLength={80}
          onChange={(e) => setSource(e.target.value)}
          onBlur={commitSource}
          onKeyDown={(e) => e.key === 'Enter' && commitSource()}
        />
      </div>
    </section>
  );
}
