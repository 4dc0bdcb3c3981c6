import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportFilters } from '../api/report-query';
import { useTrends, type TrendUnit } from '../api/trends';
import { CsvLink } from './csv-link';
import { SectionBody } from './section-states';

const TrendsChart = lazy(async () => ({ default: (await import('./trends-chart')).TrendsChart }));

type Props = { filters: ReportFilters; unit: TrendUnit; onUnit: (unit: TrendUnit) => void };

export function TrendsSection({ filters, unit, onUnit }: Props) {
  const { t } = useTranslation('reports');
  const params = { ...filters, unit };
  const query = useTrends(params);
  return (
    <section className="card reports-section" aria-labelledby="reports-trends">
      <header className="reports-section-head">
        <h2 id="reports-trends">{t('trends.title')}</h2>
        <div className="reports-section-tools">
          <div className="field reports-inline-field">
            <label htmlFor="reports-unit">{t('trends.unit')}</label>
            <select
              id="reports-unit"
              value={unit}
              onChange={(e) => onUnit(e.target.value as TrendUnit)}
            >
              {(['week', 'month', 'quarter'] as const).map((u) => (
                <option key={u} value={u}>
                  {t(`trends.units.${u}`)}
                </option>
              ))}
            </select>
          </div>
          <CsvLink report="trends" params={params} title={t('trends.title')} />
        </div>
      </header>
      <p className="muted small">{t('trends.explain')}</p>
      <SectionBody query={query}>
        {() => (
          <Suspense fallback={<p className="muted">{t('conversion.chartLoading')}</p>}>
            {query.data && <TrendsChart report={query.data} />}
          </Suspense>
        )}
      </SectionBody>
    </section>
  );
}
