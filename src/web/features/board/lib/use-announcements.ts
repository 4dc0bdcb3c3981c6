import type { Announcements, ScreenReaderInstructions } from '@dnd-kit/core';
import { useRef, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { Board } from '../../../lib/queries/deal-types';
import { useStageName } from '../../../lib/queries/pipelines';
import { stageOf, type ColumnIds } from './drag-columns';

/**
 * What a screen reader hears while a card is moved: deal, stage and position, in the user's
 * language. `ids` is the live placement of the cards during the drag.
 */
export function useAnnouncements(board: Board | undefined, ids: RefObject<ColumnIds | null>) {
  const { t } = useTranslation('board');
  const stageName = useStageName();
  // dnd-kit reports "over" right after the pick-up; saying the same place again would cut off
  // the pick-up message, so only a new place is announced.
  const lastPlace = useRef('');
  const titleOf = (id: string) =>
    board?.columns.flatMap((c) => c.deals).find((d) => d.id === id)?.title ?? '';
  const nameOf = (stageId: string) =>
    stageName(board?.columns.find((c) => c.stage.id === stageId)?.stage.name ?? '');

  // Position of the card: where the hovered card is within its column, else where it sits.
  const place = (activeId: string, overId: string | null) => {
    const placement = ids.current;
    if (!placement) return null;
    const stageId = stageOf(placement, activeId);
    if (!stageId) return null;
    const list = placement[stageId] ?? [];
    const overIndex = overId === null ? -1 : list.indexOf(overId);
    const index = overIndex >= 0 ? overIndex : list.indexOf(activeId);
    return {
      title: titleOf(activeId),
      stage: nameOf(stageId),
      position: index + 1,
      count: list.length,
    };
  };

  const announcements: Announcements = {
    onDragStart: ({ active }) => {
      const at = place(String(active.id), null);
      lastPlace.current = at ? `${at.stage}:${at.position}` : '';
      return at ? t('dnd.start', at) : undefined;
    },
    onDragOver: ({ active, over }) => {
      const at = over ? place(String(active.id), String(over.id)) : null;
      const key = at ? `${at.stage}:${at.position}` : '';
      if (key === lastPlace.current) return undefined;
      lastPlace.current = key;
      return at ? t('dnd.over', at) : t('dnd.overNone', { title: titleOf(String(active.id)) });
    },
    onDragEnd: ({ active, over }) => {
      const at = over ? place(String(active.id), String(over.id)) : null;
      return at ? t('dnd.end', at) : t('dnd.endNone', { title: titleOf(String(active.id)) });
    },
    onDragCancel: ({ active }) => {
      const deal = board?.columns.flatMap((c) => c.deals).find((d) => d.id === active.id);
      return t('dnd.cancel', { title: deal?.title ?? '', stage: nameOf(deal?.stageId ?? '') });
    },
  };
  const screenReaderInstructions: ScreenReaderInstructions = { draggable: t('dnd.instructions') };
  return { announcements, screenReaderInstructions };
}
