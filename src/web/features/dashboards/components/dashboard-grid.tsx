import { closestCenter, DndContext, type DragEndEvent, type UniqueIdentifier } from '@dnd-kit/core';
import { rectSortingStrategy, SortableContext } from '@dnd-kit/sortable';
import { useTranslation } from 'react-i18next';
import type { DashboardLayout, DashboardWidget } from '../../../../contracts/dashboards';
import { moveWidget, removeWidget, resizeWidget } from '../../../../domain/dashboards/layout.js';
import { listAnnouncements, useSortableSensors } from '../../../lib/sortable-list';
import { titleKey } from '../model/widget-catalog';
import { WidgetFrame } from './widget-frame';
import type { WidgetBodyProps } from './widget-types';

type Props = Omit<WidgetBodyProps, 'widget' | 'title' | 'onTable'> & {
  widgets: DashboardLayout;
  editing: boolean;
  onChange: (widgets: DashboardLayout) => void;
};

/**
 * The widgets in reading order on a four-column grid. While editing, a widget moves by its handle
 * (drag, or Space and the arrow keys, Space again to drop) and resizes by its buttons.
 */
export function DashboardGrid({ widgets, editing, onChange, ...body }: Props) {
  const { t } = useTranslation('dashboards');
  const sensors = useSortableSensors();
  const ids = widgets.map((w) => w.id);
  const titleOf = (w: DashboardWidget | undefined) => (w ? (w.title ?? t(titleKey(w))) : '');
  const nameOf = (id: UniqueIdentifier) => titleOf(widgets.find((w) => w.id === id));
  const announcements = listAnnouncements(ids, nameOf, (kind, title, position) =>
    t(`announce.${kind}`, { title, position }),
  );
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    onChange(moveWidget(widgets, ids.indexOf(String(active.id)), ids.indexOf(String(over.id))));
  };

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={closestCenter}
      onDragEnd={onDragEnd}
      accessibility={{ announcements }}
    >
      <SortableContext items={ids} strategy={rectSortingStrategy}>
        <ul className="dash-grid" data-testid="dashboard-grid">
          {widgets.map((w) => (
            <WidgetFrame
              key={w.id}
              {...body}
              widget={w}
              title={titleOf(w)}
              editing={editing}
              onResize={(change) => onChange(resizeWidget(widgets, w.id, change))}
              onOptions={(options) =>
                onChange(widgets.map((x) => (x.id === w.id ? { ...x, options } : x)))
              }
              onRemove={() => onChange(removeWidget(widgets, w.id))}
            />
          ))}
        </ul>
      </SortableContext>
    </DndContext>
  );
}
