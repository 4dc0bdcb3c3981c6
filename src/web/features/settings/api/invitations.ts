import { queryOptions, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { invitation } from '../../../../contracts/auth';
import { api } from '../../../lib/api-client';

export type Invitation = z.infer<typeof invitation>;

export const invitationsQuery = queryOptions({
  queryKey: ['invitations'],
  queryFn: async () => (await api<{ data: Invitation[] }>('/invitations')).data,
});

/** Reps may not list invitations (403), so only ask when the viewer may. */
export const useInvitations = (enabled: boolean) => useQuery({ ...invitationsQuery, enabled });
