import { memo } from 'react';
import type { Deal } from '../../../lib/queries/deal-types';
import { numericColumns, type ListColumn } from '../model/deal-columns';
import { DealCell, type CellContext } from './deal-cell';

type Props = {
  deal: Deal;
  columns: ListColumn[];
  selected: boolean;
  onSelect: (ids: string[], on: boolean) => void;
  cell: CellContext;
};

/**
 * One deal. Memoised, and free of router hooks (which re-render on every URL change): a filter
 * change or a checkbox elsewhere leaves the other rows and their formatting alone.
 */
export const DealRow = memo(function DealRow({ deal, columns, selected, onSelect, cell }: Props) {
  return (
    <tr data-deal-id={deal.id} className={selected ? 'is-selected' : undefined}>
      <td className="deals-check">
        <input
          type="checkbox"
          aria-label={cell.t('table.selectRow', { title: deal.title })}
          checked={selected}
          onChange={(e) => onSelect([deal.id], e.target.checked)}
        />
      </td>
      {columns.map((column) => (
        <td
          key={column}
          className={`deals-col-${column}${numericColumns.has(column) ? ' deals-num' : ''}`}
        >
          <DealCell column={column} deal={deal} x={cell} />
        </td>
      ))}
    </tr>
  );
});
