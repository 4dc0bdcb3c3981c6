// The columns of the deals table: which exist, which the server can sort by, and how a header
// click changes the sort. No React here, so it can be unit-tested.
import type { DealColumn } from '../../../../contracts/views.js';

export type ListColumn = Extract<
  DealColumn,
  | 'title'
  | 'pipeline'
  | 'stage'
  | 'value'
  | 'currency'
  | 'owner'
  | 'company'
  | 'expectedCloseDate'
  | 'source'
  | 'status'
  | 'probability'
  | 'createdAt'
  | 'stageEnteredAt'
  | 'nextStep'
>;

export type DealSort = 'createdAt' | 'updatedAt' | 'value' | 'expectedCloseDate' | 'title';
export type SortOrder = 'asc' | 'desc';

/** Every column the picker offers, in the order a new one is placed (the defaults are in this order). */
export const listColumns: readonly ListColumn[] = [
  'title',
  'company',
  'value',
  'currency',
  'pipeline',
  'stage',
  'owner',
  'expectedCloseDate',
  'nextStep',
  'source',
  'status',
  'probability',
  'createdAt',
  'stageEnteredAt',
];

/** The server's default plus the next step (the app always sends its columns to the CSV export). */
export const defaultColumns: readonly ListColumn[] = [
  'title',
  'company',
  'value',
  'currency',
  'stage',
  'owner',
  'expectedCloseDate',
  'nextStep',
  'status',
  'createdAt',
];

export const dealSorts: readonly DealSort[] = [
  'createdAt',
  'updatedAt',
  'value',
  'expectedCloseDate',
  'title',
];
export const defaultSort: DealSort = 'createdAt';
export const defaultOrder: SortOrder = 'desc';

/** The columns the API can sort by; the others have plain headers. */
export const sortOfColumn: Partial<Record<ListColumn, DealSort>> = {
  title: 'title',
  value: 'value',
  expectedCloseDate: 'expectedCloseDate',
  createdAt: 'createdAt',
};

export const numericColumns: ReadonlySet<ListColumn> = new Set([
  'value',
  'probability',
  'stageEnteredAt',
]);

export const isListColumn = (name: string): name is ListColumn =>
  (listColumns as readonly string[]).includes(name);

/** A first click sorts names and close dates A→Z / soonest first, amounts and creation newest/largest first. */
const firstOrder = (sort: DealSort): SortOrder =>
  sort === 'title' || sort === 'expectedCloseDate' ? 'asc' : 'desc';

export function nextSort(current: { sort: DealSort; order: SortOrder }, clicked: DealSort) {
  if (current.sort === clicked)
    return { sort: clicked, order: current.order === 'asc' ? 'desc' : 'asc' } as const;
  return { sort: clicked, order: firstOrder(clicked) } as const;
}

/**
 * Shows or hides a column. A shown column goes after the last chosen one that precedes it in the
 * picker's order, so a saved view's own order is kept; the last column cannot be hidden.
 */
export function toggleColumn(columns: readonly ListColumn[], column: ListColumn): ListColumn[] {
  if (columns.includes(column))
    return columns.length === 1 ? [...columns] : columns.filter((c) => c !== column);
  const rank = listColumns.indexOf(column);
  const at = columns.findLastIndex((c) => listColumns.indexOf(c) < rank) + 1;
  return [...columns.slice(0, at), column, ...columns.slice(at)];
}

export const sameColumns = (a: readonly ListColumn[], b: readonly ListColumn[]) =>
  a.length === b.length && a.every((c, i) => c === b[i]);
