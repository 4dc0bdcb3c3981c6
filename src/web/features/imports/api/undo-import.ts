import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export const useUndoImport = () => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (source: string) =>
      api<{ batches: number; records: number }>('/imports/undo', {
        method: 'POST',
        body: { source },
      }),
    onSuccess: () => client.invalidateQueries(),
  });
};
