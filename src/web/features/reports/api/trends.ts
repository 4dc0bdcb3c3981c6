import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { trendsReport } from '../../../../contracts/analytics';
import { api } from '../../../lib/api-client';
import { reportKey, reportPath, type ReportFilters } from './report-query';

export type Trends = z.infer<typeof trendsReport>;
export type TrendUnit = Trends['unit'];
export type TrendsParams = ReportFilters & { unit: TrendUnit };

export const trendsQuery = (params: TrendsParams) =>
  queryOptions({
    queryKey: reportKey('trends', params),
    queryFn: ({ signal }) => api<Trends>(reportPath('trends', params), { signal }),
  });

export const useTrends = (params: TrendsParams) =>
  useQuery({ ...trendsQuery(params), placeholderData: keepPreviousData });
