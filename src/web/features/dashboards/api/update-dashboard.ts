import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { dashboardUpdateBody } from '../../../../contracts/dashboards';
import { api } from '../../../lib/api-client';
import { dashboardKeys, type Dashboard } from './dashboards';

export type DashboardPatch = Omit<z.input<typeof dashboardUpdateBody>, 'version'>;

/**
 * Saves a change with the version it was made on. The list is updated at once (the grid does
 * not jump back while the request runs) and replaced by the server's answer, or reloaded on error.
 */
export function useUpdateDashboard() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ d, patch }: { d: Dashboard; patch: DashboardPatch }) =>
      api<Dashboard>(`/dashboards/${d.id}`, {
        method: 'PATCH',
        body: { ...patch, version: d.version },
      }),
    onMutate: ({ d, patch }) => {
      qc.setQueryData<Dashboard[]>(dashboardKeys.list(), (list) =>
        list?.map((x) => (x.id === d.id ? ({ ...x, ...patch } as Dashboard) : x)),
      );
    },
    onSuccess: (saved) =>
      qc.setQueryData<Dashboard[]>(dashboardKeys.list(), (list) =>
        list?.map((x) => (x.id === saved.id ? saved : x)),
      ),
    onError: () => qc.invalidateQueries({ queryKey: dashboardKeys.list() }),
  });
}
