import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, query } from '../../../lib/api-client';
import { dealKeys, type Board, type BoardColumn } from '../../../lib/queries/deal-types';
import type { BoardApiFilters } from '../lib/board-filters';
import { appendPage } from '../lib/optimistic-move';
import { fetchStageDeals, PAGE_SIZE } from './use-stage-deals';

/** Fetches pages after the first until the column holds `wanted` deals (or has no more). */
async function deepen(
  pipelineId: string,
  filters: BoardApiFilters,
  column: BoardColumn,
  wanted: number,
  signal: AbortSignal,
) {
  let current = column;
  while (current.nextCursor && current.deals.length < wanted) {
    const limit = Math.min(200, wanted - current.deals.length);
    const page = await fetchStageDeals(
      pipelineId,
      column.stage.id,
      filters,
      current.nextCursor,
      limit,
      signal,
    );
    current = appendPage(current, page);
  }
  return current;
}

/**
 * GET /pipelines/:id/board: every column's header and first page. On a refetch each column is
 * loaded as deep as it was, so a move or a refocus does not throw away what was scrolled to.
 */
export async function fetchBoard(
  pipelineId: string,
  filters: BoardApiFilters,
  signal: AbortSignal,
  previous?: Board,
): Promise<Board> {
  const board = await api<Board>(
    `/pipelines/${pipelineId}/board${query({ ...filters, limit: PAGE_SIZE })}`,
    { signal },
  );
  if (!previous) return board;
  const depth = new Map(previous.columns.map((c) => [c.stage.id, c.deals.length]));
  const columns = await Promise.all(
    board.columns.map((c) => deepen(pipelineId, filters, c, depth.get(c.stage.id) ?? 0, signal)),
  );
  return { ...board, columns };
}

export const boardQuery = (pipelineId: string, filters: BoardApiFilters) =>
  queryOptions({
    queryKey: dealKeys.board(pipelineId, filters),
    queryFn: ({ client, queryKey, signal }) =>
      fetchBoard(pipelineId, filters, signal, client.getQueryData<Board>(queryKey)),
    // Filters change the key: keep showing the last board while the next one loads.
    placeholderData: (previous) => (previous?.pipelineId === pipelineId ? previous : undefined),
  });

export const useBoard = (pipelineId: string | undefined, filters: BoardApiFilters) =>
  useQuery({ ...boardQuery(pipelineId ?? '', filters), enabled: !!pipelineId });
