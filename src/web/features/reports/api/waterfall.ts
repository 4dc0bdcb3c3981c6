import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { waterfallReport } from '../../../../contracts/analytics';
import { api } from '../../../lib/api-client';
import { reportKey, reportPath, type ReportFilters } from './report-query';

export type Waterfall = z.infer<typeof waterfallReport>;
export type WaterfallBar = Waterfall['currencies'][number]['bars'][number];

export const waterfallQuery = (filters: ReportFilters) =>
  queryOptions({
    queryKey: reportKey('waterfall', filters),
    queryFn: ({ signal }) => api<Waterfall>(reportPath('waterfall', filters), { signal }),
  });

export const useWaterfall = (filters: ReportFilters) =>
  useQuery({ ...waterfallQuery(filters), placeholderData: keepPreviousData });
