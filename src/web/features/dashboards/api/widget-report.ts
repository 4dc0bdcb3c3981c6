// The report a chart or table widget reads, through the report endpoints' own query keys, so a
// dashboard and the Reports page share their cache (and both refresh when a deal changes).
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { DashboardWidget } from '../../../../contracts/dashboards';
import { api, query } from '../../../lib/api-client';
import { dealKeys } from '../../../lib/queries/deal-types';
import { myDayKeys } from '../../activities/api/my-day';
import { channelParams } from '../../reports/api/channels';
import { reportKey, reportPath, type ReportFilters } from '../../reports/api/report-query';
import type { ReportData, WidgetReport } from '../model/report-data';

export type { ReportData, WidgetReport };

type Options = DashboardWidget['options'];

function request(report: WidgetReport, o: Options, f: ReportFilters) {
  switch (report) {
    case 'trend': {
      const params = { ...f, unit: o.unit ?? 'month' };
      return { key: reportKey('trends', params), path: reportPath('trends', params) };
    }
    case 'conversion': {
      const params = { ...f, mode: o.mode ?? 'cohort' };
      return {
        key: reportKey('stage-conversion', params),
        path: reportPath('stage-conversion', params),
      };
    }
    case 'waterfall':
      return { key: reportKey('waterfall', f), path: reportPath('waterfall', f) };
    case 'leaderboard': {
      const params = { ...f, by: o.by ?? 'owner', sort: o.sort ?? 'wonValue' };
      return { key: reportKey('leaderboard', params), path: reportPath('leaderboard', params) };
    }
    case 'channels':
      return {
        key: reportKey('channels', channelParams(f)),
        path: reportPath('channels', channelParams(f)),
      };
    case 'forecast': {
      // The forecast is for the period holding its date: the filters' last day.
      const params = {
        pipelineId: f.pipelineId,
        ownerId: f.ownerId,
        teamId: f.teamId,
        source: f.source,
        periodUnit: o.periodUnit ?? 'quarter',
        date: f.to,
      };
      return { key: [...dealKeys.all, 'forecast', params], path: `/forecast${query(params)}` };
    }
    case 'activities':
      return { key: [...myDayKeys.all, 'today'], path: '/my-day' };
  }
}

export const widgetReportQuery = (report: WidgetReport, options: Options, f: ReportFilters) => {
  const { key, path } = request(report, options, f);
  return queryOptions({
    queryKey: [...key, 'widget'] as const,
    queryFn: async ({ signal }) => ({ report, data: await api(path, { signal }) }) as ReportData,
  });
};

export const useWidgetReport = (report: WidgetReport, options: Options, f: ReportFilters) =>
  useQuery({ ...widgetReportQuery(report, options, f), placeholderData: keepPreviousData });
