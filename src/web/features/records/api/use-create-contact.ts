import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { contactKeys, type Contact, type DuplicateMatch } from './keys';

export type NewContact = {
  name: string;
  email: string | null;
  phone: string | null;
  companyId: string | null;
};

export const createContact = (body: NewContact) =>
  api<Contact & { duplicates: DuplicateMatch[] }>('/contacts', { method: 'POST', body });

export const useCreateContact = () => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: createContact,
    onSuccess: () => client.invalidateQueries({ queryKey: contactKeys.all }),
  });
};
