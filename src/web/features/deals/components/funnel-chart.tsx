// Only what the funnel draws is imported from ECharts, and this file is loaded on demand by the
// funnel page: the chart library never reaches the main bundle.
import { BarChart, type BarSeriesOption } from 'echarts/charts';
import {
  GridComponent,
  TooltipComponent,
  type GridComponentOption,
  type TooltipComponentOption,
} from 'echarts/components';
import { init, use as registerCharts, type ComposeOption, type EChartsType } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMoney, formatNumber, formatPercent } from '../../../lib/format';
import { useStageName } from '../../../lib/queries/pipelines';
import type { FunnelRow } from '../model/funnel-rows';

registerCharts([BarChart, GridComponent, TooltipComponent, CanvasRenderer]);

type Option = ComposeOption<BarSeriesOption | GridComponentOption | TooltipComponentOption>;

const OPEN = '#2457d6';
const WON = '#1a7f37';
const TEXT = '#1d2430';
const MUTED = '#5b6574';

const escape = (text: string) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

/** One horizontal bar per open stage (deals that reached it) and one for won, widest at the top. */
export function FunnelChart({ rows, label }: { rows: FunnelRow[]; label: string }) {
  const { t, i18n } = useTranslation('deals');
  const stageName = useStageName();
  const ref = useRef<HTMLDivElement>(null);
  const chartRef = useRef<EChartsType>(null);
  const [narrow, setNarrow] = useState(false);
  const lang = i18n.language;

  useEffect(() => {
    const node = ref.current;
    if (!node) return;
    const chart = init(node, undefined, { renderer: 'canvas' });
    chartRef.current = chart;
    const observer = new ResizeObserver(() => {
      chart.resize();
      setNarrow(node.clientWidth < 520);
    });
    observer.observe(node);
    return () => {
      observer.disconnect();
      chart.dispose();
      chartRef.current = null;
    };
  }, []);

  useEffect(() => {
    const chart = chartRef.current;
    if (!chart) return;
    const barLabel = (row: FunnelRow) => {
      const count = formatNumber(row.reachedCount, lang);
      if (row.kind === 'won') return t('funnel.wonLabel', { count });
      const share = row.toNext === null ? null : formatPercent(row.toNext, lang);
      // A phone has room for the numbers only; the table below spells them out.
      if (narrow) return share === null ? count : `${count} · ${share}`;
      const reached = t('funnel.reachedLabel', { count });
      return share === null ? reached : `${reached} · ${t('funnel.toNextLabel', { share })}`;
    };
    const tooltip = (row: FunnelRow) =>
      [
        `<strong>${escape(stageName(row.name))}</strong>`,
        `${t('funnel.reached')}: ${formatNumber(row.reachedCount, lang)}`,
        row.toNext === null ? '' : `${t('funnel.toNext')}: ${formatPercent(row.toNext, lang)}`,
        row.kind === 'open' ? `${t('funnel.openNow')}: ${formatNumber(row.openCount, lang)}` : '',
        ...row.openTotals.map(
          (total) => `${t('funnel.openValue')}: ${formatMoney(total.value, total.currency, lang)}`,
        ),
      ]
        .filter(Boolean)
        .join('<br>');
    const option: Option = {
      animationDuration: 300,
      // The canvas does not inherit CSS: give it the page's font.
      textStyle: { fontFamily: getComputedStyle(document.documentElement).fontFamily },
      grid: { left: 8, right: narrow ? 84 : 200, top: 8, bottom: 8 },
      tooltip: {
        trigger: 'item',
        formatter: (p) => tooltip(rows[(p as { dataIndex: number }).dataIndex] as FunnelRow),
      },
      xAxis: { type: 'value', show: false, max: 'dataMax' },
      yAxis: {
        type: 'category',
        inverse: true,
        data: rows.map((r) => stageName(r.name)),
        axisTick: { show: false },
        axisLine: { show: false },
        axisLabel: { color: TEXT, fontSize: 13, width: narrow ? 96 : 200, overflow: 'truncate' },
      },
      series: [
        {
          type: 'bar',
          barWidth: '64%',
          data: rows.map((r) => ({
            value: r.reachedCount,
            itemStyle: { color: r.kind === 'won' ? WON : OPEN, borderRadius: 4 },
          })),
          label: {
            show: true,
            position: 'right',
            color: MUTED,
            fontSize: 12,
            formatter: (p) => barLabel(rows[p.dataIndex] as FunnelRow),
          },
        },
      ],
    };
    chart.setOption(option);
  }, [rows, lang, t, stageName, narrow]);

  return (
    <div
      ref={ref}
      className="deals-funnel-chart"
      role="img"
      aria-label={label}
      style={{ height: rows.length * 44 + 24 }}
    />
  );
}
