import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { companyKeys, type Company, type DuplicateMatch } from './keys';

export type NewCompany = { name: string; website: string | null; phone: string | null };

export const createCompany = (body: NewCompany) =>
  api<Company & { duplicates: DuplicateMatch[] }>('/companies', { method: 'POST', body });

export const useCreateCompany = () => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: createCompany,
    onSuccess: () => client.invalidateQueries({ queryKey: companyKeys.all }),
  });
};
