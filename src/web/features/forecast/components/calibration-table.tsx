import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber, formatPercent } from '../../../lib/format';
import { useLatestBacktest } from '../api/backtests';

// ECharts loads only when there is a calibration to draw.
const CalibrationChart = lazy(async () => ({
  default: (await import('./calibration-chart')).CalibrationChart,
}));

/** How the methods did on past periods, and whether the learned chances came true. */
export function CalibrationTable({ pipelineId }: { pipelineId: string }) {
  const { t, i18n } = useTranslation('forecast');
  const lang = i18n.language;
  const backtest = useLatestBacktest(pipelineId);
  const b = backtest.data;
  if (!b) return null;
  const labels: Record<string, string> = {
    stage_weighted: t('methods.stageWeighted'),
    commit: t('methods.commit'),
    best_case: t('methods.bestCase'),
    learned: t('methods.learnedP50'),
  };
  const pct = (v: number | null) => (v === null ? '—' : formatPercent(v, lang));
  return (
    <section className="forecast-backtest" aria-label={t('backtest.title')}>
      <h2>{t('backtest.title')}</h2>
      <p className="muted small">{t('backtest.explain', { from: b.from, to: b.to })}</p>
      <table className="forecast-methods">
        <thead>
          <tr>
            <th scope="col">{t('methods.method')}</th>
            <th scope="col">{t('backtest.countError')}</th>
            <th scope="col">{t('backtest.countPercentError')}</th>
            <th scope="col">{t('backtest.amountPercentError')}</th>
            <th scope="col">{t('backtest.coverage')}</th>
          </tr>
        </thead>
        <tbody>
          {b.summary.map((s) => (
            <tr key={s.method}>
              <th scope="row">{labels[s.method] ?? s.method}</th>
              <td>{formatNumber(Math.round(s.countMae * 100) / 100, lang)}</td>
              <td>{pct(s.countMape ?? null)}</td>
              <td>{pct(s.amountMape ?? null)}</td>
              <td>{s.coverage ? pct(s.coverage.count) : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3 className="forecast-subtitle">{t('backtest.calibration')}</h3>
      <p className="muted small">{t('calibration.explain')}</p>
      <Suspense fallback={<p className="muted">{t('calibration.loading')}</p>}>
        <CalibrationChart bins={b.calibration} />
      </Suspense>
      <table className="forecast-methods" aria-label={t('backtest.calibration')}>
        <caption className="muted small">{t('backtest.calibration')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('backtest.predicted')}</th>
            <th scope="col">{t('backtest.observed')}</th>
            <th scope="col">{t('methods.deals')}</th>
          </tr>
        </thead>
        <tbody>
          {b.calibration
            .filter((bin) => bin.count > 0)
            .map((bin) => (
              <tr key={bin.from}>
                <th scope="row">{pct(bin.meanPredicted)}</th>
                <td>{pct(bin.observed)}</td>
                <td>{formatNumber(bin.count, lang)}</td>
              </tr>
            ))}
        </tbody>
      </table>
    </section>
  );
}
