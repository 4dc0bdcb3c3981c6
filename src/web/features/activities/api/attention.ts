import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { attentionDeal, attentionList } from '../../../../contracts/attention';
import { api, query } from '../../../lib/api-client';

export type AttentionDeal = z.infer<typeof attentionDeal>;
export type AttentionList = z.infer<typeof attentionList>;
/** Whose deals a manager looks at: everyone they can see, one person or one team. */
export type AttentionScope = { ownerId?: string; teamId?: string };

export const fetchAttention = (scope: AttentionScope) =>
  api<AttentionList>(`/attention${query({ ...scope, limit: 50 })}`);

export const attentionQuery = (scope: AttentionScope) =>
  queryOptions({
    // Under 'my-day' so completing an activity refreshes it too.
    queryKey: ['my-day', 'attention', scope],
    queryFn: () => fetchAttention(scope),
    placeholderData: keepPreviousData,
  });

export const useAttention = (scope: AttentionScope, enabled: boolean) =>
  useQuery({ ...attentionQuery(scope), enabled });
