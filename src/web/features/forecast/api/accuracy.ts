import { queryOptions, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { accuracyReport } from '../../../../contracts/forecast';
import { api, query } from '../../../lib/api-client';

export type AccuracyReport = z.infer<typeof accuracyReport>;
export type AccuracyRow = AccuracyReport['methods'][number];
export type AccuracyParams = {
  periodUnit: 'month' | 'quarter' | 'year';
  pipelineId: string;
};

/** Each closed period's forecast error, per method of the pipeline and per person or team. */
export const accuracyQuery = (params: AccuracyParams) =>
  queryOptions({
    queryKey: ['forecast-accuracy', params] as const,
    queryFn: ({ signal }) => api<AccuracyReport>(`/forecast/accuracy${query(params)}`, { signal }),
  });

export const useAccuracy = (params: AccuracyParams) =>
  useQuery({ ...accuracyQuery(params), enabled: params.pipelineId !== '' });
