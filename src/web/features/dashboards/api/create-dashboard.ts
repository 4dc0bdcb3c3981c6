import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { dashboardCreateBody } from '../../../../contracts/dashboards';
import { api } from '../../../lib/api-client';
import { dashboardKeys, type Dashboard } from './dashboards';

export type DashboardCreate = z.input<typeof dashboardCreateBody>;

export function useCreateDashboard() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: DashboardCreate) => api<Dashboard>('/dashboards', { method: 'POST', body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: dashboardKeys.list() }),
  });
}
