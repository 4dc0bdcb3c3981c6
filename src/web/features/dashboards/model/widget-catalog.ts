// What the widget picker offers, each with the size and options it starts with.
import type { DashboardWidget } from '../../../../contracts/dashboards';
import { chartReport, numberMetric, tableReport } from '../../../../contracts/dashboards';

type NewWidget = DashboardWidget extends infer W
  ? W extends DashboardWidget
    ? Omit<W, 'id'>
    : never
  : never;

const startOptions = (report: string): DashboardWidget['options'] => {
  switch (report) {
    case 'trend':
      return { unit: 'month' };
    case 'conversion':
      return { mode: 'cohort' };
    case 'leaderboard':
      return { by: 'owner', sort: 'wonValue' };
    case 'forecast':
    case 'quotaAttainment':
      return { periodUnit: 'quarter', subject: 'me' };
    default:
      return {};
  }
};

export const pickerChoices = {
  number: numberMetric.options,
  chart: chartReport.options,
  table: tableReport.options,
};

export function newWidget(kind: DashboardWidget['kind'], which: string): NewWidget {
  const options = startOptions(which);
  if (kind === 'number') {
    return { kind, metric: which as never, size: { w: 1, h: 1 }, options };
  }
  return { kind, report: which as never, size: { w: 2, h: 2 }, options };
}

/** The widget's own title, else its report's name (a key of the feature's messages). */
export const titleKey = (w: DashboardWidget) =>
  w.kind === 'number' ? `metrics.${w.metric}` : `reports.${w.report}`;
