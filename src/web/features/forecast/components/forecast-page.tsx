import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../components/ui/empty-state';
import { usePipelines } from '../../../lib/queries/pipelines';
import { OwnerField, TeamField } from '../../reports/components/filter-fields';
import { useForecast, type ForecastParams } from '../api/forecast';
import '../forecast.css';
import { AccuracySection } from './accuracy-section';
import { CalibrationTable } from './calibration-table';
import { MethodTable } from './method-table';
import { QuotaTile } from './quota-tile';
import { SnapshotButton } from './snapshot-button';
import { QuotasPanel } from './quotas-panel';
import { SubmissionsPanel } from './submissions-panel';

const UNITS = ['month', 'quarter', 'year'] as const;

export function ForecastPage() {
  const { t } = useTranslation('forecast');
  const pipelines = usePipelines();
  const [chosen, setChosen] = useState<string | null>(null);
  const [periodUnit, setPeriodUnit] = useState<ForecastParams['periodUnit']>('month');
  const [ownerId, setOwnerId] = useState('');
  const [teamId, setTeamId] = useState('');
  const pipelineId = chosen ?? pipelines.data?.[0]?.id ?? '';
  const forecast = useForecast(
    { pipelineId, periodUnit, ownerId: ownerId || undefined, teamId: teamId || undefined },
    pipelineId !== '',
  );
  const f = forecast.data;

  return (
    <div className="forecast-page">
      <header className="page-header">
        <h1>{t('title')}</h1>
      </header>
      {f && <p className="muted">{t('explain', { currency: f.currency })}</p>}
      {pipelines.data?.length === 0 ? (
        <EmptyState title={t('noPipelines')} />
      ) : (
        <>
          <div className="forecast-filters" role="group" aria-label={t('filters')}>
            <label>
              {t('pipeline')}
              <select value={pipelineId} onChange={(e) => setChosen(e.target.value)}>
                {pipelines.data?.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('period')}
              <select
                value={periodUnit}
                onChange={(e) => setPeriodUnit(e.target.value as ForecastParams['periodUnit'])}
              >
                {UNITS.map((u) => (
                  <option key={u} value={u}>
                    {t(`units.${u}`)}
                  </option>
                ))}
              </select>
            </label>
            <OwnerField id="forecast-owner" value={ownerId} onChange={setOwnerId} />
            <TeamField id="forecast-team" value={teamId} onChange={setTeamId} />
          </div>
          <QuotaTile periodUnit={periodUnit} />
          {forecast.isError && <p role="alert">{t('loadError')}</p>}
          {f && (
            <>
              <p className="muted small">
                {f.period.from} – {f.period.to}
              </p>
              <MethodTable f={f} />
              {f.unconvertedDealIds.length > 0 && (
                <p className="muted small">
                  {t('unconverted', { count: f.unconvertedDealIds.length })}
                </p>
              )}
            </>
          )}
          <SnapshotButton pipelineId={pipelineId} />
          <CalibrationTable pipelineId={pipelineId} />
          <AccuracySection pipelineId={pipelineId} periodUnit={periodUnit} />
        </>
      )}
      <QuotasPanel />
      <SubmissionsPanel />
    </div>
  );
}
