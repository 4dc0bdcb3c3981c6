import { queryOptions, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { quotaStatusReport } from '../../../../contracts/forecast';
import { api, ApiError, query } from '../../../lib/api-client';
import { dealKeys } from '../../../lib/queries/deal-types';

export type QuotaStatus = z.infer<typeof quotaStatusReport>;
export type QuotaParams = {
  userId?: string | undefined;
  teamId?: string | undefined;
  periodUnit: 'month' | 'quarter' | 'year';
  date?: string | undefined;
};

/** A person's or team's quota status in the period holding `date`; null when none is set. */
export const quotaStatusQuery = (params: QuotaParams) =>
  queryOptions({
    queryKey: [...dealKeys.all, 'quota-status', params] as const,
    queryFn: async ({ signal }) => {
      try {
        return await api<QuotaStatus>(`/quotas/status${query(params)}`, { signal });
      } catch (err) {
        if (err instanceof ApiError && err.status === 404) return null;
        throw err;
      }
    },
  });

export const useQuotaStatus = (params: QuotaParams, enabled = true) =>
  useQuery({ ...quotaStatusQuery(params), enabled });
