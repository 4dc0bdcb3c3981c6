import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { keyNumbersReport } from '../../../../contracts/analytics';
import { api } from '../../../lib/api-client';
import { reportKey, reportPath, type ReportFilters } from './report-query';

export type KeyNumbers = z.infer<typeof keyNumbersReport>;

export const keyNumbersQuery = (filters: ReportFilters) =>
  queryOptions({
    queryKey: reportKey('key-numbers', filters),
    queryFn: ({ signal }) => api<KeyNumbers>(reportPath('key-numbers', filters), { signal }),
  });

// The page asks before it knows the pipeline is real; it redirects instead of asking then.
export const useKeyNumbers = (filters: ReportFilters, enabled: boolean) =>
  useQuery({ ...keyNumbersQuery(filters), enabled, placeholderData: keepPreviousData });
