import { queryOptions, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { quotaStatusReport } from '../../../../contracts/forecast';
import { api, ApiError, query } from '../../../lib/api-client';
import { dealKeys } from '../../../lib/queries/deal-types';

export type QuotaStatus = z.infer<typeof quotaStatusReport>;
type Unit = 'month' | 'quarter' | 'year';
export type QuotaSubject = { userId?: string | null; teamId?: string | null };

/** A quota's status for a person or team (the caller when neither); null when none is set. */
export const quotaStatusQuery = (periodUnit: Unit, subject: QuotaSubject = {}, date?: string) =>
  queryOptions({
    queryKey: [...dealKeys.all, 'quota-status', periodUnit, subject, date ?? null] as const,
    queryFn: async ({ signal }) => {
      try {
        return await api<QuotaStatus>(`/quotas/status${query({ periodUnit, ...subject, date })}`, {
          signal,
        });
      } catch (err) {
        if (err instanceof ApiError && err.status === 404) return null;
        throw err;
      }
    },
  });

export const useMyQuota = (periodUnit: Unit) => useQuery(quotaStatusQuery(periodUnit));

export const useQuotaStatus = (periodUnit: Unit, subject: QuotaSubject, date: string) =>
  useQuery(quotaStatusQuery(periodUnit, subject, date));
