// The deals list's filters, sort and columns live in the URL, so a link (or a saved view) brings
// back exactly the same list. These functions turn search params into that state and back.
import type { ViewConfig } from '../../../../contracts/views.js';
import {
  dealSorts,
  defaultColumns,
  defaultOrder,
  defaultSort,
  isListColumn,
  sameColumns,
  type DealSort,
  type ListColumn,
  type SortOrder,
} from './deal-columns.js';

export type DealFilters = ViewConfig['filters'];
export type DealListState = {
  filters: DealFilters;
  sort: DealSort;
  order: SortOrder;
  columns: ListColumn[];
};

type TextKey = 'q' | 'source';
type IdKey = 'pipelineId' | 'stageId' | 'ownerId' | 'teamId' | 'companyId' | 'contactId';
type DateKey = 'closeFrom' | 'closeTo';
type AmountKey = 'valueMin' | 'valueMax';

const textKeys: Record<TextKey, number> = { q: 200, source: 80 };
const idKeys: IdKey[] = ['pipelineId', 'stageId', 'ownerId', 'teamId', 'companyId', 'contactId'];
const dateKeys: DateKey[] = ['closeFrom', 'closeTo'];
const amountKeys: AmountKey[] = ['valueMin', 'valueMax'];
const statuses = ['open', 'won', 'lost'] as const;

/** The order filters are written in, so equal states give equal URLs. */
export const filterKeys = [
  'q',
  'pipelineId',
  'stageId',
  'ownerId',
  'teamId',
  'companyId',
  'contactId',
  'status',
  'source',
  'currency',
  'valueMin',
  'valueMax',
  'closeFrom',
  'closeTo',
] as const satisfies readonly (keyof DealFilters)[];

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const isoDate = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export const emptyState = (): DealListState => ({
  filters: {},
  sort: defaultSort,
  order: defaultOrder,
  columns: [...defaultColumns],
});

/** Reads what it understands and drops the rest: a hand-edited URL never breaks the page. */
export function filtersFromSearch(search: URLSearchParams): DealFilters {
  const filters: DealFilters = {};
  for (const [key, max] of Object.entries(textKeys) as [TextKey, number][]) {
    const value = search.get(key)?.trim();
    if (value) filters[key] = value.slice(0, max);
  }
  for (const key of idKeys) {
    const value = search.get(key);
    if (value && uuid.test(value)) filters[key] = value.toLowerCase();
  }
  for (const key of dateKeys) {
    const value = search.get(key);
    if (value && isoDate.test(value)) filters[key] = value;
  }
  for (const key of amountKeys) {
    const value = search.get(key);
    if (value && /^\d{1,15}$/.test(value)) filters[key] = Number(value);
  }
  const status = search.get('status');
  if (status && (statuses as readonly string[]).includes(status))
    filters.status = status as DealFilters['status'];
  const currency = search.get('currency');
  if (currency && /^[A-Z]{3}$/.test(currency)) filters.currency = currency;
  return filters;
}

export function stateFromSearch(search: URLSearchParams): DealListState {
  const sort = search.get('sort');
  const order = search.get('order');
  const columns = [...new Set((search.get('cols') ?? '').split(','))].filter(isListColumn);
  return {
    filters: filtersFromSearch(search),
    sort:
      sort && (dealSorts as readonly string[]).includes(sort) ? (sort as DealSort) : defaultSort,
    order: order === 'asc' || order === 'desc' ? order : defaultOrder,
    columns: columns.length ? columns : [...defaultColumns],
  };
}

/** Writes the filters in a fixed order, skipping empty ones. */
export function filterEntries(filters: DealFilters): [string, string][] {
  const entries: [string, string][] = [];
  for (const key of filterKeys) {
    const value = filters[key];
    if (value !== undefined && value !== '') entries.push([key, String(value)]);
  }
  return entries;
}

/** The URL form: defaults are left out so a plain /deals stays plain. `view` marks a saved view. */
export function searchFromState(state: DealListState, view?: string | null): URLSearchParams {
  const search = new URLSearchParams(filterEntries(state.filters));
  if (state.sort !== defaultSort) search.set('sort', state.sort);
  if (state.order !== defaultOrder) search.set('order', state.order);
  if (!sameColumns(state.columns, defaultColumns)) search.set('cols', state.columns.join(','));
  if (view) search.set('view', view);
  return search;
}

/** The query of GET /api/v1/deals (without the cursor). */
export const listQueryParams = (state: DealListState): Record<string, string> => ({
  ...Object.fromEntries(filterEntries(state.filters)),
  sort: state.sort,
  order: state.order,
});

/** The query of GET /api/v1/deals/export.csv: what the table shows, in the user's language. */
export function exportSearch(state: DealListState, lang: string): URLSearchParams {
  const search = new URLSearchParams(Object.entries(listQueryParams(state)));
  search.set('columns', state.columns.join(','));
  search.set('lang', lang === 'vi' ? 'vi' : 'en');
  return search;
}

export const activeFilterCount = (filters: DealFilters) => filterEntries(filters).length;

export const viewConfigOf = (state: DealListState): ViewConfig => ({
  filters: { ...state.filters },
  sort: state.sort,
  order: state.order,
  columns: [...state.columns],
});

/** A saved view's config as list state; unknown columns (made through the API) are dropped. */
export function stateFromView(config: ViewConfig): DealListState {
  return stateFromSearch(
    searchFromState({ ...config, columns: config.columns.filter(isListColumn) }),
  );
}

export const sameState = (a: DealListState, b: DealListState) =>
  searchFromState(a).toString() === searchFromState(b).toString();
