import { queryOptions, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { quotaStatusReport } from '../../../../contracts/forecast';
import { api, ApiError, query } from '../../../lib/api-client';
import { dealKeys } from '../../../lib/queries/deal-types';

export type QuotaStatus = z.infer<typeof quotaStatusReport>;

/** The caller's own quota status; null when no quota is set for the period. */
export const myQuotaQuery = (periodUnit: 'month' | 'quarter' | 'year') =>
  queryOptions({
    queryKey: [...dealKeys.all, 'quota-status', periodUnit] as const,
    queryFn: async ({ signal }) => {
      try {
        return await api<QuotaStatus>(`/quotas/status${query({ periodUnit })}`, { signal });
      } catch (err) {
        if (err instanceof ApiError && err.status === 404) return null;
        throw err;
      }
    },
  });

export const useMyQuota = (periodUnit: 'month' | 'quarter' | 'year') =>
  useQuery(myQuotaQuery(periodUnit));
