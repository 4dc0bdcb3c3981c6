import { useMutation } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { useRefreshPipelines } from './pipeline-cache';

/** The API answers 409 (details.dealCount) while the pipeline still holds deals. */
export const deletePipeline = (id: string) => api<void>(`/pipelines/${id}`, { method: 'DELETE' });

export const useDeletePipeline = () => {
  const refresh = useRefreshPipelines();
  return useMutation({ mutationFn: deletePipeline, onSuccess: refresh });
};
