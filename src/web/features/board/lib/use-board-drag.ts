import type { DragEndEvent, DragOverEvent, DragStartEvent } from '@dnd-kit/core';
import { useEffect, useRef, useState } from 'react';
import type { Board } from '../../../lib/queries/deal-types';
import type { DealMove } from './optimistic-move';
import {
  columnIdsOf,
  dropTarget,
  locate,
  moveAcross,
  moveWithin,
  type ColumnIds,
} from './drag-columns';

/**
 * Drag state of the board: while a card moves, `placement` says which column shows it where
 * (the board itself changes only on drop). `onDrop` gets the move when the card really moved.
 */
export function useBoardDrag(
  board: Board | undefined,
  onDrop: (move: DealMove, viaKeyboard: boolean) => void,
) {
  const [placement, setPlacement] = useState<ColumnIds | null>(null);
  const [activeId, setActiveId] = useState<string | null>(null);
  // The announcements read the live placement, also just after the drop.
  const placementRef = useRef<ColumnIds | null>(null);
  const origin = useRef<{ stageId: string; index: number } | null>(null);

  const droppedOn = useRef<Board | undefined>(undefined);
  useEffect(() => {
    if (activeId === null && placement !== null && board !== droppedOn.current) setPlacement(null);
  }, [board, activeId, placement]);

  const place = (next: ColumnIds | null) => {
    placementRef.current = next;
    setPlacement(next);
  };

  const onDragStart = ({ active }: DragStartEvent) => {
    if (!board) return;
    const ids = columnIdsOf(board);
    origin.current = locate(ids, String(active.id));
    place(ids);
    setActiveId(String(active.id));
  };

  const onDragOver = ({ active, over }: DragOverEvent) => {
    const current = placementRef.current;
    if (!over || !current) return;
    const translated = active.rect.current.translated;
    const below = !!translated && translated.top > over.rect.top + over.rect.height / 2;
    const next = moveAcross(current, String(active.id), String(over.id), below);
    if (next !== current) place(next);
  };

  const onDragEnd = ({ active, over, activatorEvent }: DragEndEvent) => {
    const current = placementRef.current;
    const target = current && over ? dropTarget(current, String(active.id), String(over.id)) : null;
    const from = origin.current;
    setActiveId(null);
    if (!target || !from || (target.stageId === from.stageId && target.position === from.index)) {
      setPlacement(null);
      return;
    }
    // The card stays where it was dropped until the cache holds the move (see the effect).
    droppedOn.current = board;
    setPlacement(moveWithin(current as ColumnIds, String(active.id), target));
    onDrop({ dealId: String(active.id), ...target }, activatorEvent instanceof KeyboardEvent);
  };

  const onDragCancel = () => {
    place(null);
    setActiveId(null);
  };

  return {
    placement,
    placementRef,
    activeId,
    handlers: { onDragStart, onDragOver, onDragEnd, onDragCancel },
  };
}
