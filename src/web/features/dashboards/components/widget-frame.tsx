import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DashboardWidget } from '../../../../contracts/dashboards';
import { fileName, type WidgetTable } from '../model/widget-csv';
import { download, downloadCsv } from './download';
import type { KeyMetric } from '../model/number-value';
import { NumberWidget } from './number-widget';
import { QuotaWidget } from './quota-widget';
import { ReportWidget } from './report-widget';
import { WidgetOptions } from './widget-options';
import type { WidgetBodyProps } from './widget-types';

type Props = Omit<WidgetBodyProps, 'onTable'> & {
  editing: boolean;
  onResize: (change: { dw?: number; dh?: number }) => void;
  onOptions: (options: DashboardWidget['options']) => void;
  onRemove: () => void;
};

// ECharts marks the element it draws in; its instance gives the picture at twice the pixels.
async function chartPng(node: HTMLElement | null): Promise<string | null> {
  const el = node?.querySelector<HTMLElement>('[_echarts_instance_]');
  if (!el) return null;
  const { getInstanceByDom } = await import('echarts/core');
  return (
    getInstanceByDom(el)?.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' }) ??
    null
  );
}

function Body(props: WidgetBodyProps) {
  const w: DashboardWidget = props.widget;
  if (w.kind === 'number' && w.metric === 'quotaAttainment') return <QuotaWidget {...props} />;
  if (w.kind === 'number') return <NumberWidget {...props} metric={w.metric as KeyMetric} />;
  return <ReportWidget {...props} />;
}

/** One widget in the grid: its title, tools (move, resize, remove, CSV, PNG) and body. */
export function WidgetFrame({ editing, onResize, onOptions, onRemove, ...body }: Props) {
  const { t } = useTranslation('dashboards');
  const { widget, title } = body;
  const [table, setTable] = useState<WidgetTable | null>(null);
  const onTable = useCallback((next: WidgetTable | null) => setTable(next), []);
  const bodyRef = useRef<HTMLDivElement>(null);
  const sortable = useSortable({
    id: widget.id,
    disabled: !editing,
    attributes: { roleDescription: t('widget.sortable') },
  });
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition } =
    sortable;
  const isChart = widget.kind === 'chart';
  const png = async () => {
    const url = await chartPng(bodyRef.current);
    if (url) download(url, fileName(title, 'png'));
  };

  return (
    <li
      ref={setNodeRef}
      className={`card dash-widget${sortable.isDragging ? ' dragging' : ''}`}
      style={{
        gridColumn: `span ${widget.size.w}`,
        gridRow: `span ${widget.size.h}`,
        transform: CSS.Translate.toString(transform),
        transition,
      }}
      data-widget-id={widget.id}
      aria-label={title}
    >
      <header className="dash-widget-head">
        {editing && (
          <button
            type="button"
            ref={setActivatorNodeRef}
            className="dash-drag"
            {...attributes}
            {...listeners}
            aria-label={t('widget.drag', { title })}
          >
            <span aria-hidden="true">⠿</span>
          </button>
        )}
        <h2 className="dash-widget-title">{title}</h2>
        <div className="dash-widget-tools">
          <button
            type="button"
            className="btn btn-ghost dash-tool"
            disabled={!table}
            onClick={() => table && downloadCsv(table, title)}
            aria-label={t('widget.csvLabel', { title })}
          >
            {t('widget.csv')}
          </button>
          <button
            type="button"
            className="btn btn-ghost dash-tool"
            disabled={!isChart}
            onClick={() => void png()}
            aria-label={t('widget.pngLabel', { title })}
            title={isChart ? undefined : t('widget.pngChartsOnly')}
          >
            {t('widget.png')}
          </button>
          {editing && (
            <>
              <button
                type="button"
                className="btn btn-ghost dash-tool"
                onClick={() => onResize({ dw: -1 })}
                disabled={widget.size.w <= 1}
                aria-label={`${t('widget.narrower')}: ${title}`}
              >
                ◂
              </button>
              <button
                type="button"
                className="btn btn-ghost dash-tool"
                onClick={() => onResize({ dw: 1 })}
                disabled={widget.size.w >= 4}
                aria-label={`${t('widget.wider')}: ${title}`}
              >
                ▸
              </button>
              <button
                type="button"
                className="btn btn-ghost dash-tool"
                onClick={() => onResize({ dh: -1 })}
                disabled={widget.size.h <= 1}
                aria-label={`${t('widget.shorter')}: ${title}`}
              >
                ▴
              </button>
              <button
                type="button"
                className="btn btn-ghost dash-tool"
                onClick={() => onResize({ dh: 1 })}
                disabled={widget.size.h >= 3}
                aria-label={`${t('widget.taller')}: ${title}`}
              >
                ▾
              </button>
              <button
                type="button"
                className="btn btn-ghost dash-tool"
                onClick={onRemove}
                aria-label={t('widget.remove', { title })}
              >
                ✕
              </button>
            </>
          )}
        </div>
      </header>
      {editing && <WidgetOptions widget={widget} title={title} onChange={onOptions} />}
      <div className="dash-widget-body" ref={bodyRef}>
        <Body {...body} onTable={onTable} />
      </div>
    </li>
  );
}
