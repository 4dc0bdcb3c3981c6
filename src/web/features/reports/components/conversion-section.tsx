import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useStageName } from '../../../lib/queries/pipelines';
import { useStageConversion, type ConversionMode } from '../api/stage-conversion';
import type { ReportFilters } from '../api/report-query';
import { ConversionTable } from './conversion-table';
import { CsvLink } from './csv-link';
import { SectionBody } from './section-states';

// The chart (and ECharts with it) loads after the numbers, which the table already shows.
const ConversionChart = lazy(async () => ({
  default: (await import('./conversion-chart')).ConversionChart,
}));

type Props = {
  filters: ReportFilters;
  mode: ConversionMode;
  onMode: (mode: ConversionMode) => void;
};

export function ConversionSection({ filters, mode, onMode }: Props) {
  const { t } = useTranslation('reports');
  const stageName = useStageName();
  const params = { ...filters, mode };
  const query = useStageConversion(params);
  const weakest = query.data?.stages.find((s) => s.stageId === query.data?.weakestStageId);
  return (
    <section className="card reports-section" aria-labelledby="reports-conversion">
      <header className="reports-section-head">
        <h2 id="reports-conversion">{t('conversion.title')}</h2>
        <div className="reports-section-tools">
          <div className="field reports-inline-field">
            <label htmlFor="reports-mode">{t('conversion.mode')}</label>
            <select
              id="reports-mode"
              value={mode}
              onChange={(e) => onMode(e.target.value as ConversionMode)}
            >
              <option value="cohort">{t('conversion.cohort')}</option>
              <option value="active">{t('conversion.active')}</option>
            </select>
          </div>
          <CsvLink report="stage-conversion" params={params} title={t('conversion.title')} />
        </div>
      </header>
      <p className="muted small">
        {mode === 'cohort' ? t('conversion.cohortExplain') : t('conversion.activeExplain')}
      </p>
      <SectionBody query={query}>
        {() => (
          <div aria-busy={query.isFetching}>
            {weakest && (
              <p className="reports-weakest-note">
                {t('conversion.weakestNote', { stage: stageName(weakest.name) })}
              </p>
            )}
            <Suspense fallback={<p className="muted">{t('conversion.chartLoading')}</p>}>
              {query.data && <ConversionChart report={query.data} />}
            </Suspense>
            {query.data && <ConversionTable report={query.data} />}
          </div>
        )}
      </SectionBody>
    </section>
  );
}
