import {
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
  type Announcements,
  type UniqueIdentifier,
} from '@dnd-kit/core';
import { sortableKeyboardCoordinates } from '@dnd-kit/sortable';

// What every reorderable list (stages, dashboard widgets) shares: the same sensors, and screen
// reader announcements that name the item and its new place.

/** A pointer drag after 4 px (a click stays a click), or Space and the arrow keys. */
export const useSortableSensors = () =>
  useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );

export type AnnouncementKind = 'start' | 'over' | 'end' | 'cancel';

/** Announcements in the caller's words: `say` gets the item's name and its 1-based place. */
export function listAnnouncements(
  ids: readonly string[],
  nameOf: (id: UniqueIdentifier) => string,
  say: (kind: AnnouncementKind, name: string, position?: number) => string,
): Announcements {
  const positionOf = (id: UniqueIdentifier) => ids.indexOf(String(id)) + 1;
  return {
    onDragStart: ({ active }) => say('start', nameOf(active.id)),
    onDragOver: ({ active, over }) =>
      over ? say('over', nameOf(active.id), positionOf(over.id)) : undefined,
    onDragEnd: ({ active, over }) =>
      over ? say('end', nameOf(active.id), positionOf(over.id)) : say('cancel', nameOf(active.id)),
    onDragCancel: ({ active }) => say('cancel', nameOf(active.id)),
  };
}
