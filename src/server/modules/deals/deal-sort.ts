import { sql } from 'kysely';
import type { SortKey } from '../shared/cursor.js';

export type DealSort = 'createdAt' | 'updatedAt' | 'value' | 'expectedCloseDate' | 'title';

type SortColumn = SortKey & {
  cursorValue: (d: {
    createdAt: string;
    updatedAt: string;
    value: number;
    expectedCloseDate: string | null;
    title: string;
  }) => string | number;
};

// Text sorts use lower() under the "C" collation so that both engines order identically.
export const sortColumns: Record<DealSort, SortColumn> = {
  createdAt: { expr: sql`deals.created_at`, cast: 'timestamptz', cursorValue: (d) => d.createdAt },
  updatedAt: { expr: sql`deals.updated_at`, cast: 'timestamptz', cursorValue: (d) => d.updatedAt },
  value: { expr: sql`deals.value_minor`, cast: 'int8', cursorValue: (d) => d.value },
  expectedCloseDate: {
    expr: sql`coalesce(deals.expected_close_date, '9999-12-31'::date)`,
    cast: 'date',
    cursorValue: (d) => d.expectedCloseDate ?? '9999-12-31',
  },
  title: {
    expr: sql`lower(deals.title) collate "C"`,
    cast: 'text',
    cursorValue: (d) => d.title.toLowerCase(),
  },
};
