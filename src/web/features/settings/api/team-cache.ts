import { useQueryClient } from '@tanstack/react-query';
import { dealKeys } from '../../../lib/queries/deal-types';
import { teamsQuery, usersQuery } from '../../../lib/queries/people';

/** Teams also show on users (teamIds) and decide who sees which deals. */
export function useRefreshTeams() {
  const client = useQueryClient();
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: teamsQuery.queryKey }),
      client.invalidateQueries({ queryKey: usersQuery.queryKey }),
      client.invalidateQueries({ queryKey: dealKeys.all }),
    ]);
}
