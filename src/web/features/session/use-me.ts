import { queryOptions, useQuery, useSuspenseQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { me } from '../../../contracts/auth';
import { api, ApiError } from '../../lib/api-client';

export type Me = z.infer<typeof me>;

export const meQuery = queryOptions({
  queryKey: ['me'],
  queryFn: async (): Promise<Me | null> => {
    try {
      return await api<Me>('/auth/me');
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) return null;
      throw err;
    }
  },
  staleTime: 60_000,
});

export const useMe = () => useQuery(meQuery);

/** Inside the signed-in part of the app the user is always there. */
export function useCurrentUser(): Me {
  const { data } = useSuspenseQuery(meQuery);
  if (!data) throw new Error('useCurrentUser outside the signed-in app');
  return data;
}

/** The zone dates are shown in: the user's own, else the workspace's. */
export const userTimeZone = (user: Me) => user.timezone ?? user.workspace.timezone;
