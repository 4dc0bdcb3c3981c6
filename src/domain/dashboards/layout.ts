// Changes to a dashboard's grid as pure functions: the page applies them and saves the result, so
// a reorder, a resize or an added widget is one save of the whole layout (one version bump).
import {
  GRID_COLUMNS,
  GRID_ROWS,
  MAX_WIDGETS,
  type DashboardLayout,
  type DashboardWidget,
} from '../../contracts/dashboards.js';

/** The layout with the widget at `from` moved to `to` (indices clamped to the list). */
export function moveWidget(widgets: DashboardLayout, from: number, to: number): DashboardLayout {
  if (from < 0 || from >= widgets.length) return widgets;
  const target = Math.max(0, Math.min(widgets.length - 1, to));
  if (target === from) return widgets;
  const next = [...widgets];
  const [moved] = next.splice(from, 1);
  next.splice(target, 0, moved as DashboardWidget);
  return next;
}

const clamp = (n: number, max: number) => Math.max(1, Math.min(max, Math.round(n)));

/** The widget `id` grown or shrunk by whole cells, kept within the grid. */
export function resizeWidget(
  widgets: DashboardLayout,
  id: string,
  change: { dw?: number; dh?: number },
): DashboardLayout {
  return widgets.map((w) =>
    w.id === id
      ? {
          ...w,
          size: {
            w: clamp(w.size.w + (change.dw ?? 0), GRID_COLUMNS),
            h: clamp(w.size.h + (change.dh ?? 0), GRID_ROWS),
          },
        }
      : w,
  );
}

/** An id no widget of the layout has yet, from a readable stem ("won-value", "won-value-2"). */
export function freshWidgetId(widgets: DashboardLayout, stem: string): string {
  const base = stem.replace(/[^A-Za-z0-9_-]/g, '-').slice(0, 30) || 'widget';
  const taken = new Set(widgets.map((w) => w.id));
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

type NewWidget = DashboardWidget extends infer W
  ? W extends DashboardWidget
    ? Omit<W, 'id'>
    : never
  : never;

/** The layout with a new widget at the end, or null when the grid is full. */
export function addWidget(widgets: DashboardLayout, widget: NewWidget): DashboardLayout | null {
  if (widgets.length >= MAX_WIDGETS) return null;
  const stem = widget.kind === 'number' ? widget.metric : `${widget.report}-${widget.kind}`;
  return [...widgets, { ...widget, id: freshWidgetId(widgets, stem) } as DashboardWidget];
}

export const removeWidget = (widgets: DashboardLayout, id: string): DashboardLayout =>
  widgets.filter((w) => w.id !== id);
