import type { BarSeriesOption } from 'echarts/charts';
import type { GridComponentOption, TooltipComponentOption } from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import { useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../../lib/format';
import type { WaterfallBar } from '../api/waterfall';
import {
  categoryLabels,
  COLORS,
  pageFont,
  useChart,
  useNarrow,
} from '../../../components/charts/use-chart';

type Option = ComposeOption<BarSeriesOption | GridComponentOption | TooltipComponentOption>;

const ADDS = new Set(['new', 'increases', 'reopened', 'movedIn', 'currencyIn']);

/**
 * A floating-bar waterfall: an invisible base bar lifts each change to where the running total
 * stood, so ins climb from it and outs hang down from it. Start and End stand on zero.
 */
export function WaterfallChart({
  bars,
  currency,
  onSelect,
}: {
  bars: WaterfallBar[];
  currency: string;
  onSelect: (bar: WaterfallBar['bar']) => void;
}) {
  const { t, i18n } = useTranslation('reports');
  const lang = i18n.language;

  const ref = useRef<HTMLDivElement>(null);
  const narrow = useNarrow(ref);

  const option = useMemo((): Option => {
    let running = 0;
    const base: number[] = [];
    const colors: string[] = [];
    for (const b of bars) {
      if (b.bar === 'start' || b.bar === 'end') {
        base.push(0);
        running = b.amount;
        colors.push(COLORS.open);
      } else if (ADDS.has(b.bar)) {
        base.push(running);
        running += b.amount;
        colors.push(COLORS.won);
      } else {
        running -= b.amount;
        base.push(running);
        colors.push(COLORS.lost);
      }
    }
    const money = (v: number) => formatMoney(v, currency, lang, true);
    return {
      animationDuration: 300,
      textStyle: { fontFamily: pageFont() },
      grid: { left: 8, right: 16, top: 24, bottom: 8, containLabel: true },
      tooltip: {
        trigger: 'item',
        formatter: (p) => {
          const b = bars[(p as { dataIndex: number }).dataIndex];
          if (!b) return '';
          return `${t(`waterfall.bars.${b.bar}`)}: ${formatMoney(b.amount, currency, lang)} · ${b.dealCount}`;
        },
      },
      xAxis: {
        type: 'category',
        data: bars.map((b) => t(`waterfall.bars.${b.bar}`)),
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
          stack: 'waterfall',
          silent: true,
          itemStyle: { color: 'transparent' },
          data: base,
        },
        {
          type: 'bar',
          stack: 'waterfall',
          barMaxWidth: 48,
          cursor: 'pointer',
          data: bars.map((b, i) => ({ value: b.amount, itemStyle: { color: colors[i] } })),
          label: {
            // On a phone the amounts would overlap; the list under the chart has them.
            show: !narrow,
            position: 'top',
            color: COLORS.muted,
            formatter: (p) => money(Number(p.value)),
          },
        },
      ],
    };
  }, [bars, currency, lang, t, narrow]);

  useChart(ref, option, (p) => {
    const bar = bars[p.dataIndex];
    if (bar && p.seriesIndex === 1) onSelect(bar.bar);
  });
  return (
    <div
      ref={ref}
      className="reports-chart"
      role="img"
      aria-label={t('waterfall.chartLabel', { currency })}
    />
  );
}
