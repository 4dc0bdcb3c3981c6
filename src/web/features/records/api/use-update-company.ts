import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { dealKeys } from '../../../lib/queries/deal-types';
import { companyKeys, contactKeys, type Company, type DuplicateMatch } from './keys';

export type CompanyPatch = Partial<{
  name: string;
  website: string | null;
  phone: string | null;
  industry: string | null;
  address: string | null;
  ownerId: string | null;
}>;

type Saved = Company & { duplicates: DuplicateMatch[] };

export const updateCompany = (id: string, body: CompanyPatch & { version: number }) =>
  api<Saved>(`/companies/${encodeURIComponent(id)}`, { method: 'PATCH', body });

export const useUpdateCompany = (id: string) => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CompanyPatch & { version: number }) => updateCompany(id, body),
    onSuccess: ({ duplicates: _, ...company }) => {
      client.setQueryData(companyKeys.one(id), company);
      void client.invalidateQueries({ queryKey: companyKeys.all });
      // Deals and contacts show the company's name.
      void client.invalidateQueries({ queryKey: dealKeys.all });
      void client.invalidateQueries({ queryKey: contactKeys.all });
    },
  });
};
