import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { api, query } from '../../../lib/api-client';
import { dealKeys, type Deal } from '../../../lib/queries/deal-types';
import { listQueryParams, type DealListState } from '../model/list-params';

export const PAGE_SIZE = 50;

type DealPage = { data: Deal[]; nextCursor: string | null };

export const fetchDealPage = (
  params: Record<string, string>,
  cursor: string | undefined,
  signal?: AbortSignal,
) =>
  api<DealPage>(
    `/deals${query({ ...params, limit: PAGE_SIZE, cursor })}`,
    signal ? { signal } : {},
  );

export const dealListQueryOptions = (state: DealListState) => {
  const params = listQueryParams(state);
  return {
    queryKey: dealKeys.list(params),
    queryFn: ({ pageParam, signal }: { pageParam: string | undefined; signal: AbortSignal }) =>
      fetchDealPage(params, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last: DealPage) => last.nextCursor ?? undefined,
  };
};

/** The filtered, sorted deals page by page (keyset cursor); the old rows stay while new ones load. */
export function useDealsList(state: DealListState) {
  return useInfiniteQuery({ ...dealListQueryOptions(state), placeholderData: keepPreviousData });
}
