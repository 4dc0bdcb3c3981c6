// ECharts for every chart (reports, dashboards, forecast): only the pieces they draw are
// registered, and this file is only reached through the charts' lazy imports, so the library
// stays out of the first load.
import { BarChart, LineChart, ScatterChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import {
  init,
  use as registerCharts,
  type EChartsCoreOption,
  type EChartsType,
} from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef, useState, type RefObject } from 'react';

registerCharts([
  BarChart,
  LineChart,
  ScatterChart,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  CanvasRenderer,
]);

export const COLORS = {
  open: '#2457d6',
  won: '#1a7f37',
  lost: '#b42318',
  weak: '#9a6700',
  muted: '#5b6574',
  text: '#1d2430',
  grid: '#d9dde3',
  /** For charts with one line per method or person. */
  series: ['#2457d6', '#1a7f37', '#9a6700', '#b42318', '#6e40c9', '#0b7285'],
};

export const escapeHtml = (text: string) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

// The canvas does not inherit CSS: give it the page's font.
export const pageFont = () => getComputedStyle(document.documentElement).fontFamily;

type ClickParams = { dataIndex: number; seriesIndex?: number };

/** Below this width the charts tilt their category labels so that they do not overlap. */
const NARROW_PX = 640;

/** Whether the chart's box is narrow; the chart components build their option from it. */
export function useNarrow(ref: RefObject<HTMLDivElement | null>) {
  const [narrow, setNarrow] = useState(false);
  useEffect(() => {
    const node = ref.current;
    if (!node) return;
    const observer = new ResizeObserver(() => setNarrow(node.clientWidth < NARROW_PX));
    observer.observe(node);
    return () => observer.disconnect();
  }, [ref]);
  return narrow;
}

/** Category labels that fit: all shown, tilted and cut short on a narrow chart. */
export const categoryLabels = (narrow: boolean) => ({
  color: COLORS.text,
  interval: 0,
  rotate: narrow ? 40 : 0,
  width: narrow ? 80 : 140,
  overflow: 'truncate' as const,
});

/** A chart in the returned element, resized with it, showing `option`; clicks go to `onClick`. */
export function useChart(
  ref: RefObject<HTMLDivElement | null>,
  option: EChartsCoreOption,
  onClick?: (p: ClickParams) => void,
) {
  const chartRef = useRef<EChartsType>(null);
  const clickRef = useRef(onClick);
  useEffect(() => {
    clickRef.current = onClick;
  }, [onClick]);

  useEffect(() => {
    const node = ref.current;
    if (!node) return;
    const chart = init(node, undefined, { renderer: 'canvas' });
    chartRef.current = chart;
    chart.on('click', (p) => clickRef.current?.(p as ClickParams));
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(node);
    return () => {
      observer.disconnect();
      chart.dispose();
      chartRef.current = null;
    };
  }, [ref]);

  useEffect(() => {
    // notMerge: a report with fewer series must not keep the old ones.
    chartRef.current?.setOption(option, { notMerge: true });
  }, [option]);
}
