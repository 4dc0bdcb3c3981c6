import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { spendBody, spendList } from '../../../../contracts/money-settings';
import { api } from '../../../lib/api-client';

export type SpendList = z.infer<typeof spendList>;
export type SpendInput = z.infer<typeof spendBody>['entries'][number];

export const spendQuery = queryOptions({
  queryKey: ['marketing-spend'],
  queryFn: () => api<SpendList>('/marketing-spend'),
});

export const useSpend = () => useQuery(spendQuery);

export const useSaveSpend = () => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (entries: SpendInput[]) =>
      api<{ saved: number }>('/marketing-spend', { method: 'PUT', body: { entries } }),
    onSettled: () => client.invalidateQueries({ queryKey: spendQuery.queryKey }),
  });
};

export const useDeleteSpend = () => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ month, channel }: { month: string; channel: string }) =>
      api<void>(`/marketing-spend/${month}/${encodeURIComponent(channel)}`, { method: 'DELETE' }),
    onSettled: () => client.invalidateQueries({ queryKey: spendQuery.queryKey }),
  });
};
