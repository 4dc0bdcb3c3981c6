import { queryOptions, useQueries, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { contactKeys, type Contact } from './keys';

export const fetchContact = (id: string, signal?: AbortSignal) =>
  api<Contact>(`/contacts/${encodeURIComponent(id)}`, { signal });

export const contactQuery = (id: string) =>
  queryOptions({
    queryKey: contactKeys.one(id),
    queryFn: ({ signal }) => fetchContact(id, signal),
  });

export const useContact = (id: string) => useQuery(contactQuery(id));

/** A deal's few contacts, one request each (cached and shared with the contact pages). */
export const useContactsById = (ids: string[]) =>
  useQueries({ queries: ids.map((id) => contactQuery(id)) });
