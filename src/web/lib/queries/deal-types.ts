import type { z } from 'zod';
import type { board, boardColumn, deal, dealEvent } from '../../../contracts/deals';

export type Deal = z.infer<typeof deal>;
export type Board = z.infer<typeof board>;
export type BoardColumn = z.infer<typeof boardColumn>;
export type DealEvent = z.infer<typeof dealEvent>;

/** Query keys shared by every feature that reads or changes deals, so mutations invalidate all. */
export const dealKeys = {
  all: ['deals'] as const,
  board: (pipelineId: string, filters: object) => ['deals', 'board', pipelineId, filters] as const,
  list: (params: object) => ['deals', 'list', params] as const,
  one: (id: string) => ['deals', 'one', id] as const,
  history: (id: string) => ['deals', 'history', id] as const,
};
