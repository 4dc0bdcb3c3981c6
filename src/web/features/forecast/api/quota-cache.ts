import { useQueryClient } from '@tanstack/react-query';
import { dealKeys } from '../../../lib/queries/deal-types';
import { quotaKeys } from './quotas';

/** A quota change moves the list and every status read from it (kept under dealKeys.all). */
export function useRefreshQuotas() {
  const client = useQueryClient();
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: quotaKeys.all }),
      client.invalidateQueries({ queryKey: dealKeys.all }),
    ]);
}
