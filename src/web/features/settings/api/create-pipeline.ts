import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { pipelinesQuery, type Pipeline } from '../../../lib/queries/pipelines';
import { useRefreshPipelines } from './pipeline-cache';

export type CreatePipelineInput = { name: string; template: string };

export const createPipeline = (body: CreatePipelineInput) =>
  api<Pipeline>('/pipelines', { method: 'POST', body });

export const useCreatePipeline = () => {
  const client = useQueryClient();
  const refresh = useRefreshPipelines();
  return useMutation({
    mutationFn: createPipeline,
    onSuccess: (created) => {
      client.setQueryData(pipelinesQuery.queryKey, (all) => [...(all ?? []), created]);
      void refresh();
    },
  });
};
