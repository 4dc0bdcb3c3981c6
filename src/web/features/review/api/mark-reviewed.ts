import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { completedReview } from '../../../../contracts/review';
import { api } from '../../../lib/api-client';
import { dealKeys } from '../../../lib/queries/deal-types';

type Done = { ownerId?: string; teamId?: string; since: string; until: string };

export const markReviewed = (body: Done) =>
  api<z.infer<typeof completedReview>>('/review/done', { method: 'POST', body });

/** Stores the review's window; the review refetches and starts where this one ended. */
export function useMarkReviewed() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: markReviewed,
    onSuccess: () => client.invalidateQueries({ queryKey: [...dealKeys.all, 'review'] }),
  });
}
