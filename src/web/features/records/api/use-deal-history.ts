import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { dealKeys, type DealEvent } from '../../../lib/queries/deal-types';

export const fetchDealHistory = async (id: string, signal?: AbortSignal) =>
  (await api<{ data: DealEvent[] }>(`/deals/${encodeURIComponent(id)}/history`, { signal })).data;

/** The deal's events, oldest first as the API sends them. */
export const dealHistoryQuery = (id: string) =>
  queryOptions({
    queryKey: dealKeys.history(id),
    queryFn: ({ signal }) => fetchDealHistory(id, signal),
  });

export const useDealHistory = (id: string) => useQuery(dealHistoryQuery(id));
