import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { snapshotList, snapshotTaken } from '../../../../contracts/forecast';
import { api, ApiError, query } from '../../../lib/api-client';

export type Snapshot = z.infer<typeof snapshotList>['data'][number];
export type SnapshotTaken = z.infer<typeof snapshotTaken>;

const snapshotKeys = { all: ['forecast-snapshots'] as const };

/** A pipeline's snapshots, newest first; null for those who may not read them (reps). */
export const snapshotsQuery = (pipelineId: string) =>
  queryOptions({
    queryKey: [...snapshotKeys.all, pipelineId] as const,
    queryFn: async ({ signal }) => {
      try {
        return (
          await api<{ data: Snapshot[] }>(`/forecast/snapshots${query({ pipelineId })}`, {
            signal,
          })
        ).data;
      } catch (err) {
        if (err instanceof ApiError && err.status === 403) return null;
        throw err;
      }
    },
  });

export const useSnapshots = (pipelineId: string) =>
  useQuery({ ...snapshotsQuery(pipelineId), enabled: pipelineId !== '' });

export const snapshotNow = (pipelineId: string) =>
  api<SnapshotTaken>('/forecast/snapshots', { method: 'POST', body: { pipelineId } });

export const useSnapshotNow = () => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: snapshotNow,
    onSettled: () => client.invalidateQueries({ queryKey: snapshotKeys.all }),
  });
};
