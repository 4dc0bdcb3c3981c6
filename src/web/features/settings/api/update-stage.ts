import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { Pipeline, Stage } from '../../../lib/queries/pipelines';
import { replacePipeline, useRefreshPipelines } from './pipeline-cache';

export type StagePatch = {
  name?: string;
  probability?: number;
  rottingDays?: number | null;
  requiredFields?: Stage['requiredFields'];
  closeDatePushLimit?: number | null;
};
export type UpdateStageInput = StagePatch & { id: string; version: number };

/** Answers with the whole pipeline; a stale version gets 409 version_conflict. */
export const updateStage = ({ id, ...body }: UpdateStageInput) =>
  api<Pipeline>(`/stages/${id}`, { method: 'PATCH', body });

export const useUpdateStage = () => {
  const client = useQueryClient();
  const refresh = useRefreshPipelines();
  return useMutation({
    mutationFn: updateStage,
    onSuccess: (pipeline) => replacePipeline(client, pipeline),
    onSettled: refresh,
  });
};
