import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { dealKeys, type Deal } from '../../../lib/queries/deal-types';

type MoveBody = { stageId: string; version: number };

export const moveDeal = (id: string, body: MoveBody) =>
  api<Deal>(`/deals/${encodeURIComponent(id)}/move`, { method: 'POST', body });

export const useMoveDeal = (id: string) => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: MoveBody) => moveDeal(id, body),
    onSuccess: (deal) => {
      client.setQueryData(dealKeys.one(id), deal);
      void client.invalidateQueries({ queryKey: dealKeys.all });
    },
  });
};
