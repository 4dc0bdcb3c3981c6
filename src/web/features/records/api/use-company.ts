import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { companyKeys, type Company } from './keys';

export const fetchCompany = (id: string, signal?: AbortSignal) =>
  api<Company>(`/companies/${encodeURIComponent(id)}`, { signal });

export const companyQuery = (id: string) =>
  queryOptions({
    queryKey: companyKeys.one(id),
    queryFn: ({ signal }) => fetchCompany(id, signal),
  });

export const useCompany = (id: string) => useQuery(companyQuery(id));
