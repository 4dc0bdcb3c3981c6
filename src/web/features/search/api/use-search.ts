import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { searchResult } from '../../../../contracts/deals';
import { api, query } from '../../../lib/api-client';

export type SearchHit = z.infer<typeof searchResult>;

export const fetchSearch = async (q: string, signal?: AbortSignal) =>
  (await api<{ data: SearchHit[] }>(`/search${query({ q, limit: 20 })}`, { signal })).data;

export const searchQuery = (q: string) =>
  queryOptions({
    queryKey: ['search', q],
    queryFn: ({ signal }) => fetchSearch(q, signal),
    enabled: q.length > 0,
    staleTime: 15_000,
    // The last results stay on screen while the next ones load: no flicker as you type.
    placeholderData: keepPreviousData,
  });

export const useSearch = (q: string) => useQuery(searchQuery(q));
