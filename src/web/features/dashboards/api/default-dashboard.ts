import { queryOptions, useQuery } from '@tanstack/react-query';
import type { DashboardTemplate } from '../../../../contracts/dashboards';
import { api } from '../../../lib/api-client';
import { dashboardKeys } from './dashboards';

/** The dashboard for the caller's role, shown while they have none of their own. */
export const defaultDashboardQuery = queryOptions({
  queryKey: dashboardKeys.default(),
  queryFn: ({ signal }) => api<DashboardTemplate>('/dashboards/default', { signal }),
  staleTime: Infinity,
});

export const useDefaultDashboard = () => useQuery(defaultDashboardQuery);
