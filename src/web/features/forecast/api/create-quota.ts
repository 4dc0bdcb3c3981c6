import { useMutation } from '@tanstack/react-query';
import type { z } from 'zod';
import type { quotaBody } from '../../../../contracts/forecast';
import { api } from '../../../lib/api-client';
import { useRefreshQuotas } from './quota-cache';
import type { Quota } from './quotas';

export type QuotaInput = z.infer<typeof quotaBody>;

export const createQuota = (body: QuotaInput) => api<Quota>('/quotas', { method: 'POST', body });

export const useCreateQuota = () => {
  const refresh = useRefreshQuotas();
  return useMutation({ mutationFn: createQuota, onSettled: refresh });
};
