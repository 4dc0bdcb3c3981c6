import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { funnel } from '../../../../contracts/funnel';
import { api, query } from '../../../lib/api-client';
import { dealKeys } from '../../../lib/queries/deal-types';

export type Funnel = z.infer<typeof funnel>;
export type FunnelStage = Funnel['stages'][number];
export type FunnelFilters = { ownerId?: string; teamId?: string; source?: string };

// Under dealKeys.all, so any change to deals (a move, a bulk edit) refreshes the funnel too.
export const funnelQuery = (pipelineId: string, filters: FunnelFilters) =>
  queryOptions({
    queryKey: [...dealKeys.all, 'funnel', pipelineId, filters] as const,
    queryFn: ({ signal }) =>
      api<Funnel>(`/pipelines/${pipelineId}/funnel${query(filters)}`, { signal }),
  });

export const useFunnel = (pipelineId: string | undefined, filters: FunnelFilters) =>
  useQuery({
    ...funnelQuery(pipelineId ?? '', filters),
    enabled: !!pipelineId,
    placeholderData: keepPreviousData,
  });
