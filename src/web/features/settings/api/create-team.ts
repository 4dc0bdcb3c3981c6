import { useMutation } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { Team } from '../../../lib/queries/people';
import { useRefreshTeams } from './team-cache';

export type TeamInput = { name: string; managerId: string | null; memberIds: string[] };

export const createTeam = (body: TeamInput) => api<Team>('/teams', { method: 'POST', body });

export const useCreateTeam = () => {
  const refresh = useRefreshTeams();
  return useMutation({ mutationFn: createTeam, onSuccess: refresh });
};
