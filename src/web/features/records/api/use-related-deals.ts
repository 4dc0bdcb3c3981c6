import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { api, query } from '../../../lib/api-client';
import { dealKeys, type Deal } from '../../../lib/queries/deal-types';
import type { Page } from './keys';

type Relation = { companyId: string } | { contactId: string };

/** The deals of a company or of a contact, newest first. */
export const relatedDealsQuery = (relation: Relation) =>
  infiniteQueryOptions({
    queryKey: dealKeys.list(relation),
    queryFn: ({ pageParam, signal }) =>
      api<Page<Deal>>(`/deals${query({ ...relation, limit: 25, cursor: pageParam })}`, { signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });

export const useRelatedDeals = (relation: Relation) =>
  useInfiniteQuery(relatedDealsQuery(relation));
