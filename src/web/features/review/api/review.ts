import { queryOptions, useQuery } from '@tanstack/react-query';
import type { PipelineReview } from '../../../../contracts/review';
import { api, query } from '../../../lib/api-client';
import { dealKeys } from '../../../lib/queries/deal-types';

/** Whose review and from when; all optional (the caller's own, since the last review). */
export type ReviewParams = { ownerId?: string; teamId?: string; since?: string };

// Under dealKeys.all, so a change to a deal refreshes the review too.
export const reviewKey = (p: ReviewParams) => [...dealKeys.all, 'review', p] as const;

export const reviewQuery = (p: ReviewParams) =>
  queryOptions({
    queryKey: reviewKey(p),
    queryFn: ({ signal }) => api<PipelineReview>(`/review${query(p)}`, { signal }),
  });

export const useReview = (p: ReviewParams) => useQuery(reviewQuery(p));

/** The same review as a file, in the app's language; a plain link downloads it. */
export const reviewFileHref = (ext: 'csv' | 'pdf', p: ReviewParams, lang: string) =>
  `/api/v1/review.${ext}${query({ ...p, lang: lang === 'vi' ? 'vi' : 'en' })}`;
