import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { api, query } from '../../../lib/api-client';
import { companyKeys, type Company, type Page } from './keys';

export const fetchCompanies = (
  params: { q?: string; cursor?: string | null; limit?: number },
  signal?: AbortSignal,
) => api<Page<Company>>(`/companies${query({ limit: 50, ...params })}`, { signal });

/** Companies by name, a page at a time ("Load more" follows the cursor). */
export const companiesQuery = (q: string) =>
  infiniteQueryOptions({
    queryKey: companyKeys.list({ q }),
    queryFn: ({ pageParam, signal }) => fetchCompanies({ q, cursor: pageParam }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });

export const useCompanies = (q: string) => useInfiniteQuery(companiesQuery(q));
