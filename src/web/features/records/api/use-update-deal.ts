import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { dealKeys, type Deal } from '../../../lib/queries/deal-types';

export type DealPatch = Partial<{
  title: string;
  value: number;
  currency: string;
  expectedCloseDate: string | null;
  ownerId: string;
  companyId: string | null;
  contactIds: string[];
  source: string | null;
  probability: number | null;
  status: Deal['status'];
  lostReason: string | null;
}>;

export const updateDeal = (id: string, body: DealPatch & { version: number }) =>
  api<Deal>(`/deals/${encodeURIComponent(id)}`, { method: 'PATCH', body });

/** PATCH with the version read; the board, lists and history refetch afterwards. */
export const useUpdateDeal = (id: string) => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: DealPatch & { version: number }) => updateDeal(id, body),
    onSuccess: (deal) => {
      client.setQueryData(dealKeys.one(id), deal);
      void client.invalidateQueries({ queryKey: dealKeys.all });
    },
  });
};
