import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { ViewConfig } from '../../../contracts/views';
import type { ListColumn } from './model/deal-columns';
import {
  stateFromSearch,
  searchFromState,
  stateFromView,
  type DealFilters,
  type DealListState,
} from './model/list-params';

type Options = { replace?: boolean };

const currentSearch = () => new URLSearchParams(window.location.search);

/** The deals list state, read from and written to the URL (the single source of truth). */
export function useListState() {
  const [search, setSearch] = useSearchParams();
  const state = useMemo(() => stateFromSearch(search), [search]);
  const viewId = search.get('view');

  // Changes start from the URL as it is now, not from this render's copy: a click while an
  // earlier change is still rendering must not write back stale filters. Clicks and picks apply
  // synchronously (flushSync) so a controlled select never flickers back; typed text (replace)
  // renders in the background.
  const update = useCallback(
    (change: (s: DealListState) => DealListState, { replace = false }: Options = {}) => {
      const now = currentSearch();
      setSearch(searchFromState(change(stateFromSearch(now)), now.get('view')), {
        replace,
        flushSync: !replace,
      });
    },
    [setSearch],
  );

  return {
    state,
    viewId,
    setFilters: useCallback(
      (patch: Partial<DealFilters>, options?: Options) =>
        update((s) => ({ ...s, filters: { ...s.filters, ...patch } }), options),
      [update],
    ),
    clearFilters: useCallback(() => update((s) => ({ ...s, filters: {} })), [update]),
    setSort: useCallback(
      (sort: Pick<DealListState, 'sort' | 'order'>) => update((s) => ({ ...s, ...sort })),
      [update],
    ),
    setColumns: useCallback(
      (columns: ListColumn[]) => update((s) => ({ ...s, columns })),
      [update],
    ),
    /** Marks the list as showing a saved view (or none), keeping filters, sort and columns. */
    setViewId: useCallback(
      (id: string | null) =>
        setSearch(searchFromState(stateFromSearch(currentSearch()), id), { replace: true }),
      [setSearch],
    ),
    applyView: useCallback(
      (view: { id: string; config: ViewConfig } | null) =>
        setSearch(
          view ? searchFromState(stateFromView(view.config), view.id) : new URLSearchParams(),
          { flushSync: true },
        ),
      [setSearch],
    ),
  };
}

export type ListStateApi = ReturnType<typeof useListState>;
