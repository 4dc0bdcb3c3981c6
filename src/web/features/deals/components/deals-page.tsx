import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Button } from '../../../components/ui/button';
import { EmptyState } from '../../../components/ui/empty-state';
import { usePipelines, useStageName } from '../../../lib/queries/pipelines';
import { useMe, userTimeZone } from '../../session/use-me';
import { useDealsList } from '../api/use-deals-list';
import '../deals.css';
import type { ListColumn } from '../model/deal-columns';
import { activeFilterCount, exportSearch, listQueryParams } from '../model/list-params';
import { useListState } from '../use-list-state';
import { BulkBar } from './bulk-bar';
import { ColumnPicker } from './column-picker';
import type { CellContext } from './deal-cell';
import { DealsFilters } from './deals-filters';
import { DealsTable } from './deals-table';
import { LoadMore } from './load-more';
import { ViewPicker } from './view-picker';

const noSelection: ReadonlySet<string> = new Set<string>();

/** The deals as a table: filters, sort and columns in the URL, bulk edit, CSV export, saved views. */
export function DealsPage() {
  const { t, i18n } = useTranslation('deals');
  const { t: common } = useTranslation();
  const me = useMe();
  const stageName = useStageName();
  const pipelines = usePipelines();
  const list = useListState();
  const { state } = list;
  const deals = useDealsList(state);
  const rows = useMemo(() => deals.data?.pages.flatMap((p) => p.data) ?? [], [deals.data]);

  // A selection belongs to one list: new filters or sort start afresh.
  const listKey = JSON.stringify(listQueryParams(state));
  const [selected, setSelected] = useState(noSelection);
  const [selectionKey, setSelectionKey] = useState(listKey);
  if (selectionKey !== listKey) {
    setSelectionKey(listKey);
    setSelected(noSelection);
  }
  const select = useCallback(
    (ids: string[], on: boolean) =>
      setSelected((prev) => {
        const next = new Set(prev);
        for (const id of ids) {
          if (on) next.add(id);
          else next.delete(id);
        }
        return next;
      }),
    [],
  );
  const clearSelection = () => setSelected(noSelection);
  // Same columns, same array: the memoised rows only re-render when something they show changes.
  const columnsKey = state.columns.join(',');
  const columns = useMemo(() => columnsKey.split(',') as ListColumn[], [columnsKey]);

  const names = useMemo(() => {
    const stages = new Map<string, string>();
    const pipelineNames = new Map<string, string>();
    for (const p of pipelines.data ?? []) {
      pipelineNames.set(p.id, p.name);
      for (const s of p.stages) stages.set(s.id, s.name);
    }
    return { stages, pipelines: pipelineNames };
  }, [pipelines.data]);
  const lang = i18n.language;
  const timeZone = me.data ? userTimeZone(me.data) : undefined;
  const cell = useMemo(
    (): CellContext => ({
      t,
      common,
      lang,
      timeZone,
      stageName: (id) => stageName(names.stages.get(id) ?? ''),
      pipelineName: (id) => stageName(names.pipelines.get(id) ?? ''),
    }),
    [t, common, lang, timeZone, names, stageName],
  );
  const sources = useMemo(
    () => [...new Set(rows.flatMap((d) => (d.source ? [d.source] : [])))].sort(),
    [rows],
  );
  const { fetchNextPage } = deals;
  const loadMore = useCallback(() => void fetchNextPage(), [fetchNextPage]);
  const filtered = activeFilterCount(state.filters) > 0;

  return (
    <div className="deals-page">
      <header className="page-header deals-header">
        <h1>{t('list.title')}</h1>
        <ViewPicker
          state={state}
          viewId={list.viewId}
          applyView={list.applyView}
          setViewId={list.setViewId}
        />
        <div className="deals-header-tools">
          <ColumnPicker columns={state.columns} onChange={list.setColumns} />
          <a
            className="btn btn-secondary"
            data-testid="export-csv"
            href={`/api/v1/deals/export.csv?${exportSearch(state, i18n.language).toString()}`}
            download
            title={t('export.title')}
          >
            {t('export.button')}
          </a>
        </div>
      </header>
      <DealsFilters
        filters={state.filters}
        sources={sources}
        setFilters={list.setFilters}
        clearFilters={list.clearFilters}
      />
      {selected.size > 0 && (
        <BulkBar ids={[...selected]} onDone={clearSelection} onClear={clearSelection} />
      )}
      {deals.isPending ? (
        <p className="page-loading">{common('state.loading')}</p>
      ) : deals.isError && !rows.length ? (
        <EmptyState title={t('list.loadError')}>
          <p>{deals.error.message}</p>
          <Button onClick={() => void deals.refetch()}>{common('actions.retry')}</Button>
        </EmptyState>
      ) : !rows.length ? (
        filtered ? (
          <EmptyState title={t('empty.filteredTitle')}>
            <p>{t('empty.filteredBody')}</p>
            <Button onClick={list.clearFilters}>{t('filters.clear')}</Button>
          </EmptyState>
        ) : (
          <EmptyState title={t('empty.noneTitle')}>
            <p>{t('empty.noneBody')}</p>
            <Link to="/board">{t('empty.openBoard')}</Link>
          </EmptyState>
        )
      ) : (
        <DealsTable
          deals={rows}
          columns={columns}
          sort={state.sort}
          order={state.order}
          onSort={list.setSort}
          selected={selected}
          onSelect={select}
          cell={cell}
          busy={deals.isPlaceholderData}
          footer={
            <LoadMore
              hasMore={deals.hasNextPage}
              loading={deals.isFetchingNextPage}
              onLoad={loadMore}
              shown={rows.length}
            />
          }
        />
      )}
    </div>
  );
}
