import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { activity } from '../../../../contracts/activities';
import { api } from '../../../lib/api-client';
import type { MyDay } from './my-day';

export type Activity = z.infer<typeof activity>;

/** My day's light activities carry no version, so the current one is read first. */
export async function completeActivity(id: string): Promise<Activity> {
  const current = await api<Activity>(`/activities/${id}`);
  return api<Activity>(`/activities/${id}`, {
    method: 'PATCH',
    body: { version: current.version, done: true },
  });
}

const isMyDay = (data: unknown): data is MyDay =>
  typeof data === 'object' && data !== null && 'dueToday' in data && 'overdue' in data;

type Callbacks = { onDone: () => void; onFail: (error: Error) => void };

/**
 * Ticks an activity off: it leaves My day at once, and comes back if the save fails. The
 * callbacks sit on the mutation, not on mutate(), so they still run after the row is gone.
 */
export const useCompleteActivity = ({ onDone, onFail }: Callbacks) => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: completeActivity,
    onMutate: async (id) => {
      await client.cancelQueries({ queryKey: ['my-day'] });
      client.setQueriesData<unknown>({ queryKey: ['my-day'] }, (data: unknown) =>
        isMyDay(data)
          ? {
              ...data,
              dueToday: data.dueToday.filter((a) => a.id !== id),
              overdue: data.overdue.filter((a) => a.id !== id),
            }
          : data,
      );
    },
    onSuccess: onDone,
    onError: onFail,
    onSettled: async () => {
      await Promise.all([
        client.invalidateQueries({ queryKey: ['my-day'] }),
        client.invalidateQueries({ queryKey: ['calendar'] }),
        client.invalidateQueries({ queryKey: ['notifications'] }),
      ]);
    },
  });
};
