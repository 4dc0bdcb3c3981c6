import { queryOptions, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { quota } from '../../../../contracts/forecast';
import { api, query } from '../../../lib/api-client';

export type Quota = z.infer<typeof quota>;
export type QuotaUnit = Quota['periodUnit'];
export type QuotaPeriod = { periodUnit: QuotaUnit; periodStart: string };

export const quotaKeys = { all: ['quotas'] as const };

/** The quotas the caller may read for one period (reps get their own only). */
export const quotasQuery = (period: QuotaPeriod) =>
  queryOptions({
    queryKey: [...quotaKeys.all, period] as const,
    queryFn: async ({ signal }) =>
      (await api<{ data: Quota[] }>(`/quotas${query(period)}`, { signal })).data,
  });

export const useQuotas = (period: QuotaPeriod) => useQuery(quotasQuery(period));
