import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { boardAtReport } from '../../../../contracts/analytics';
import { api } from '../../../lib/api-client';
import { reportKey, reportPath, type ReportFilters } from './report-query';

export type BoardAt = z.infer<typeof boardAtReport>;
export type BoardAtParams = Omit<ReportFilters, 'from' | 'to'> & { at: string };

export const boardAtQuery = (params: BoardAtParams) =>
  queryOptions({
    queryKey: reportKey('board-at', params),
    queryFn: ({ signal }) => api<BoardAt>(reportPath('board-at', params), { signal }),
  });

export const useBoardAt = (params: BoardAtParams) =>
  useQuery({ ...boardAtQuery(params), placeholderData: keepPreviousData });
