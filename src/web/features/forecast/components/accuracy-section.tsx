import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../components/ui/empty-state';
import { formatPercent } from '../../../lib/format';
import { useTeams, useUsers } from '../../../lib/queries/people';
import { useAccuracy, type AccuracyParams, type AccuracyRow } from '../api/accuracy';
import { accuracySeries } from '../lib/accuracy-series';

// ECharts loads only when there is a closed period to draw.
const AccuracyChart = lazy(async () => ({
  default: (await import('./accuracy-chart')).AccuracyChart,
}));

type View = 'methods' | 'people';

/** How far each forecast of record was from what was won, period after period. */
export function AccuracySection(params: AccuracyParams) {
  const { t, i18n } = useTranslation('forecast');
  const lang = i18n.language;
  const report = useAccuracy(params);
  const users = useUsers();
  const teams = useTeams();
  const [chosen, setChosen] = useState<View | null>(null);
  const [measure, setMeasure] = useState<'amount' | 'count'>('amount');
  const data = report.data;
  if (!data) return report.isError ? <p role="alert">{report.error.message}</p> : null;
  // Reps have no method rows: their own submissions are what they see.
  const view: View = chosen ?? (data.methods.length > 0 ? 'methods' : 'people');
  const rows = view === 'methods' ? data.methods : data.people;
  const labelOf = (r: AccuracyRow) =>
    view === 'methods'
      ? t(`accuracy.methods.${r.method}`)
      : r.userId
        ? (users.data?.find((u) => u.id === r.userId)?.name ?? '…')
        : t('quotas.teamName', { name: teams.data?.find((x) => x.id === r.teamId)?.name ?? '…' });
  const { periods, series } = accuracySeries(
    rows,
    (r) => (view === 'methods' ? r.method : (r.userId ?? `team:${r.teamId}`)),
    measure,
  );
  const pct = (v: number | null) => (v === null ? '—' : formatPercent(v, lang));
  return (
    <section className="forecast-section" aria-labelledby="forecast-accuracy-title">
      <h2 id="forecast-accuracy-title">{t('accuracy.title')}</h2>
      <p className="muted small">{t('accuracy.explain')}</p>
      <div className="forecast-filters">
        <label>
          {t('accuracy.view')}
          <select value={view} onChange={(e) => setChosen(e.target.value as View)}>
            {data.methods.length > 0 && <option value="methods">{t('accuracy.byMethod')}</option>}
            <option value="people">{t('accuracy.byPerson')}</option>
          </select>
        </label>
        <label>
          {t('accuracy.measure')}
          <select
            value={measure}
            onChange={(e) => setMeasure(e.target.value as 'amount' | 'count')}
          >
            <option value="amount">{t('accuracy.amount')}</option>
            <option value="count">{t('accuracy.count')}</option>
          </select>
        </label>
      </div>
      {rows.length === 0 ? (
        <EmptyState title={t('accuracy.empty')} />
      ) : (
        <>
          <Suspense fallback={<p className="muted">{t('calibration.loading')}</p>}>
            <AccuracyChart
              periods={periods}
              lines={series.map((s) => ({ name: labelOf(s.sample), values: s.values }))}
            />
          </Suspense>
          <table className="forecast-methods" aria-label={t('accuracy.table')}>
            <thead>
              <tr>
                <th scope="col">{view === 'methods' ? t('methods.method') : t('accuracy.who')}</th>
                {periods.map((p) => (
                  <th key={p} scope="col">
                    {p}
                  </th>
                ))}
                <th scope="col">{t('accuracy.mean')}</th>
              </tr>
            </thead>
            <tbody>
              {series.map((s) => (
                <tr key={s.key}>
                  <th scope="row">{labelOf(s.sample)}</th>
                  {s.values.map((v, i) => (
                    <td key={periods[i]}>{pct(v)}</td>
                  ))}
                  <td>{pct(s.mean)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
