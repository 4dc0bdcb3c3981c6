import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { stageConversionReport } from '../../../../contracts/analytics';
import { api } from '../../../lib/api-client';
import { reportKey, reportPath, type ReportFilters } from './report-query';

export type StageConversion = z.infer<typeof stageConversionReport>;
export type ConversionMode = StageConversion['mode'];
export type ConversionParams = ReportFilters & { mode: ConversionMode };

export const stageConversionQuery = (params: ConversionParams) =>
  queryOptions({
    queryKey: reportKey('stage-conversion', params),
    queryFn: ({ signal }) =>
      api<StageConversion>(reportPath('stage-conversion', params), { signal }),
  });

export const useStageConversion = (params: ConversionParams) =>
  useQuery({ ...stageConversionQuery(params), placeholderData: keepPreviousData });
