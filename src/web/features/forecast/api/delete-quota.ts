import { useMutation } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { useRefreshQuotas } from './quota-cache';

export const deleteQuota = (id: string) => api<void>(`/quotas/${id}`, { method: 'DELETE' });

export const useDeleteQuota = () => {
  const refresh = useRefreshQuotas();
  return useMutation({ mutationFn: deleteQuota, onSettled: refresh });
};
