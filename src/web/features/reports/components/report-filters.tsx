import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTeams, useUsers } from '../../../lib/queries/people';
import { useStageName, type Pipeline } from '../../../lib/queries/pipelines';
import { periodPresets, type DateRange } from '../model/report-periods';
import type { ReportSearch } from '../model/report-search';

type Props = {
  pipelines: Pipeline[];
  pipelineId: string;
  onPipeline: (id: string) => void;
  search: ReportSearch;
  range: DateRange;
  onChange: (patch: Partial<ReportSearch>) => void;
};

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);

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
  const stageName = useStageName();
  const users = useUsers();
  const teams = useTeams();
  // Typed text is committed on blur or Enter, not per keystroke (each commit reloads 4 reports).
  const [source, setSource] = useState(search.source ?? '');
  useEffect(() => setSource(search.source ?? ''), [search.source]);
  const commitSource = () => onChange({ source: source.trim() || undefined });

  return (
    <section className="reports-filters" aria-label={t('filters.label')}>
      <div className="field">
        <label htmlFor="reports-pipeline">{t('filters.pipeline')}</label>
        <select
          id="reports-pipeline"
          value={pipelineId}
          onChange={(e) => onPipeline(e.target.value)}
        >
          {pipelines.map((p) => (
            <option key={p.id} value={p.id}>
              {stageName(p.name)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="reports-period">{t('filters.period')}</label>
        <select
          id="reports-period"
          value={search.preset}
          onChange={(e) => {
            const preset = e.target.value as ReportSearch['preset'];
            // A custom period starts from the days shown, so switching loses nothing.
            onChange(preset === 'custom' ? { preset, ...range } : { preset });
          }}
        >
          {periodPresets.map((p) => (
            <option key={p} value={p}>
              {t(`presets.${p}`)}
            </option>
          ))}
          <option value="custom">{t('presets.custom')}</option>
        </select>
      </div>
      {search.preset === 'custom' && (
        <>
          <div className="field">
            <label htmlFor="reports-from">{t('filters.from')}</label>
            <input
              id="reports-from"
              type="date"
              value={range.from}
              max={range.to}
              onChange={(e) => e.target.value && onChange({ from: e.target.value })}
            />
          </div>
          <div className="field">
            <label htmlFor="reports-to">{t('filters.to')}</label>
            <input
              id="reports-to"
              type="date"
              value={range.to}
              min={range.from}
              onChange={(e) => e.target.value && onChange({ to: e.target.value })}
            />
          </div>
        </>
      )}
      <div className="field">
        <label htmlFor="reports-owner">{t('filters.owner')}</label>
        <select
          id="reports-owner"
          value={search.ownerId ?? ''}
          onChange={(e) => onChange({ ownerId: e.target.value || undefined })}
        >
          <option value="">{t('filters.anyOwner')}</option>
          {(users.data ?? [])
            .filter((u) => u.active)
            .sort(byName)
            .map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="reports-team">{t('filters.team')}</label>
        <select
          id="reports-team"
          value={search.teamId ?? ''}
          onChange={(e) => onChange({ teamId: e.target.value || undefined })}
        >
          <option value="">{t('filters.anyTeam')}</option>
          {[...(teams.data ?? [])].sort(byName).map((team) => (
            <option key={team.id} value={team.id}>
              {team.name}
            </option>
          ))}
        </select>
      </div>
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
