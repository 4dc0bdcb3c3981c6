import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { Pipeline } from '../../../lib/queries/pipelines';
import { replacePipeline, useRefreshPipelines } from './pipeline-cache';

export type RenamePipelineInput = { id: string; version: number; name: string };

export const renamePipeline = ({ id, ...body }: RenamePipelineInput) =>
  api<Pipeline>(`/pipelines/${id}`, { method: 'PATCH', body });

export const useRenamePipeline = () => {
  const client = useQueryClient();
  const refresh = useRefreshPipelines();
  return useMutation({
    mutationFn: renamePipeline,
    onSuccess: (pipeline) => replacePipeline(client, pipeline),
    onSettled: refresh,
  });
};
