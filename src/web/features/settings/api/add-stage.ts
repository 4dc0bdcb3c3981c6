import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { Pipeline, Stage } from '../../../lib/queries/pipelines';
import { replacePipeline, useRefreshPipelines } from './pipeline-cache';

export type AddStageInput = {
  pipelineId: string;
  name: string;
  probability: number;
  rottingDays: number | null;
  kind: Stage['kind'];
};

export const addStage = ({ pipelineId, ...body }: AddStageInput) =>
  api<Pipeline>(`/pipelines/${pipelineId}/stages`, { method: 'POST', body });

export const useAddStage = () => {
  const client = useQueryClient();
  const refresh = useRefreshPipelines();
  return useMutation({
    mutationFn: addStage,
    onSuccess: (pipeline) => replacePipeline(client, pipeline),
    onSettled: refresh,
  });
};
