import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { api, query } from '../../../lib/api-client';
import { contactKeys, type Contact, type Page } from './keys';

type ContactFilter = { q?: string; companyId?: string };

export const fetchContacts = (
  params: ContactFilter & { cursor?: string | null; limit?: number },
  signal?: AbortSignal,
) => api<Page<Contact>>(`/contacts${query({ limit: 50, ...params })}`, { signal });

/** Contacts by name or of one company, a page at a time. */
export const contactsQuery = (filter: ContactFilter) =>
  infiniteQueryOptions({
    queryKey: contactKeys.list(filter),
    queryFn: ({ pageParam, signal }) => fetchContacts({ ...filter, cursor: pageParam }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });

export const useContacts = (filter: ContactFilter) => useInfiniteQuery(contactsQuery(filter));
