import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { channelsReport } from '../../../../contracts/sales-reports';
import { api } from '../../../lib/api-client';
import { reportKey, reportPath, type ReportFilters } from './report-query';

export type Channels = z.infer<typeof channelsReport>;
export type ChannelRow = Channels['channels'][number];

// The report is by source, so the page's source filter does not apply to it.
export const channelParams = ({ source: _source, ...filters }: ReportFilters) => filters;

export const channelsQuery = (filters: ReportFilters) =>
  queryOptions({
    queryKey: reportKey('channels', channelParams(filters)),
    queryFn: ({ signal }) =>
      api<Channels>(reportPath('channels', channelParams(filters)), { signal }),
  });

export const useChannels = (filters: ReportFilters) =>
  useQuery({ ...channelsQuery(filters), placeholderData: keepPreviousData });
