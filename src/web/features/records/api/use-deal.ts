import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { dealKeys, type Deal } from '../../../lib/queries/deal-types';

export const fetchDeal = (id: string, signal?: AbortSignal) =>
  api<Deal>(`/deals/${encodeURIComponent(id)}`, { signal });

export const dealQuery = (id: string) =>
  queryOptions({ queryKey: dealKeys.one(id), queryFn: ({ signal }) => fetchDeal(id, signal) });

export const useDeal = (id: string) => useQuery(dealQuery(id));
