import { useMutation } from '@tanstack/react-query';
import { api, query } from '../../../lib/api-client';
import { useRefreshPipelines } from './pipeline-cache';

export type DeleteStageInput = { id: string; moveDealsTo?: string };

/** A stage holding deals answers 409 with details.dealCount until moveDealsTo names a stage. */
export const deleteStage = ({ id, moveDealsTo }: DeleteStageInput) =>
  api<void>(`/stages/${id}${query({ moveDealsTo })}`, { method: 'DELETE' });

export const useDeleteStage = () => {
  const refresh = useRefreshPipelines();
  return useMutation({ mutationFn: deleteStage, onSuccess: refresh });
};
