import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { dealKeys, type Deal } from '../../../lib/queries/deal-types';

export type BulkSet = { ownerId?: string; stageId?: string };

export const bulkEditDeals = (ids: string[], set: BulkSet) =>
  api<{ data: Deal[] }>('/deals/bulk', { method: 'POST', body: { ids, set } });

/** One request for all the selected deals; the server changes all of them or none. */
export function useBulkEdit() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ ids, set }: { ids: string[]; set: BulkSet }) => bulkEditDeals(ids, set),
    onSettled: () => client.invalidateQueries({ queryKey: dealKeys.all }),
  });
}
