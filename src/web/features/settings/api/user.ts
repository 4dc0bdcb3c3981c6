import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { User } from '../../../lib/queries/people';

/** One user with its version, which a profile change must send back. */
export const userQuery = (id: string) =>
  queryOptions({
    queryKey: ['users', id],
    queryFn: () => api<User>(`/users/${id}`),
    // Always ask again when the profile opens: the top-bar language switch changes the version.
    staleTime: 0,
  });

export const useUser = (id: string) => useQuery(userQuery(id));
