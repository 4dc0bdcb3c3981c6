// Every dashboard chart, in the one module the dashboards load ECharts through (lazily, after the
// numbers): the Reports page's charts where they fit, and bars for trend, leaderboard and forecast
// whose clicks drill down to the deals behind them.
import type { BarSeriesOption } from 'echarts/charts';
import type {
  GridComponentOption,
  LegendComponentOption,
  TooltipComponentOption,
} from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import { useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMoney, formatNumber } from '../../../lib/format';
import { ChannelsChart } from '../../reports/components/channels-chart';
import { ConversionChart, type ActiveOutcome } from '../../reports/components/conversion-chart';
import {
  categoryLabels,
  COLORS,
  pageFont,
  useChart,
  useNarrow,
} from '../../../components/charts/use-chart';
import { WaterfallChart } from '../../reports/components/waterfall-chart';
import type { ReportData } from '../api/widget-report';

type Option = ComposeOption<
  BarSeriesOption | GridComponentOption | TooltipComponentOption | LegendComponentOption
>;

/** A click on a bar: the category's index and the series' index. */
export type BarClick = { dataIndex: number; seriesIndex: number };

type Series = { name: string; color: string; data: number[] };

function Bars({
  label,
  categories,
  series,
  currency,
  onClick,
}: {
  label: string;
  categories: string[];
  series: Series[];
  /** Money of this currency; counts without it. */
  currency?: string;
  onClick?: ((p: BarClick) => void) | undefined;
}) {
  const { i18n } = useTranslation();
  const lang = i18n.language;
  const ref = useRef<HTMLDivElement>(null);
  const narrow = useNarrow(ref);
  const option = useMemo((): Option => {
    const format = (v: number) =>
      currency ? formatMoney(v, currency, lang, true) : formatNumber(v, lang);
    return {
      animationDuration: 300,
      textStyle: { fontFamily: pageFont() },
      grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
      legend: { show: series.length > 1, top: 0 },
      tooltip: { trigger: 'axis', valueFormatter: (v) => format(Number(v)) },
      xAxis: { type: 'category', data: categories, axisLabel: categoryLabels(narrow) },
      yAxis: {
        type: 'value',
        axisLabel: { formatter: (v: number) => format(v), color: COLORS.muted },
        splitLine: { lineStyle: { color: COLORS.grid } },
      },
      series: series.map((s) => ({
        type: 'bar',
        name: s.name,
        data: s.data,
        itemStyle: { color: s.color },
        cursor: onClick ? 'pointer' : 'default',
      })),
    };
  }, [categories, series, currency, lang, narrow, onClick]);
  useChart(
    ref,
    option,
    onClick
      ? (p) => onClick({ dataIndex: p.dataIndex, seriesIndex: p.seriesIndex ?? 0 })
      : undefined,
  );
  return <div ref={ref} className="dash-chart" role="img" aria-label={label} />;
}

type Props = {
  data: ReportData;
  label: string;
  /** A trend bar: the bucket and which count; a leaderboard bar: the row. */
  onTrendBar: (bucket: number, metric: 'created' | 'won' | 'lost') => void;
  onLeaderBar: (row: number) => void;
  onWaterfallBar: (bar: string) => void;
  onConversionBar: (stageId: string, outcome?: ActiveOutcome) => void;
  onChannelBar: (channel: string | null) => void;
};

export function WidgetChart({
  data,
  label,
  onTrendBar,
  onLeaderBar,
  onWaterfallBar,
  onConversionBar,
  onChannelBar,
}: Props) {
  const { t } = useTranslation('dashboards');
  switch (data.report) {
    case 'trend': {
      const b = data.data.buckets;
      const metrics = ['created', 'won', 'lost'] as const;
      return (
        <Bars
          label={label}
          categories={b.map((x) => x.from)}
          series={metrics.map((m) => ({
            name: t(`columns.${m}`),
            color: m === 'created' ? COLORS.open : m === 'won' ? COLORS.won : COLORS.lost,
            data: b.map((x) => x[m]),
          }))}
          onClick={(p) => onTrendBar(p.dataIndex, metrics[p.seriesIndex] ?? 'created')}
        />
      );
    }
    case 'leaderboard': {
      const base = data.data.baseCurrency;
      return (
        <Bars
          label={label}
          categories={data.data.rows.map((r) => r.name)}
          series={[
            {
              name: t('columns.wonValue'),
              color: COLORS.won,
              data: data.data.rows.map((r) => r.wonValue.total),
            },
          ]}
          currency={base}
          onClick={data.data.by === 'owner' ? (p) => onLeaderBar(p.dataIndex) : undefined}
        />
      );
    }
    case 'forecast': {
      const f = data.data;
      const rows: Array<[string, number]> = [
        ['won', f.won.amount],
        ['stageWeighted', f.stageWeighted.amount],
        ['commit', f.category.commit.amount],
        ['bestCase', f.category.bestCase.amount],
        ['p10', f.learned.amount.p10],
        ['p50', f.learned.amount.p50],
        ['p90', f.learned.amount.p90],
      ];
      return (
        <Bars
          label={label}
          categories={rows.map(([k]) => t(`forecast.${k}`))}
          series={[
            {
              name: t('reports.forecast'),
              color: COLORS.open,
              data: rows.map(([, v]) => Math.round(v)),
            },
          ]}
          currency={f.currency}
        />
      );
    }
    case 'conversion':
      return <ConversionChart report={data.data} onSelectStage={onConversionBar} />;
    case 'channels':
      return <ChannelsChart report={data.data} onSelectChannel={onChannelBar} />;
    case 'waterfall': {
      const first = data.data.currencies[0];
      if (!first) return <p className="muted">{t('widget.noData')}</p>;
      const bars = first.bars.filter((b) => b.bar === 'start' || b.bar === 'end' || b.amount > 0);
      return <WaterfallChart bars={bars} currency={first.currency} onSelect={onWaterfallBar} />;
    }
    case 'activities':
      return null;
  }
}
