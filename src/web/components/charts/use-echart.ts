// ECharts for charts outside the Reports page: only the pieces they draw are registered, and this
// file is only reached through lazy imports, so the library stays out of the first load.
import { BarChart, LineChart, ScatterChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import {
  init,
  use as registerCharts,
  type EChartsCoreOption,
  type EChartsType,
} from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef, type RefObject } from 'react';

registerCharts([
  BarChart,
  LineChart,
  ScatterChart,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  CanvasRenderer,
]);

export const CHART_COLORS = {
  accent: '#2457d6',
  good: '#1a7f37',
  bad: '#b42318',
  warn: '#9a6700',
  muted: '#5b6574',
  text: '#1d2430',
  grid: '#d9dde3',
  series: ['#2457d6', '#1a7f37', '#9a6700', '#b42318', '#6e40c9', '#0b7285'],
};

// The canvas does not inherit CSS: give it the page's font.
export const pageFont = () => getComputedStyle(document.documentElement).fontFamily;

/** A chart in the element, resized with it, showing `option` (replaced, not merged). */
export function useEChart(ref: RefObject<HTMLDivElement | null>, option: EChartsCoreOption) {
  const chartRef = useRef<EChartsType>(null);
  useEffect(() => {
    const node = ref.current;
    if (!node) return;
    const chart = init(node, undefined, { renderer: 'canvas' });
    chartRef.current = chart;
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(node);
    return () => {
      observer.disconnect();
      chart.dispose();
      chartRef.current = null;
    };
  }, [ref]);
  useEffect(() => {
    chartRef.current?.setOption(option, { notMerge: true });
  }, [option]);
}
