import {
  closestCenter,
  closestCorners,
  DndContext,
  DragOverlay,
  KeyboardSensor,
  MouseSensor,
  pointerWithin,
  TouchSensor,
  useSensor,
  useSensors,
  type CollisionDetection,
} from '@dnd-kit/core';
import { sortableKeyboardCoordinates } from '@dnd-kit/sortable';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Board, Deal } from '../../../lib/queries/deal-types';
import { useMoveDeal } from '../api/use-move-deal';
import type { BoardApiFilters } from '../lib/board-filters';
import { columnDropId } from '../lib/drag-columns';
import { useAnnouncements } from '../lib/use-announcements';
import { useBoardDrag } from '../lib/use-board-drag';
import { BoardColumn } from './board-column';
import { DealCardBody } from './deal-card';

const isColumn = (id: string | number) => String(id).startsWith(columnDropId(''));

/**
 * The card under the pointer; over a column's empty space, its nearest card; without a pointer
 * (keyboard), the nearest droppable.
 */
const collision: CollisionDetection = (args) => {
  const hits = pointerWithin(args);
  const card = hits.find((hit) => !isColumn(hit.id));
  if (card) return [card];
  const column = hits[0];
  if (column) {
    const stageId = String(column.id).slice(columnDropId('').length);
    const cards = args.droppableContainers.filter(
      (c) =>
        (c.data.current?.sortable as { containerId?: string } | undefined)?.containerId === stageId,
    );
    return cards.length ? closestCenter({ ...args, droppableContainers: cards }) : [column];
  }
  return closestCorners(args);
};

type Props = {
  board: Board;
  filters: BoardApiFilters;
  disabled: boolean;
  today: string;
};

/** The columns side by side, and dragging cards between and within them. */
export function BoardColumns({ board, filters, disabled, today }: Props) {
  const { t } = useTranslation('board');
  const move = useMoveDeal(board.pipelineId, filters);
  const dealsById = useMemo(() => {
    const map = new Map<string, Deal>();
    for (const column of board.columns) for (const deal of column.deals) map.set(deal.id, deal);
    return map;
  }, [board]);
  const drag = useBoardDrag(board, (dealMove, viaKeyboard) => {
    move.mutate(dealMove);
    // The card is drawn anew in its new column: keep the keyboard on it.
    if (viaKeyboard) {
      requestAnimationFrame(() =>
        document.querySelector<HTMLElement>(`[data-deal-id="${dealMove.dealId}"]`)?.focus(),
      );
    }
  });
  const accessibility = useAnnouncements(board, drag.placementRef);
  const sensors = useSensors(
    useSensor(MouseSensor, { activationConstraint: { distance: 6 } }),
    // On touch, a press and hold picks a card up; a swipe still scrolls the board.
    useSensor(TouchSensor, { activationConstraint: { delay: 250, tolerance: 8 } }),
    useSensor(KeyboardSensor, {
      coordinateGetter: sortableKeyboardCoordinates,
      // Enter stays with the link (it opens the deal); Space picks up and drops.
      keyboardCodes: { start: ['Space'], cancel: ['Escape'], end: ['Space', 'Enter'] },
    }),
  );
  const active = drag.activeId ? dealsById.get(drag.activeId) : undefined;
  const activeStage = board.columns.find((c) => c.stage.id === active?.stageId)?.stage;

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={collision}
      accessibility={accessibility}
      {...drag.handlers}
    >
      <div
        className="board-columns"
        role="region"
        aria-label={t('columnsLabel')}
        // Without a card to tab to, the row itself takes focus so it can be scrolled sideways.
        tabIndex={dealsById.size === 0 ? 0 : undefined}
      >
        {board.columns.map((column) => (
          <BoardColumn
            key={column.stage.id}
            pipelineId={board.pipelineId}
            filters={filters}
            column={column}
            ids={drag.placement?.[column.stage.id] ?? column.deals.map((d) => d.id)}
            dealsById={dealsById}
            activeId={drag.activeId}
            dragging={drag.activeId !== null}
            disabled={disabled}
            today={today}
          />
        ))}
      </div>
      <DragOverlay>
        {active && activeStage && (
          <div className="board-card is-overlay">
            <DealCardBody deal={active} stage={activeStage} today={today} />
          </div>
        )}
      </DragOverlay>
    </DndContext>
  );
}
