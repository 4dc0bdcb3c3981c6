import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { invitationsQuery } from './invitations';

export const revokeInvitation = (id: string) =>
  api<void>(`/invitations/${id}`, { method: 'DELETE' });

export const useRevokeInvitation = () => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: revokeInvitation,
    onSettled: () => client.invalidateQueries({ queryKey: invitationsQuery.queryKey }),
  });
};
