import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { savedView, ViewConfig } from '../../../../contracts/views';
import { api } from '../../../lib/api-client';

export type SavedView = z.infer<typeof savedView>;

export const viewKeys = {
  all: ['views'] as const,
  list: (entity: string) => ['views', entity] as const,
};

export const viewsQuery = queryOptions({
  queryKey: viewKeys.list('deals'),
  queryFn: async () => (await api<{ data: SavedView[] }>('/views?entity=deals')).data,
  staleTime: 60_000,
});

/** The caller's own views and the workspace's shared ones. */
export const useViews = () => useQuery(viewsQuery);

const useInvalidateViews = () => {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: viewKeys.all });
};

export function useCreateView() {
  const invalidate = useInvalidateViews();
  return useMutation({
    mutationFn: (body: { name: string; shared: boolean; config: ViewConfig }) =>
      api<SavedView>('/views', { method: 'POST', body: { entity: 'deals', ...body } }),
    onSuccess: invalidate,
  });
}

/** Sends the version that was read: a view changed meanwhile is refused with 409. */
export function useUpdateView() {
  const invalidate = useInvalidateViews();
  return useMutation({
    mutationFn: ({
      id,
      ...body
    }: {
      id: string;
      version: number;
      config?: ViewConfig;
      name?: string;
      shared?: boolean;
    }) => api<SavedView>(`/views/${id}`, { method: 'PATCH', body }),
    onSettled: invalidate,
  });
}

export function useDeleteView() {
  const invalidate = useInvalidateViews();
  return useMutation({
    mutationFn: (id: string) => api<void>(`/views/${id}`, { method: 'DELETE' }),
    onSettled: invalidate,
  });
}
