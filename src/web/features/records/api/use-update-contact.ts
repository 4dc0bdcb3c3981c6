import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { contactKeys, type Contact, type DuplicateMatch } from './keys';

export type ContactPatch = Partial<{
  name: string;
  email: string | null;
  phone: string | null;
  jobTitle: string | null;
  companyId: string | null;
}>;

type Saved = Contact & { duplicates: DuplicateMatch[] };

export const updateContact = (id: string, body: ContactPatch & { version: number }) =>
  api<Saved>(`/contacts/${encodeURIComponent(id)}`, { method: 'PATCH', body });

export const useUpdateContact = (id: string) => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ContactPatch & { version: number }) => updateContact(id, body),
    onSuccess: ({ duplicates: _, ...contact }) => {
      client.setQueryData(contactKeys.one(id), contact);
      void client.invalidateQueries({ queryKey: contactKeys.all });
    },
  });
};
