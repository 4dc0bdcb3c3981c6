import type { BarSeriesOption } from 'echarts/charts';
import type {
  GridComponentOption,
  LegendComponentOption,
  TooltipComponentOption,
} from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import { useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../../lib/format';
import type { Channels } from '../api/channels';
import {
  categoryLabels,
  COLORS,
  pageFont,
  useChart,
  useNarrow,
} from '../../../components/charts/use-chart';

type Option = ComposeOption<
  BarSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption
>;

/**
 * Won value beside spend per channel, both in the workspace currency; a click on a won-value bar
 * gives its channel (null: without a source) to `onSelectChannel` (dashboards drill down).
 */
export function ChannelsChart({
  report,
  onSelectChannel,
}: {
  report: Channels;
  onSelectChannel?: ((channel: string | null) => void) | undefined;
}) {
  const { t, i18n } = useTranslation('reports');
  const lang = i18n.language;
  const ref = useRef<HTMLDivElement>(null);
  const narrow = useNarrow(ref);
  const base = report.baseCurrency;

  const option = useMemo((): Option => {
    const rows = report.channels;
    const money = (v: number) => formatMoney(v, base, lang, true);
    return {
      animationDuration: 300,
      textStyle: { fontFamily: pageFont() },
      legend: { top: 0, textStyle: { color: COLORS.text } },
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        valueFormatter: (v) => formatMoney(Number(v), base, lang),
      },
      grid: { left: 8, right: 24, top: 40, bottom: 8, containLabel: true },
      xAxis: {
        type: 'category',
        data: rows.map((r) => r.channel ?? t('channels.noSource')),
        axisLabel: categoryLabels(narrow),
      },
      yAxis: {
        type: 'value',
        axisLabel: { formatter: (v: number) => money(v) },
        splitLine: { lineStyle: { color: COLORS.grid } },
      },
      series: [
        {
          type: 'bar',
          name: t('channels.wonValue'),
          barMaxWidth: 40,
          itemStyle: { color: COLORS.won },
          data: rows.map((r) => r.wonValue.total),
        },
        {
          type: 'bar',
          name: t('channels.spend'),
          barMaxWidth: 40,
          itemStyle: { color: COLORS.weak },
          data: rows.map((r) => r.spend?.total ?? 0),
        },
      ],
    };
  }, [report, base, lang, t, narrow]);

  useChart(
    ref,
    option,
    onSelectChannel &&
      ((p) => {
        const row = report.channels[p.dataIndex];
        // The spend bars have no deals behind them.
        if (row && p.seriesIndex === 0) onSelectChannel(row.channel);
      }),
  );
  return (
    <div ref={ref} className="reports-chart" role="img" aria-label={t('channels.chartLabel')} />
  );
}
