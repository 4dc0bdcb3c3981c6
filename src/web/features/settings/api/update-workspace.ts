import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { dealKeys } from '../../../lib/queries/deal-types';
import { workspaceQuery, type Workspace } from './workspace';

export type UpdateWorkspaceInput = Pick<
  Workspace,
  | 'version'
  | 'name'
  | 'dealVisibility'
  | 'defaultCurrency'
  | 'timezone'
  | 'renewalLeadDays'
  | 'postPurchasePipelineId'
>;

export const updateWorkspace = (body: UpdateWorkspaceInput) =>
  api<Workspace>('/workspace', { method: 'PATCH', body });

/** Visibility decides which deals each person sees, and the session carries the settings. */
export const useUpdateWorkspace = () => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: updateWorkspace,
    onSuccess: (saved) => client.setQueryData(workspaceQuery.queryKey, saved),
    onSettled: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: workspaceQuery.queryKey }),
        client.invalidateQueries({ queryKey: ['me'] }),
        client.invalidateQueries({ queryKey: dealKeys.all }),
      ]),
  });
};
