import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, query } from '../../../lib/api-client';
import { dealKeys, type Board, type Deal } from '../../../lib/queries/deal-types';
import type { BoardApiFilters } from '../lib/board-filters';
import { appendPage } from '../lib/optimistic-move';

export const PAGE_SIZE = 50;

export type StageDeals = { data: Deal[]; nextCursor: string | null };

/** GET /pipelines/:id/stages/:stageId/deals: the next page of one column, after `cursor`. */
export const fetchStageDeals = (
  pipelineId: string,
  stageId: string,
  filters: BoardApiFilters,
  cursor: string,
  limit = PAGE_SIZE,
  signal?: AbortSignal,
) =>
  api<StageDeals>(
    `/pipelines/${pipelineId}/stages/${stageId}/deals${query({ ...filters, cursor, limit })}`,
    { signal },
  );

/** Loads a column's next page into the board's cache, where the column reads its cards. */
export function useLoadMoreDeals(pipelineId: string, filters: BoardApiFilters, stageId: string) {
  const client = useQueryClient();
  const key = dealKeys.board(pipelineId, filters);
  return useMutation({
    mutationFn: (cursor: string) => fetchStageDeals(pipelineId, stageId, filters, cursor),
    onSuccess: (page, cursor) =>
      client.setQueryData<Board>(key, (board) =>
        board
          ? {
              ...board,
              columns: board.columns.map((c) =>
                // A refetch meanwhile may have moved the cursor on: this page is then stale.
                c.stage.id === stageId && c.nextCursor === cursor ? appendPage(c, page) : c,
              ),
            }
          : board,
      ),
  });
}
