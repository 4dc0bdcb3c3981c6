import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { invalidateActivities } from './invalidate-activities';

export const deleteActivity = (id: string) =>
  api<void>(`/activities/${encodeURIComponent(id)}`, { method: 'DELETE' });

export const useDeleteActivity = () => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: deleteActivity,
    onSuccess: () => invalidateActivities(client),
  });
};
