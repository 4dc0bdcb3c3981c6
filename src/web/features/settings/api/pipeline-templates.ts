import { queryOptions, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { pipelineTemplate } from '../../../../contracts/pipelines';
import { api } from '../../../lib/api-client';

export type PipelineTemplate = z.infer<typeof pipelineTemplate>;

export const pipelineTemplatesQuery = queryOptions({
  queryKey: ['pipeline-templates'],
  queryFn: async () => (await api<{ data: PipelineTemplate[] }>('/pipeline-templates')).data,
  staleTime: Infinity,
});

export const usePipelineTemplates = () => useQuery(pipelineTemplatesQuery);
