import { queryOptions, useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { pipeline, stage } from '../../../contracts/pipelines';
import { api } from '../api-client';

export type Pipeline = z.infer<typeof pipeline>;
export type Stage = z.infer<typeof stage>;

export const pipelinesQuery = queryOptions({
  queryKey: ['pipelines'],
  queryFn: async () => (await api<{ data: Pipeline[] }>('/pipelines')).data,
  staleTime: 60_000,
});

export const usePipelines = () => useQuery(pipelinesQuery);

/** Shows a default stage or pipeline name in the user's language; renamed ones stay as typed. */
export function useStageName(): (name: string) => string {
  const { t } = useTranslation('stages');
  // Stable while the language stays, so memoised rows and effects can depend on it.
  return useCallback((name: string) => t(name, { defaultValue: name }), [t]);
}
