import type { BarSeriesOption } from 'echarts/charts';
import type { GridComponentOption, TooltipComponentOption } from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import { useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { activeOutcome } from '../../../../contracts/deals-behind';
import { formatNumber, formatPercent } from '../../../lib/format';
import { useStageName } from '../../../lib/queries/pipelines';
import type { StageConversion } from '../api/stage-conversion';
import {
  categoryLabels,
  COLORS,
  escapeHtml,
  pageFont,
  useChart,
  useNarrow,
} from '../../../components/charts/use-chart';

type Option = ComposeOption<BarSeriesOption | GridComponentOption | TooltipComponentOption>;

export type ActiveOutcome = z.infer<typeof activeOutcome>;
// Stacked in this order, one series each.
const OUTCOMES: readonly ActiveOutcome[] = ['forward', 'back', 'won', 'lost', 'movedOut', 'stayed'];

/**
 * Cohort mode: one bar per stage, the deals that reached it, the weakest stage in amber.
 * Active mode: per open stage, its deals stacked by what happened to them.
 * A click on a bar gives its stage (and in active mode the outcome clicked) to `onSelectStage`,
 * for dashboards' drill-down.
 */
export function ConversionChart({
  report,
  onSelectStage,
}: {
  report: StageConversion;
  onSelectStage?: ((stageId: string, outcome?: ActiveOutcome) => void) | undefined;
}) {
  const { t, i18n } = useTranslation('reports');
  const stageName = useStageName();
  const lang = i18n.language;

  const ref = useRef<HTMLDivElement>(null);
  const narrow = useNarrow(ref);

  const option = useMemo((): Option => {
    const cohort = report.mode === 'cohort';
    const stages = cohort ? report.stages : report.stages.filter((s) => s.kind === 'open');
    const names = stages.map((s) => stageName(s.name));
    const base = {
      animationDuration: 300,
      textStyle: { fontFamily: pageFont() },
      grid: { left: 8, right: 24, top: cohort ? 16 : 40, bottom: 8, containLabel: true },
      xAxis: {
        type: 'category' as const,
        data: names,
        axisLabel: categoryLabels(narrow),
      },
      yAxis: {
        type: 'value' as const,
        minInterval: 1,
        splitLine: { lineStyle: { color: COLORS.grid } },
      },
    };
    if (cohort) {
      return {
        ...base,
        tooltip: {
          trigger: 'item',
          formatter: (p) => {
            const s = stages[(p as { dataIndex: number }).dataIndex];
            if (!s) return '';
            const share =
              s.conversionToNext === null
                ? ''
                : `<br>${t('conversion.toNext')}: ${formatPercent(s.conversionToNext, lang)}`;
            return `<strong>${escapeHtml(stageName(s.name))}</strong><br>${t('conversion.reached')}: ${formatNumber(s.reached ?? 0, lang)}${share}`;
          },
        },
        series: [
          {
            type: 'bar',
            barMaxWidth: 56,
            data: stages.map((s) => ({
              value: s.reached ?? 0,
              itemStyle: {
                borderRadius: [4, 4, 0, 0],
                color:
                  s.stageId === report.weakestStageId
                    ? COLORS.weak
                    : s.kind === 'won'
                      ? COLORS.won
                      : s.kind === 'lost'
                        ? COLORS.lost
                        : COLORS.open,
              },
            })),
            label: {
              show: true,
              position: 'top',
              color: COLORS.muted,
              formatter: (p) => {
                const s = stages[p.dataIndex];
                return s?.conversionToNext == null ? '' : formatPercent(s.conversionToNext, lang);
              },
            },
          },
        ],
      };
    }
    const outcomes = OUTCOMES;
    const colors = ['#2457d6', '#7a8aa6', COLORS.won, COLORS.lost, '#8250df', '#c8cfd9'];
    return {
      ...base,
      legend: { top: 0, textStyle: { color: COLORS.text } },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      series: outcomes.map((o, i) => ({
        type: 'bar' as const,
        name: t(`conversion.outcomes.${o}`),
        stack: 'outcomes',
        barMaxWidth: 56,
        itemStyle: { color: colors[i] },
        data: stages.map((s) => s.active?.[o] ?? 0),
      })),
    } as Option;
  }, [report, lang, t, stageName, narrow]);

  useChart(
    ref,
    option,
    onSelectStage &&
      ((p) => {
        if (report.mode === 'cohort') {
          const stage = report.stages[p.dataIndex];
          if (stage) onSelectStage(stage.stageId);
          return;
        }
        // Active mode draws the open stages only, one series per outcome.
        const stage = report.stages.filter((s) => s.kind === 'open')[p.dataIndex];
        const outcome = OUTCOMES[p.seriesIndex ?? -1];
        if (stage && outcome) onSelectStage(stage.stageId, outcome);
      }),
  );
  return (
    <div ref={ref} className="reports-chart" role="img" aria-label={t('conversion.chartLabel')} />
  );
}
