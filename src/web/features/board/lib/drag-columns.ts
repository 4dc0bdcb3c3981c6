// Where a dragged card is while the pointer or the keyboard moves it: deal ids per stage.
import type { z } from 'zod';
import type { board } from '../../../../contracts/deals.js';

type Board = z.infer<typeof board>;

export type ColumnIds = Record<string, string[]>;

const COLUMN_PREFIX = 'column:';

/** The droppable id of a column itself (what catches drops on an empty column). */
export const columnDropId = (stageId: string) => `${COLUMN_PREFIX}${stageId}`;

export const columnIdsOf = (board: Board): ColumnIds =>
  Object.fromEntries(board.columns.map((c) => [c.stage.id, c.deals.map((d) => d.id)]));

/** The stage that holds a card, or the stage of a column droppable. */
export function stageOf(ids: ColumnIds, id: string): string | undefined {
  if (id.startsWith(COLUMN_PREFIX)) return id.slice(COLUMN_PREFIX.length);
  return Object.keys(ids).find((stageId) => ids[stageId]?.includes(id));
}

/**
 * The card moves into the column it hovers: before the card under it (after it when `below`),
 * or at the end when it hovers the column itself. Within its own column nothing changes here:
 * the sortable strategy shows that, and `dropTarget` settles it.
 */
export function moveAcross(ids: ColumnIds, activeId: string, overId: string, below: boolean) {
  const from = stageOf(ids, activeId);
  const to = stageOf(ids, overId);
  if (!from || !to || from === to) return ids;
  const target = ids[to] ?? [];
  const overIndex = target.indexOf(overId);
  const index = overIndex < 0 ? target.length : overIndex + (below ? 1 : 0);
  return {
    ...ids,
    [from]: (ids[from] ?? []).filter((id) => id !== activeId),
    [to]: [...target.slice(0, index), activeId, ...target.slice(index)],
  };
}

/** Stage and 0-based index (among the other cards) where the card lands when dropped. */
export function dropTarget(ids: ColumnIds, activeId: string, overId: string | null) {
  const stageId = stageOf(ids, activeId);
  if (!stageId) return null;
  const list = ids[stageId] ?? [];
  const from = list.indexOf(activeId);
  const overIndex = overId === null ? -1 : list.indexOf(overId);
  return { stageId, position: overIndex < 0 ? from : overIndex };
}

/** Where a card is: its stage and 0-based index. */
export function locate(ids: ColumnIds, id: string) {
  const stageId = stageOf(ids, id);
  return stageId ? { stageId, index: (ids[stageId] ?? []).indexOf(id) } : null;
}

/** The placement with the card put at its drop index (what the board will show after the move). */
export function moveWithin(
  ids: ColumnIds,
  activeId: string,
  target: { stageId: string; position: number },
): ColumnIds {
  const rest = (ids[target.stageId] ?? []).filter((id) => id !== activeId);
  return {
    ...ids,
    [target.stageId]: [...rest.slice(0, target.position), activeId, ...rest.slice(target.position)],
  };
}
