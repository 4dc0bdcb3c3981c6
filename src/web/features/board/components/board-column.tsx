import { useDroppable } from '@dnd-kit/core';
import { SortableContext, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import { useCallback, useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import type { BoardColumn as Column, Deal } from '../../../lib/queries/deal-types';
import { useStageName } from '../../../lib/queries/pipelines';
import { useLoadMoreDeals } from '../api/use-stage-deals';
import type { BoardApiFilters } from '../lib/board-filters';
import { columnDropId } from '../lib/drag-columns';
import { ColumnHeader } from './column-header';
import { DealCard } from './deal-card';

type Props = {
  pipelineId: string;
  filters: BoardApiFilters;
  column: Column;
  /** The cards in display order: the column's own, or where a drag puts them. */
  ids: string[];
  dealsById: Map<string, Deal>;
  activeId: string | null;
  dragging: boolean;
  disabled: boolean;
  today: string;
};

const CARD_ESTIMATE = 128;
// Fetch the next page while this many cards are still below the visible ones.
const LOAD_AHEAD = 10;

/** One stage: header, then its cards in a virtual list that loads more near its end. */
export function BoardColumn(props: Props) {
  const { pipelineId, filters, column, ids, dealsById, activeId, dragging, disabled, today } =
    props;
  const { t } = useTranslation('board');
  const stageName = useStageName();
  const headingId = useId();
  const scrollRef = useRef<HTMLDivElement | null>(null);
  const { setNodeRef } = useDroppable({ id: columnDropId(column.stage.id) });
  const loadMore = useLoadMoreDeals(pipelineId, filters, column.stage.id);

  // The card being dragged stays rendered even when scrolled out of view, or dnd-kit loses it.
  const activeIndex = activeId ? ids.indexOf(activeId) : -1;
  const rangeExtractor = useCallback(
    (range: Range) => {
      const indexes = defaultRangeExtractor(range);
      return activeIndex < 0 || indexes.includes(activeIndex)
        ? indexes
        : [...indexes, activeIndex].sort((a, b) => a - b);
    },
    [activeIndex],
  );
  const virtualizer = useVirtualizer({
    count: ids.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => CARD_ESTIMATE,
    getItemKey: (index) => ids[index] ?? index,
    overscan: 6,
    rangeExtractor,
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items.at(-1)?.index ?? -1;
  const cursor = column.nextCursor;
  const { isPending, isError, mutate } = loadMore;

  useEffect(() => {
    if (cursor && !isPending && !isError && !dragging && lastIndex >= ids.length - LOAD_AHEAD) {
      mutate(cursor);
    }
  }, [cursor, isPending, isError, dragging, lastIndex, ids.length, mutate]);

  const setBodyRef = (node: HTMLDivElement | null) => {
    scrollRef.current = node;
    setNodeRef(node);
  };

  return (
    <section
      className={`board-column board-column-${column.stage.kind}`}
      data-stage-id={column.stage.id}
      data-stage-name={column.stage.name}
      aria-labelledby={headingId}
    >
      <ColumnHeader column={column} headingId={headingId} />
      <div ref={setBodyRef} className="board-column-body">
        <SortableContext id={column.stage.id} items={ids} strategy={verticalListSortingStrategy}>
          {ids.length === 0 ? (
            <p className={`board-column-empty${dragging ? ' is-target' : ''}`}>
              {dragging ? t('column.dropHere') : t('column.noDeals')}
            </p>
          ) : (
            <div
              role="list"
              aria-label={t('column.listLabel', { stage: stageName(column.stage.name) })}
              className="board-column-list"
              style={{ height: virtualizer.getTotalSize() }}
            >
              {items.map((item) => {
                const deal = dealsById.get(ids[item.index] ?? '');
                if (!deal) return null;
                return (
                  <div
                    key={item.key}
                    role="listitem"
                    aria-setsize={column.count}
                    aria-posinset={item.index + 1}
                    data-index={item.index}
                    ref={virtualizer.measureElement}
                    className="board-card-slot"
                    style={{ transform: `translateY(${item.start}px)` }}
                  >
                    <DealCard deal={deal} stage={column.stage} today={today} disabled={disabled} />
                  </div>
                );
              })}
            </div>
          )}
        </SortableContext>
        {isPending && <p className="board-column-more muted small">{t('column.loadingMore')}</p>}
        {isError && cursor && (
          <p className="board-column-more" role="alert">
            {t('column.loadMoreFailed')}{' '}
            <Button variant="ghost" onClick={() => mutate(cursor)}>
              {t('actions.retry', { ns: 'common' })}
            </Button>
          </p>
        )}
      </div>
    </section>
  );
}
