import { useMutation } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { useRefreshTeams } from './team-cache';

export const deleteTeam = (id: string) => api<void>(`/teams/${id}`, { method: 'DELETE' });

export const useDeleteTeam = () => {
  const refresh = useRefreshTeams();
  return useMutation({ mutationFn: deleteTeam, onSettled: refresh });
};
