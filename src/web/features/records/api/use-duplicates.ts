import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, query } from '../../../lib/api-client';
import { useDebouncedValue } from '../../../lib/use-debounced-value';
import type { DuplicateMatch } from './keys';

type Probe = { email?: string; website?: string; name?: string };
type Duplicates = { contacts: DuplicateMatch[]; companies: DuplicateMatch[] };

export const fetchDuplicates = (probe: Probe, signal?: AbortSignal) =>
  api<Duplicates>(`/duplicates${query(probe)}`, { signal });

// Two letters match too much to be a useful warning.
const worthChecking = (probe: Probe) => Object.values(probe).some((v) => v && v.trim().length >= 3);

export const duplicatesQuery = (probe: Probe) =>
  queryOptions({
    queryKey: ['duplicates', probe],
    queryFn: ({ signal }) => fetchDuplicates(probe, signal),
    enabled: worthChecking(probe),
    staleTime: 30_000,
    placeholderData: keepPreviousData,
  });

/** Existing records the form is about to duplicate, checked while the user types. */
export function useDuplicates(probe: Probe) {
  const settled = useDebouncedValue(probe, 350);
  const result = useQuery(duplicatesQuery(settled));
  return worthChecking(probe) ? result.data : undefined;
}
