import { useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { COLORS, pageFont, useChart } from '../../../components/charts/use-chart';

type Line = { name: string; values: (number | null)[] };

/** Absolute percentage error per closed period, one line per method or per person. */
export function AccuracyChart({ periods, lines }: { periods: string[]; lines: Line[] }) {
  const { t } = useTranslation('forecast');
  const ref = useRef<HTMLDivElement>(null);
  const option = useMemo(() => {
    const pct = (v: number) => `${Math.round(v * 100)}%`;
    return {
      textStyle: { fontFamily: pageFont(), color: COLORS.text },
      animation: false,
      color: COLORS.series,
      legend: { top: 0, type: 'scroll' },
      grid: { left: 56, right: 24, top: 40, bottom: 40 },
      tooltip: {
        trigger: 'axis',
        valueFormatter: (v: unknown) => (typeof v === 'number' ? pct(v) : '—'),
      },
      xAxis: { type: 'category', data: periods },
      yAxis: {
        type: 'value',
        min: 0,
        name: t('accuracy.axis'),
        axisLabel: { formatter: pct },
        splitLine: { lineStyle: { color: COLORS.grid } },
      },
      series: lines.map((l) => ({
        name: l.name,
        type: 'line',
        data: l.values,
        connectNulls: false,
        symbolSize: 8,
      })),
    };
  }, [periods, lines, t]);
  useChart(ref, option);
  return <div ref={ref} className="forecast-chart" role="img" aria-label={t('accuracy.chart')} />;
}
