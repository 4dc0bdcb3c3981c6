import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useToast } from '../../../components/ui/toast';
import { api, ApiError } from '../../../lib/api-client';
import { dealKeys, type Board, type Deal } from '../../../lib/queries/deal-types';
import { useStageName } from '../../../lib/queries/pipelines';
import type { BoardApiFilters } from '../lib/board-filters';
import { applyMove, type DealMove } from '../lib/optimistic-move';

const moveKey = ['deals', 'move'] as const;

/**
 * POST /deals/:id/move: rank and stage in one request. The place is sent as "after this card"
 * (afterId), not as an index: a filtered board, or a rep's, does not show every deal of the
 * column, so an index would count deals the user cannot see.
 */
export const moveDeal = ({ dealId, stageId, position }: DealMove, afterId?: string | null) =>
  api<Deal>(`/deals/${dealId}/move`, {
    method: 'POST',
    body: afterId === undefined ? { stageId, position } : { stageId, afterId },
  });

/** The card shown just above the moved one in the (already optimistic) board, or null on top. */
function cardAbove(board: Board | undefined, move: DealMove): string | null | undefined {
  const column = board?.columns.find((c) => c.stage.id === move.stageId);
  const index = column?.deals.findIndex((d) => d.id === move.dealId) ?? -1;
  if (!column || index < 0) return undefined;
  return index === 0 ? null : (column.deals[index - 1]?.id ?? null);
}

/**
 * Moves a card at once in the cached board (counts and totals too), puts it back if the server
 * refuses, and refetches the exact figures once the last of several quick moves has answered.
 */
export function useMoveDeal(pipelineId: string, filters: BoardApiFilters) {
  const client = useQueryClient();
  const key = dealKeys.board(pipelineId, filters);
  const toast = useToast();
  const { t, i18n } = useTranslation('board');
  const navigate = useNavigate();
  const stageName = useStageName();

  /** "Before Proposal, this deal needs: a value and a contact." with a button to the deal. */
  const showRequirements = (error: ApiError, move: DealMove, board: Board | undefined) => {
    const missing = Array.isArray(error.details?.missing) ? error.details.missing : [];
    const names = missing
      .filter((f): f is string => typeof f === 'string')
      .map((f) => t(`requiredFields.${f}`, { defaultValue: f }));
    const stage = board?.columns.find((c) => c.stage.id === move.stageId)?.stage.name;
    if (!names.length || !stage) return false;
    const fields = new Intl.ListFormat(i18n.language === 'vi' ? 'vi-VN' : 'en-US', {
      type: 'conjunction',
    }).format(names);
    toast.show(t('move.requirements', { stage: stageName(stage), fields }), 'error', [
      { label: t('move.openDeal'), onClick: () => void navigate(`/deals/${move.dealId}`) },
    ]);
    return true;
  };

  return useMutation({
    mutationKey: moveKey,
    mutationFn: (move: DealMove) =>
      moveDeal(move, cardAbove(client.getQueryData<Board>(key), move)),
    onMutate: async (move) => {
      await client.cancelQueries({ queryKey: key });
      const previous = client.getQueryData<Board>(key);
      if (previous) client.setQueryData<Board>(key, applyMove(previous, move));
      return { previous };
    },
    onError: (error, move, context) => {
      if (context?.previous) client.setQueryData(key, context.previous);
      if (
        error instanceof ApiError &&
        error.code === 'stage_requirements' &&
        showRequirements(error, move, context?.previous)
      )
        return;
      // The API's own message (409, 404, 422...); a bare HTTP error means no server behind.
      const reason =
        error instanceof ApiError && error.code !== 'http_error'
          ? error.message
          : t('move.offline');
      toast.show(t('move.failed', { message: reason }), 'error');
    },
    onSettled: () => {
      if (client.isMutating({ mutationKey: moveKey }) === 1) {
        return client.invalidateQueries({ queryKey: dealKeys.all });
      }
    },
  });
}
