import { query } from '../../../lib/api-client';
import { dealKeys } from '../../../lib/queries/deal-types';

/** What every report is asked for: the pipeline, the days and whose deals. */
export type ReportFilters = {
  pipelineId: string;
  from: string;
  to: string;
  ownerId?: string | undefined;
  teamId?: string | undefined;
  source?: string | undefined;
};

type Params = Record<string, string | undefined>;

// Under dealKeys.all, so any change to deals (a move, an edit) refreshes the reports too.
export const reportKey = (report: string, params: Params) =>
  [...dealKeys.all, 'analytics', report, params] as const;

export const reportPath = (report: string, params: Params) =>
  `/analytics/${report}${query(params)}`;

/** The report's CSV file, with the header row in the app's language. */
export const csvHref = (report: string, params: Params, lang: string) =>
  `/api/v1/analytics/${report}.csv${query({ ...params, lang: lang === 'vi' ? 'vi' : 'en' })}`;
