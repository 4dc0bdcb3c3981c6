// The reports a chart or table widget reads, as the API answers them (types from the contracts).
import type { z } from 'zod';
import type {
  stageConversionReport,
  trendsReport,
  waterfallReport,
} from '../../../../contracts/analytics.js';
import type { myDay } from '../../../../contracts/attention.js';
import type { DashboardWidget } from '../../../../contracts/dashboards.js';
import type { forecastReport } from '../../../../contracts/forecast.js';
import type { channelsReport, leaderboardReport } from '../../../../contracts/sales-reports.js';

export type WidgetReport = Exclude<DashboardWidget, { kind: 'number' }>['report'];

export type ReportData =
  | { report: 'trend'; data: z.infer<typeof trendsReport> }
  | { report: 'conversion'; data: z.infer<typeof stageConversionReport> }
  | { report: 'waterfall'; data: z.infer<typeof waterfallReport> }
  | { report: 'leaderboard'; data: z.infer<typeof leaderboardReport> }
  | { report: 'channels'; data: z.infer<typeof channelsReport> }
  | { report: 'forecast'; data: z.infer<typeof forecastReport> }
  | { report: 'activities'; data: z.infer<typeof myDay> };
