// The dashboards served to someone who has none of their own: a rep's (their pipeline, their quota,
// their win rate, their activities) and a manager's (the team's quota, the forecast, who wins, where
// the pipeline leaks and how it changed). Both are copied into an editable dashboard on request.
import type { DashboardTemplate, DashboardWidget } from '../../contracts/dashboards.js';

type Role = 'admin' | 'manager' | 'rep';

const size = (w: number, h: number) => ({ w, h });

const repWidgets: DashboardWidget[] = [
  {
    id: 'quota',
    kind: 'number',
    metric: 'quotaAttainment',
    size: size(1, 1),
    options: { subject: 'me', periodUnit: 'quarter' },
  },
  { id: 'won-value', kind: 'number', metric: 'wonValue', size: size(1, 1), options: {} },
  { id: 'win-rate', kind: 'number', metric: 'winRate', size: size(1, 1), options: {} },
  { id: 'open-weighted', kind: 'number', metric: 'openWeighted', size: size(1, 1), options: {} },
  { id: 'activities', kind: 'table', report: 'activities', size: size(2, 2), options: {} },
  { id: 'trend', kind: 'chart', report: 'trend', size: size(2, 2), options: { unit: 'month' } },
  { id: 'waterfall', kind: 'chart', report: 'waterfall', size: size(4, 2), options: {} },
];

const managerWidgets: DashboardWidget[] = [
  {
    id: 'team-quota',
    kind: 'number',
    metric: 'quotaAttainment',
    size: size(1, 1),
    options: { subject: 'team', periodUnit: 'quarter' },
  },
  { id: 'won-value', kind: 'number', metric: 'wonValue', size: size(1, 1), options: {} },
  { id: 'win-rate', kind: 'number', metric: 'winRate', size: size(1, 1), options: {} },
  { id: 'open-weighted', kind: 'number', metric: 'openWeighted', size: size(1, 1), options: {} },
  {
    id: 'forecast',
    kind: 'chart',
    report: 'forecast',
    size: size(2, 2),
    options: { periodUnit: 'quarter' },
  },
  {
    id: 'leaderboard',
    kind: 'chart',
    report: 'leaderboard',
    size: size(2, 2),
    options: { by: 'owner', sort: 'wonValue' },
  },
  {
    id: 'conversion',
    kind: 'chart',
    report: 'conversion',
    size: size(2, 2),
    options: { mode: 'cohort' },
  },
  { id: 'waterfall', kind: 'chart', report: 'waterfall', size: size(2, 2), options: {} },
];

/** The default dashboard for the caller: admins get the manager's. A rep's filters are their own deals. */
export function defaultDashboard(user: { id: string; role: Role }): DashboardTemplate {
  if (user.role === 'rep') {
    return {
      role: 'rep',
      name: 'My pipeline',
      widgets: repWidgets,
      filters: { preset: 'thisQuarter', ownerId: user.id },
    };
  }
  return {
    role: 'manager',
    name: 'Team overview',
    widgets: managerWidgets,
    filters: { preset: 'thisQuarter' },
  };
}
