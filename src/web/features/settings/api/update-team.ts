import { useMutation } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { Team } from '../../../lib/queries/people';
import type { TeamInput } from './create-team';
import { useRefreshTeams } from './team-cache';

export type UpdateTeamInput = TeamInput & { id: string; version: number };

export const updateTeam = ({ id, ...body }: UpdateTeamInput) =>
  api<Team>(`/teams/${id}`, { method: 'PATCH', body });

export const useUpdateTeam = () => {
  const refresh = useRefreshTeams();
  return useMutation({ mutationFn: updateTeam, onSettled: refresh });
};
