import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Deal } from '../../../lib/queries/deal-types';
import {
  nextSort,
  numericColumns,
  sortOfColumn,
  type DealSort,
  type ListColumn,
  type SortOrder,
} from '../model/deal-columns';
import type { CellContext } from './deal-cell';
import { DealRow } from './deal-row';

type Props = {
  deals: Deal[];
  columns: ListColumn[];
  sort: DealSort;
  order: SortOrder;
  onSort: (sort: { sort: DealSort; order: SortOrder }) => void;
  selected: ReadonlySet<string>;
  onSelect: (ids: string[], on: boolean) => void;
  cell: CellContext;
  busy: boolean;
  /** Below the rows, inside the scrolling box: where "load more" waits to be scrolled into view. */
  footer?: ReactNode;
};

export function DealsTable({
  deals,
  columns,
  sort,
  order,
  onSort,
  selected,
  onSelect,
  cell,
  busy,
  footer,
}: Props) {
  const { t } = useTranslation('deals');
  const navigate = useNavigate();
  const allRef = useRef<HTMLInputElement>(null);
  const selectedShown = deals.filter((d) => selected.has(d.id)).length;
  const all = deals.length > 0 && selectedShown === deals.length;
  useEffect(() => {
    if (allRef.current) allRef.current.indeterminate = selectedShown > 0 && !all;
  }, [selectedShown, all]);

  return (
    <div
      className="deals-table-wrap"
      role="region"
      aria-label={t('table.scrollRegion')}
      tabIndex={0}
    >
      <table className="deals-table" data-testid="deals-table" aria-busy={busy}>
        <thead>
          <tr>
            <th className="deals-check" scope="col">
              <input
                ref={allRef}
                type="checkbox"
                aria-label={t('table.selectAll')}
                checked={all}
                onChange={(e) =>
                  onSelect(
                    deals.map((d) => d.id),
                    e.target.checked,
                  )
                }
              />
            </th>
            {columns.map((column) => {
              const key = sortOfColumn[column];
              const label = t(`columns.${column}`);
              const num = numericColumns.has(column) ? ' deals-num' : '';
              if (!key)
                return (
                  <th key={column} scope="col" className={num.trim() || undefined}>
                    {label}
                  </th>
                );
              const active = sort === key;
              return (
                <th
                  key={column}
                  scope="col"
                  className={`deals-sortable${num}`}
                  aria-sort={active ? (order === 'asc' ? 'ascending' : 'descending') : 'none'}
                >
                  <button type="button" onClick={() => onSort(nextSort({ sort, order }, key))}>
                    {label}
                    <span className="deals-sort-mark" aria-hidden="true">
                      {active ? (order === 'asc' ? '▲' : '▼') : '↕'}
                    </span>
                  </button>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody
          // A click anywhere on a row opens the deal; keyboard users have the title link.
          onClick={(e) => {
            const target = e.target as HTMLElement;
            const id = target.closest('tr')?.dataset.dealId;
            if (id && !target.closest('a, button, input, label')) navigate(`/deals/${id}`);
          }}
        >
          {deals.map((deal) => (
            <DealRow
              key={deal.id}
              deal={deal}
              columns={columns}
              selected={selected.has(deal.id)}
              onSelect={onSelect}
              cell={cell}
            />
          ))}
        </tbody>
      </table>
      {footer}
    </div>
  );
}
