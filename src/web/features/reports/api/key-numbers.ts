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

export const useKeyNumbers = (filters: ReportFilters) =>
  useQuery({ ...keyNumbersQuery(filters), placeholderData: keepPreviousData });
