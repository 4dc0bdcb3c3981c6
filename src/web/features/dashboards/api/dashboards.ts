import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Dashboard, DashboardTemplate } from '../../../../contracts/dashboards';
import { api } from '../../../lib/api-client';

export type { Dashboard, DashboardTemplate };

export const dashboardKeys = {
  all: ['dashboards'] as const,
  list: () => [...dashboardKeys.all, 'list'] as const,
  default: () => [...dashboardKeys.all, 'default'] as const,
};

/** The caller's own dashboards, then the workspace's shared ones. */
export const dashboardsQuery = queryOptions({
  queryKey: dashboardKeys.list(),
  queryFn: async ({ signal }) => (await api<{ data: Dashboard[] }>('/dashboards', { signal })).data,
});

export const useDashboards = () => useQuery(dashboardsQuery);
