import type { LineSeriesOption } from 'echarts/charts';
import type {
  GridComponentOption,
  LegendComponentOption,
  TooltipComponentOption,
} from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import { useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatPercent } from '../../../lib/format';
import type { Trends } from '../api/trends';
import { COLORS, pageFont, useChart } from '../../../components/charts/use-chart';

type Option = ComposeOption<
  LineSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption
>;

/** Created, won and lost per bucket (left axis), and the win rate (right axis, 0-100%). */
export function TrendsChart({ report }: { report: Trends }) {
  const { t, i18n } = useTranslation('reports');
  const lang = i18n.language;

  const ref = useRef<HTMLDivElement>(null);

  const option = useMemo((): Option => {
    const b = report.buckets;
    const line = (name: string, color: string, data: (number | null)[], yAxisIndex = 0) => ({
      type: 'line' as const,
      name,
      yAxisIndex,
      data,
      color,
      symbolSize: 6,
      connectNulls: false,
    });
    return {
      animationDuration: 300,
      textStyle: { fontFamily: pageFont() },
      legend: { top: 0, textStyle: { color: COLORS.text } },
      grid: { left: 8, right: 8, top: 36, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis' },
      xAxis: {
        type: 'category',
        data: b.map((x) => formatDate(x.from, lang)),
        axisLabel: { color: COLORS.text },
      },
      yAxis: [
        { type: 'value', minInterval: 1, splitLine: { lineStyle: { color: COLORS.grid } } },
        {
          type: 'value',
          min: 0,
          max: 1,
          splitLine: { show: false },
          axisLabel: { formatter: (v: number) => formatPercent(v, lang) },
        },
      ],
      series: [
        line(
          t('trends.created'),
          COLORS.open,
          b.map((x) => x.created),
        ),
        line(
          t('trends.won'),
          COLORS.won,
          b.map((x) => x.won),
        ),
        line(
          t('trends.lost'),
          COLORS.lost,
          b.map((x) => x.lost),
        ),
        {
          ...line(
            t('trends.winRate'),
            COLORS.weak,
            b.map((x) => x.winRate),
            1,
          ),
          lineStyle: { type: 'dashed' },
          tooltip: {
            valueFormatter: (v) => (typeof v === 'number' ? formatPercent(v, lang) : '—'),
          },
        },
      ],
    };
  }, [report, lang, t]);

  useChart(ref, option);
  return (
    <div
      ref={ref}
      className="reports-chart"
      role="img"
      aria-label={t('trends.chartLabel', { unit: t(`trends.units.${report.unit}`) })}
    />
  );
}
