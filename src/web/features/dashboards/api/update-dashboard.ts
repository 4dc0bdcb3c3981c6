import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { z } from 'zod';
import type { dashboardUpdateBody } from '../../../../contracts/dashboards';
import { api } from '../../../lib/api-client';
import { dashboardKeys, type Dashboard } from './dashboards';

export type DashboardPatch = Omit<z.input<typeof dashboardUpdateBody>, 'version'>;

/**
 * Saves changes one after the other, each with the version the previous save returned, so two
 * quick clicks (wider, wider) are two saves and not a conflict with oneself. The list shows each
 * change at once; an error reloads it, and another person's change in between is a 409.
 */
export function useUpdateDashboard(onError: (error: Error) => void) {
  const qc = useQueryClient();
  const current = (id: string) =>
    qc.getQueryData<Dashboard[]>(dashboardKeys.list())?.find((x) => x.id === id);
  const mutation = useMutation({
    scope: { id: 'dashboard-update' },
    mutationFn: ({ id, patch, version }: { id: string; patch: DashboardPatch; version: number }) =>
      api<Dashboard>(`/dashboards/${id}`, {
        method: 'PATCH',
        // The version as the previous save left it, read when this save runs.
        body: { ...patch, version: current(id)?.version ?? version },
      }),
    onSuccess: (saved) =>
      qc.setQueryData<Dashboard[]>(dashboardKeys.list(), (list) =>
        list?.map((x) => (x.id === saved.id ? { ...x, version: saved.version } : x)),
      ),
    onError: (error) => {
      onError(error);
      void qc.invalidateQueries({ queryKey: dashboardKeys.list() });
    },
  });
  const { mutate } = mutation;
  const save = useCallback(
    (d: Dashboard, patch: DashboardPatch) => {
      qc.setQueryData<Dashboard[]>(dashboardKeys.list(), (list) =>
        list?.map((x) => (x.id === d.id ? ({ ...x, ...patch } as Dashboard) : x)),
      );
      mutate({ id: d.id, patch, version: d.version });
    },
    [qc, mutate],
  );
  return { save, isPending: mutation.isPending };
}
