import { queryOptions, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { backtestList } from '../../../../contracts/forecast';
import { api, ApiError, query } from '../../../lib/api-client';

export type Backtest = z.infer<typeof backtestList>['data'][number];

/** The pipeline's latest stored backtest; null when none was run or the caller may not see it. */
export const latestBacktestQuery = (pipelineId: string) =>
  queryOptions({
    queryKey: ['forecast-backtests', pipelineId] as const,
    queryFn: async ({ signal }) => {
      try {
        const list = await api<{ data: Backtest[] }>(
          `/forecast/backtests${query({ pipelineId })}`,
          {
            signal,
          },
        );
        return list.data[0] ?? null;
      } catch (err) {
        if (err instanceof ApiError && err.status === 403) return null;
        throw err;
      }
    },
  });

export const useLatestBacktest = (pipelineId: string) =>
  useQuery({ ...latestBacktestQuery(pipelineId), enabled: pipelineId !== '' });
