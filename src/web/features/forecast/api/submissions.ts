import { queryOptions, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { submissionList } from '../../../../contracts/forecast';
import { api, query } from '../../../lib/api-client';
import type { QuotaPeriod } from './quotas';

export type SubmissionList = z.infer<typeof submissionList>;
export type Submission = SubmissionList['data'][number];

export const submissionKeys = { all: ['forecast-submissions'] as const };

/** Every visible submission of the period, newest first, with the latest-of-each roll-up. */
export const submissionsQuery = (period: QuotaPeriod) =>
  queryOptions({
    queryKey: [...submissionKeys.all, period] as const,
    queryFn: ({ signal }) =>
      api<SubmissionList>(`/forecast/submissions${query(period)}`, { signal }),
  });

export const useSubmissions = (period: QuotaPeriod) => useQuery(submissionsQuery(period));
