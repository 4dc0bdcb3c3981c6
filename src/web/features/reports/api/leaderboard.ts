import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { leaderboardReport, leaderSort } from '../../../../contracts/sales-reports';
import { api } from '../../../lib/api-client';
import { reportKey, reportPath, type ReportFilters } from './report-query';

export type Leaderboard = z.infer<typeof leaderboardReport>;
export type LeaderSort = z.infer<typeof leaderSort>;
export type LeaderParams = ReportFilters & { by: 'owner' | 'team'; sort: LeaderSort };

export const leaderboardQuery = (params: LeaderParams) =>
  queryOptions({
    queryKey: reportKey('leaderboard', params),
    queryFn: ({ signal }) => api<Leaderboard>(reportPath('leaderboard', params), { signal }),
  });

export const useLeaderboard = (params: LeaderParams) =>
  useQuery({ ...leaderboardQuery(params), placeholderData: keepPreviousData });
