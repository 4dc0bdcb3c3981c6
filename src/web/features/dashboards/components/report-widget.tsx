import { lazy, Suspense, useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useStageName } from '../../../lib/queries/pipelines';
import { userTimeZone, useCurrentUser } from '../../session/use-me';
import { useWidgetReport, type ReportData, type WidgetReport } from '../api/widget-report';
import { reportTable, type TableRow } from '../model/report-tables';
import { tableCsv } from '../model/table-csv';
import { TableView } from './table-view';
import { WidgetState } from './widget-state';
import type { WidgetBodyProps } from './widget-types';

// The one lazy load of ECharts on the page: every chart widget shares this module.
const WidgetChart = lazy(async () => ({ default: (await import('./widget-charts')).WidgetChart }));

/** A chart or table widget: the report's data, its CSV rows, and drill-downs from bars and rows. */
export function ReportWidget({ widget, title, filters, onTable, onDrill }: WidgetBodyProps) {
  const { t } = useTranslation('dashboards');
  const timeZone = userTimeZone(useCurrentUser());
  const stageName = useStageName();
  const report = (widget as { report: WidgetReport }).report;
  const query = useWidgetReport(report, widget.options, filters);
  const data = query.data;
  const table = useMemo(() => (data ? reportTable(data, (k) => t(k)) : null), [data, t]);

  useEffect(() => {
    onTable(table ? tableCsv(table, (k) => t(`columns.${k}`)) : null);
  }, [table, onTable, t]);

  const drillRow = (row: TableRow, column: string) => {
    const drill = row.drills?.[column];
    if (!drill) return;
    // A channel is matched on the deal's source, so the source filter gives way to it.
    const base = drill.channel === undefined ? filters : { ...filters, source: undefined };
    onDrill({
      title: `${title}: ${String(row.cells[0])} · ${t(`columns.${column}`)}`,
      params: { ...base, ...drill },
    });
  };

  const chart = (d: ReportData) => (
    <Suspense fallback={<p className="muted">{t('widget.loading')}</p>}>
      <WidgetChart
        data={d}
        label={title}
        onTrendBar={(i, metric) => {
          const bucket = d.report === 'trend' ? d.data.buckets[i] : undefined;
          if (!bucket) return;
          onDrill({
            title: `${title}: ${t(`columns.${metric}`)} ${bucket.from} – ${bucket.to}`,
            params: { ...filters, from: bucket.from, to: bucket.to, metric },
          });
        }}
        onLeaderBar={(i) => {
          const row = table?.rows[i];
          if (row) drillRow(row, 'won');
        }}
        onConversionBar={(stageId, outcome) => {
          const stage =
            d.report === 'conversion'
              ? d.data.stages.find((s) => s.stageId === stageId)
              : undefined;
          if (!stage) return;
          const part = outcome ? ` · ${t(`reports:conversion.outcomes.${outcome}`)}` : '';
          onDrill({
            title: `${title}: ${stageName(stage.name)}${part}`,
            params: outcome
              ? { ...filters, metric: 'active', stageId, outcome }
              : { ...filters, metric: 'reached', stageId },
          });
        }}
        onChannelBar={(channel) => {
          const i =
            d.report === 'channels' ? d.data.channels.findIndex((c) => c.channel === channel) : -1;
          const row = table?.rows[i];
          if (row) drillRow(row, 'won');
        }}
        onWaterfallBar={(name) => {
          if (d.report !== 'waterfall') return;
          const bar = d.data.currencies[0]?.bars.find((b) => b.bar === name);
          if (!bar) return;
          const titles = new Map(d.data.deals.map((x) => [x.id, x.title]));
          onDrill({
            title: `${title}: ${t(`reports:waterfall.bars.${name}`)}`,
            deals: bar.dealIds.map((id) => ({ id, title: titles.get(id) ?? id })),
          });
        }}
      />
    </Suspense>
  );

  return (
    <WidgetState query={query}>
      {() =>
        data && table && widget.kind === 'chart' && data.report !== 'activities' ? (
          chart(data)
        ) : table ? (
          <>
            {data?.report === 'activities' && table.rows.length === 0 ? (
              <p className="muted">{t('activities.none')}</p>
            ) : (
              <TableView table={table} caption={title} timeZone={timeZone} onDrillRow={drillRow} />
            )}
          </>
        ) : null
      }
    </WidgetState>
  );
}
