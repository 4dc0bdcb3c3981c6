// Dashboards: a named, ordered grid of widgets over the existing reports, with filters that apply
// to every widget. A widget only says which report it reads and how to show it; every number comes
// from the report endpoints (docs/metrics.md), never from the dashboard.
import { z } from 'zod';
import { leaderSort } from './sales-reports.js';
import { id, isoDate, isoDateTime, trimmed, versionField } from './common.js';

/** The grid has this many columns; a widget spans 1 to all of them, and 1 to 3 rows. */
export const GRID_COLUMNS = 4;
export const GRID_ROWS = 3;
export const MAX_WIDGETS = 24;

export const periodPreset = z.enum([
  'thisMonth',
  'lastMonth',
  'thisQuarter',
  'lastQuarter',
  'thisYear',
  'last12Months',
]);

/** Numbers from the key-numbers report, and the caller's (or a team's) quota attainment. */
export const numberMetric = z.enum([
  'created',
  'won',
  'lost',
  'winRate',
  'closeRate',
  'wonValue',
  'openValue',
  'openWeighted',
  'cycleDays',
  'quotaAttainment',
]);
export const chartReport = z.enum([
  'trend',
  'conversion',
  'waterfall',
  'leaderboard',
  'channels',
  'forecast',
]);
export const tableReport = z.enum(['leaderboard', 'conversion', 'channels', 'trend', 'activities']);

export const widgetSize = z.strictObject({
  w: z.number().int('must be a whole number').min(1).max(GRID_COLUMNS),
  h: z.number().int('must be a whole number').min(1).max(GRID_ROWS),
});

/** How a report is asked for; each report reads only the options it knows. */
export const widgetOptions = z.strictObject({
  unit: z.enum(['week', 'month', 'quarter']).optional().describe('Trend buckets'),
  mode: z.enum(['cohort', 'active']).optional().describe('Stage conversion mode'),
  by: z.enum(['owner', 'team']).optional().describe('Leaderboard rows'),
  sort: leaderSort.optional().describe('Leaderboard order'),
  periodUnit: z.enum(['month', 'quarter', 'year']).optional().describe('Quota and forecast'),
  subject: z
    .enum(['me', 'team'])
    .optional()
    .describe('Quota of the caller, or of the team in the filters (else the team they lead)'),
});

const widgetBase = {
  id: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, 'must be 1 to 40 letters, digits, - or _'),
  title: z.string().trim().max(80).optional().describe('Default: the report’s own name'),
  size: widgetSize,
  options: widgetOptions.default({}),
};

export const dashboardWidget = z
  .discriminatedUnion('kind', [
    z.strictObject({ ...widgetBase, kind: z.literal('number'), metric: numberMetric }),
    z.strictObject({ ...widgetBase, kind: z.literal('chart'), report: chartReport }),
    z.strictObject({ ...widgetBase, kind: z.literal('table'), report: tableReport }),
  ])
  .meta({ id: 'DashboardWidget' });
export type DashboardWidget = z.infer<typeof dashboardWidget>;

export const dashboardLayout = z
  .array(dashboardWidget)
  .max(MAX_WIDGETS)
  .superRefine((widgets, ctx) => {
    const seen = new Set<string>();
    widgets.forEach((w, i) => {
      if (seen.has(w.id)) {
        ctx.addIssue({ code: 'custom', path: [i, 'id'], message: 'must not repeat a widget id' });
      }
      seen.add(w.id);
    });
  })
  .describe('The widgets in reading order: left to right, then down');
export type DashboardLayout = z.infer<typeof dashboardLayout>;

/** Filters every widget applies; the page's URL may override each of them. */
export const dashboardFilters = z
  .strictObject({
    preset: z.union([periodPreset, z.literal('custom')]).default('thisQuarter'),
    from: isoDate.optional().describe('Custom period only'),
    to: isoDate.optional().describe('Custom period only'),
    pipelineId: id.optional().describe('Default: the first pipeline'),
    ownerId: id.optional(),
    teamId: id.optional(),
  })
  .superRefine((f, ctx) => {
    if (f.preset !== 'custom') return;
    if (!f.from)
      ctx.addIssue({
        code: 'custom',
        path: ['from'],
        message: 'a custom period needs from and to',
      });
    if (!f.to)
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'a custom period needs from and to' });
    if (f.from && f.to && f.to < f.from) {
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'must not be before from' });
    }
  });
export type DashboardFilters = z.infer<typeof dashboardFilters>;

export const dashboard = z
  .object({
    id,
    name: z.string(),
    shared: z.boolean().describe('Visible to everyone in the workspace'),
    widgets: dashboardLayout,
    filters: dashboardFilters,
    ownerId: id,
    ownerName: z.string(),
    canEdit: z.boolean().describe('The owner, or an admin'),
    version: z.number().int(),
    createdAt: isoDateTime,
    updatedAt: isoDateTime,
  })
  .meta({ id: 'Dashboard' });
export type Dashboard = z.infer<typeof dashboard>;

export const dashboardList = z.object({ data: z.array(dashboard) });

export const dashboardTemplate = z
  .object({
    role: z.enum(['rep', 'manager']),
    name: z.string(),
    widgets: dashboardLayout,
    filters: dashboardFilters,
  })
  .meta({ id: 'DashboardTemplate' });
export type DashboardTemplate = z.infer<typeof dashboardTemplate>;

export const dashboardCreateBody = z.object({
  name: trimmed(100),
  shared: z.boolean().default(false),
  widgets: dashboardLayout,
  filters: dashboardFilters.default({ preset: 'thisQuarter' }),
});

export const dashboardUpdateBody = z.object({
  version: versionField,
  name: trimmed(100).optional(),
  shared: z.boolean().optional().describe('Only the owner may change it'),
  widgets: dashboardLayout.optional(),
  filters: dashboardFilters.optional(),
});
