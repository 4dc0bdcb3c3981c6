import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { forecastReport } from '../../../../contracts/forecast';
import { api, query } from '../../../lib/api-client';
import { dealKeys } from '../../../lib/queries/deal-types';

export type Forecast = z.infer<typeof forecastReport>;
export type ForecastParams = {
  pipelineId: string;
  periodUnit: 'month' | 'quarter' | 'year';
  /** The deals owned now by this user, or by a member of this team. */
  ownerId?: string | undefined;
  teamId?: string | undefined;
};

// Under dealKeys.all, so a move or an edit on the board refreshes the forecast too.
export const forecastQuery = (params: ForecastParams) =>
  queryOptions({
    queryKey: [...dealKeys.all, 'forecast', params] as const,
    queryFn: ({ signal }) => api<Forecast>(`/forecast${query(params)}`, { signal }),
  });

export const useForecast = (params: ForecastParams, enabled: boolean) =>
  useQuery({ ...forecastQuery(params), enabled, placeholderData: keepPreviousData });
