import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { Activity } from './activity-keys';
import { invalidateActivities } from './invalidate-activities';

export type ActivityPatch = { id: string; version: number; done: boolean };

export const updateActivity = ({ id, ...body }: ActivityPatch) =>
  api<Activity>(`/activities/${encodeURIComponent(id)}`, { method: 'PATCH', body });

/** PATCH /activities/:id; the timeline only ticks activities done or open again. */
export const useUpdateActivity = () => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: updateActivity,
    onSettled: () => invalidateActivities(client),
  });
};
