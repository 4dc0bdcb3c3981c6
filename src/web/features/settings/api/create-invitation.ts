import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { invitationCreated } from '../../../../contracts/auth';
import { api } from '../../../lib/api-client';
import { invitationsQuery, type Invitation } from './invitations';

export type InvitationCreated = z.infer<typeof invitationCreated>;
export type CreateInvitationInput = {
  email: string;
  role: Invitation['role'];
  teamId: string | null;
};

/** Answers with the one-time link to hand to the invitee. */
export const createInvitation = (body: CreateInvitationInput) =>
  api<InvitationCreated>('/invitations', { method: 'POST', body });

export const useCreateInvitation = () => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: createInvitation,
    onSettled: () => client.invalidateQueries({ queryKey: invitationsQuery.queryKey }),
  });
};
