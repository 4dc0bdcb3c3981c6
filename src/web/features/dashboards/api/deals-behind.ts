import { queryOptions, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  activeOutcome,
  dealsBehindMetric,
  dealsBehindReport,
} from '../../../../contracts/deals-behind';
import { api, query } from '../../../lib/api-client';
import { dealKeys } from '../../../lib/queries/deal-types';
import type { ReportFilters } from '../../reports/api/report-query';

export type DealsBehind = z.infer<typeof dealsBehindReport>;
export type DealsBehindMetric = z.infer<typeof dealsBehindMetric>;
export type DealsBehindParams = ReportFilters & {
  metric: DealsBehindMetric;
  heldBy?: string | undefined;
  stageId?: string | undefined;
  outcome?: z.infer<typeof activeOutcome> | undefined;
  /** '' is the channel of deals without a source, so it is sent even when empty. */
  channel?: string | undefined;
};

function path({ channel, ...rest }: DealsBehindParams) {
  const search = query(rest);
  if (channel === undefined) return `/analytics/deals-behind${search}`;
  return `/analytics/deals-behind${search}${search ? '&' : '?'}channel=${encodeURIComponent(channel)}`;
}

export const dealsBehindQuery = (params: DealsBehindParams) =>
  queryOptions({
    queryKey: [...dealKeys.all, 'analytics', 'deals-behind', params] as const,
    queryFn: ({ signal }) => api<DealsBehind>(path(params), { signal }),
  });

export const useDealsBehind = (params: DealsBehindParams) => useQuery(dealsBehindQuery(params));
