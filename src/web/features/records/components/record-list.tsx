import type { InfiniteData, UseInfiniteQueryResult } from '@tanstack/react-query';
import { useEffect, useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { Button } from '../../../components/ui/button';
import { EmptyState } from '../../../components/ui/empty-state';
import type { Page } from '../api/keys';
import '../records.css';
import { useDebouncedValue } from '../../../lib/use-debounced-value';

export type Column<T> = { header: string; cell: (row: T) => ReactNode };

type RecordListProps<T> = {
  title: string;
  searchLabel: string;
  columns: Column<T>[];
  /** The list for the settled search text. */
  useList: (q: string) => UseInfiniteQueryResult<InfiniteData<Page<T>>>;
  emptyTitle: string;
  noMatch: (q: string) => string;
};

/** A searchable table of records that pages on with "Load more"; the search lives in the URL. */
export function RecordList<T extends { id: string }>(props: RecordListProps<T>) {
  const { title, searchLabel, columns, useList, emptyTitle, noMatch } = props;
  const { t } = useTranslation('records');
  const [params, setParams] = useSearchParams();
  const [text, setText] = useState(params.get('q') ?? '');
  const q = useDebouncedValue(text.trim(), 250);
  const list = useList(q);
  const rows = list.data?.pages.flatMap((p) => p.data) ?? [];
  const searchId = useId();

  useEffect(() => {
    setParams(q ? { q } : {}, { replace: true });
  }, [q, setParams]);

  return (
    <div className="rec-list-page">
      <div className="page-header">
        <h1>{title}</h1>
        <div className="rec-list-search">
          <label htmlFor={searchId} className="visually-hidden">
            {searchLabel}
          </label>
          <input
            id={searchId}
            type="search"
            placeholder={searchLabel}
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
        </div>
      </div>
      {list.isPending && <div className="page-loading">{t('common:state.loading')}</div>}
      {list.isError && (
        <EmptyState title={t('common:state.error')}>
          <Button onClick={() => void list.refetch()}>{t('common:actions.retry')}</Button>
        </EmptyState>
      )}
      {list.isSuccess && !rows.length && (
        <EmptyState title={q ? noMatch(q) : emptyTitle}>
          <p>{q ? t('list.tryOther') : t('list.addHint')}</p>
        </EmptyState>
      )}
      {rows.length > 0 && (
        <div className="rec-table-wrap">
          <table className="rec-table" aria-busy={list.isFetching}>
            <caption className="visually-hidden">{title}</caption>
            <thead>
              <tr>
                {columns.map((c) => (
                  <th key={c.header} scope="col">
                    {c.header}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id}>
                  {columns.map((c) => (
                    <td key={c.header}>{c.cell(row)}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {list.hasNextPage && (
        <div className="rec-load-more">
          <Button onClick={() => void list.fetchNextPage()} disabled={list.isFetchingNextPage}>
            {list.isFetchingNextPage ? t('common:state.loading') : t('common:actions.loadMore')}
          </Button>
        </div>
      )}
    </div>
  );
}
