import { useMutation } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { useRefreshQuotas } from './quota-cache';
import type { Quota } from './quotas';

export type UpdateQuotaInput = { id: string; version: number; target: number };

/** Sends the version the form was loaded with: a quota changed meanwhile answers 409. */
export const updateQuota = ({ id, ...body }: UpdateQuotaInput) =>
  api<Quota>(`/quotas/${id}`, { method: 'PATCH', body });

export const useUpdateQuota = () => {
  const refresh = useRefreshQuotas();
  return useMutation({ mutationFn: updateQuota, onSettled: refresh });
};
