import type { DashboardWidget } from '../../../../contracts/dashboards';
import type { ReportFilters } from '../../reports/api/report-query';
import type { DateRange } from '../../reports/model/report-periods';
import type { DealsBehindParams } from '../api/deals-behind';
import type { WidgetTable } from '../model/widget-csv';

/** What a drill-down lists: the deals a number counts (asked for), or a bar's own list. */
export type Drill =
  | { title: string; params: DealsBehindParams }
  | { title: string; deals: { id: string; title: string }[] };

export type WidgetBodyProps = {
  widget: DashboardWidget;
  title: string;
  filters: ReportFilters;
  range: DateRange;
  today: string;
  /** The rows the CSV download writes; null while there is nothing to write. */
  onTable: (table: WidgetTable | null) => void;
  onDrill: (drill: Drill) => void;
};
