import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { dealKeys } from '../../../lib/queries/deal-types';

export const deleteDeal = (id: string) =>
  api<void>(`/deals/${encodeURIComponent(id)}`, { method: 'DELETE' });

export const useDeleteDeal = (id: string) => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => deleteDeal(id),
    // Every other deal query refreshes; this deal's own stay as they are (the page is leaving,
    // and a refetch would only answer 404). They are dropped once unused.
    onSuccess: () =>
      client.invalidateQueries({
        queryKey: dealKeys.all,
        predicate: (query) => !query.queryKey.includes(id),
      }),
  });
};
