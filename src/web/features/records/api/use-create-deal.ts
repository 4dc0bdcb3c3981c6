import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { dealKeys, type Deal } from '../../../lib/queries/deal-types';

export type NewDeal = {
  title: string;
  value: number;
  currency: string;
  pipelineId: string;
  stageId: string;
  expectedCloseDate: string | null;
  companyId: string | null;
  contactIds: string[];
};

export const createDeal = (body: NewDeal) => api<Deal>('/deals', { method: 'POST', body });

export const useCreateDeal = () => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: createDeal,
    onSuccess: () => client.invalidateQueries({ queryKey: dealKeys.all }),
  });
};
