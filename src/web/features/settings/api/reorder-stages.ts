import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { pipelinesQuery, type Pipeline } from '../../../lib/queries/pipelines';
import { replacePipeline, useRefreshPipelines } from './pipeline-cache';

export type ReorderStagesInput = { pipelineId: string; stageIds: string[] };

export const reorderStages = ({ pipelineId, stageIds }: ReorderStagesInput) =>
  api<Pipeline>(`/pipelines/${pipelineId}/stage-order`, { method: 'PUT', body: { stageIds } });

const reordered = (pipeline: Pipeline, stageIds: string[]): Pipeline => {
  const byId = new Map(pipeline.stages.map((s) => [s.id, s]));
  const stages = stageIds.flatMap((id, position) => {
    const stage = byId.get(id);
    return stage ? [{ ...stage, position }] : [];
  });
  return { ...pipeline, stages };
};

/** Optimistic: the list shows the new order at once and goes back if the API refuses it. */
export const useReorderStages = () => {
  const client = useQueryClient();
  const refresh = useRefreshPipelines();
  const key = pipelinesQuery.queryKey;
  return useMutation({
    mutationFn: reorderStages,
    onMutate: async ({ pipelineId, stageIds }) => {
      await client.cancelQueries({ queryKey: key });
      const previous = client.getQueryData(key);
      client.setQueryData(key, (all) =>
        all?.map((p) => (p.id === pipelineId ? reordered(p, stageIds) : p)),
      );
      return { previous };
    },
    onError: (_error, _input, context) => {
      if (context?.previous) client.setQueryData(key, context.previous);
    },
    onSuccess: (pipeline) => replacePipeline(client, pipeline),
    onSettled: refresh,
  });
};
