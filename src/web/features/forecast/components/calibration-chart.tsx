import { useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { COLORS, pageFont, useChart } from '../../../components/charts/use-chart';
import type { Backtest } from '../api/backtests';

type Bin = Backtest['calibration'][number];

/**
 * Predicted chance against the share that was won, one point per bin at its mean prediction,
 * the diagonal a calibrated model would sit on, and how many predictions each bin holds.
 */
export function CalibrationChart({ bins }: { bins: Bin[] }) {
  const { t } = useTranslation('forecast');
  const ref = useRef<HTMLDivElement>(null);
  const option = useMemo(() => {
    const filled = bins.filter((b) => b.count > 0);
    const pct = (v: number) => `${Math.round(v * 100)}%`;
    return {
      textStyle: { fontFamily: pageFont(), color: COLORS.text },
      animation: false,
      legend: { top: 0 },
      grid: { left: 56, right: 56, top: 40, bottom: 48 },
      tooltip: { trigger: 'item' },
      xAxis: {
        type: 'value',
        min: 0,
        max: 1,
        name: t('calibration.predicted'),
        nameLocation: 'middle',
        nameGap: 28,
        axisLabel: { formatter: pct },
      },
      yAxis: [
        {
          type: 'value',
          min: 0,
          max: 1,
          name: t('calibration.observed'),
          axisLabel: { formatter: pct },
          splitLine: { lineStyle: { color: COLORS.grid } },
        },
        { type: 'value', name: t('calibration.count'), splitLine: { show: false } },
      ],
      series: [
        {
          name: t('calibration.deals'),
          type: 'bar',
          yAxisIndex: 1,
          barWidth: '60%',
          itemStyle: { color: COLORS.grid },
          data: bins.map((b) => [(b.from + b.to) / 2, b.count]),
          tooltip: {
            valueFormatter: (v: unknown) => String(Array.isArray(v) ? v[1] : v),
          },
        },
        {
          name: t('calibration.perfect'),
          type: 'line',
          data: [
            [0, 0],
            [1, 1],
          ],
          symbol: 'none',
          lineStyle: { type: 'dashed', color: COLORS.muted },
          tooltip: { show: false },
        },
        {
          name: t('calibration.learned'),
          type: 'line',
          data: filled.map((b) => [b.meanPredicted, b.observed, b.count]),
          symbolSize: 10,
          itemStyle: { color: COLORS.open },
          tooltip: {
            formatter: (p: { value: [number, number, number] }) =>
              t('calibration.tooltip', {
                predicted: pct(p.value[0]),
                observed: pct(p.value[1]),
                count: p.value[2],
              }),
          },
        },
      ],
    };
  }, [bins, t]);
  useChart(ref, option);
  return (
    <div ref={ref} className="forecast-chart" role="img" aria-label={t('calibration.label')} />
  );
}
