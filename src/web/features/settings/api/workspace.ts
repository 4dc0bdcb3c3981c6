import { queryOptions, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { workspace } from '../../../../contracts/users';
import { api } from '../../../lib/api-client';

export type Workspace = z.infer<typeof workspace>;

export const workspaceQuery = queryOptions({
  queryKey: ['workspace'],
  queryFn: () => api<Workspace>('/workspace'),
  // The form opens on fresh data, so it sends the current version.
  staleTime: 0,
});

export const useWorkspace = () => useQuery(workspaceQuery);
