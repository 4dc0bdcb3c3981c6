import { queryOptions, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { team, user } from '../../../contracts/users';
import { api } from '../api-client';

export type User = z.infer<typeof user>;
export type Team = z.infer<typeof team>;

export const usersQuery = queryOptions({
  queryKey: ['users'],
  queryFn: async () => (await api<{ data: User[] }>('/users')).data,
  staleTime: 60_000,
});

export const teamsQuery = queryOptions({
  queryKey: ['teams'],
  queryFn: async () => (await api<{ data: Team[] }>('/teams')).data,
  staleTime: 60_000,
});

export const useUsers = () => useQuery(usersQuery);
export const useTeams = () => useQuery(teamsQuery);
