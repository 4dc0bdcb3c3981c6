import type { z } from 'zod';
import type { company, duplicateMatch } from '../../../../contracts/companies';
import type { contact } from '../../../../contracts/contacts';

export type Company = z.infer<typeof company>;
export type Contact = z.infer<typeof contact>;
export type DuplicateMatch = z.infer<typeof duplicateMatch>;
export type Page<T> = { data: T[]; nextCursor: string | null };

/** Query keys of companies and contacts; mutations invalidate by the `all` prefix. */
export const companyKeys = {
  all: ['companies'] as const,
  list: (params: object) => ['companies', 'list', params] as const,
  one: (id: string) => ['companies', 'one', id] as const,
};

export const contactKeys = {
  all: ['contacts'] as const,
  list: (params: object) => ['contacts', 'list', params] as const,
  one: (id: string) => ['contacts', 'one', id] as const,
};
