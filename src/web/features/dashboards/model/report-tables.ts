// Each report as the rows a table widget shows and its CSV holds: one builder per report, with a
// format per column so the screen can write money and shares in the user's language while the
// CSV keeps plain numbers (money in major units of its currency).
import type { CsvCell } from '../../../../domain/csv.js';
import type { ReportData } from './report-data.js';

export type ColumnFormat = 'text' | 'count' | 'percent' | 'money' | 'days' | 'datetime';
export type Column = { key: string; format: ColumnFormat; currency?: string };
/** What a drillable cell lists: the deals behind a number (with the dashboard's filters). */
export type CellDrill = {
  metric: 'created' | 'won';
  /** The owner at the closing (a leaderboard row). */
  heldBy?: string;
  /** A channel's deals ('' for those without a source); the source filter does not apply. */
  channel?: string;
};
/**
 * Cells in column order; `dealId` makes the row's first cell a deal link, `drills` the cells of
 * those columns (by key) open the deals behind them.
 */
export type TableRow = {
  cells: CsvCell[];
  dealId?: string;
  drills?: Partial<Record<string, CellDrill>>;
};
export type ReportTable = { columns: Column[]; rows: TableRow[] };

const col = (key: string, format: ColumnFormat = 'text', currency?: string): Column => ({
  key,
  format,
  ...(currency && { currency }),
});

export function reportTable(d: ReportData, text: (key: string) => string): ReportTable {
  switch (d.report) {
    case 'trend':
      return {
        columns: [
          col('from'),
          col('to'),
          col('created', 'count'),
          col('won', 'count'),
          col('lost', 'count'),
          col('winRate', 'percent'),
        ],
        rows: d.data.buckets.map((b) => ({
          cells: [b.from, b.to, b.created, b.won, b.lost, b.winRate],
        })),
      };
    case 'conversion':
      return {
        columns: [
          col('stage'),
          col('reached', 'count'),
          col('conversion', 'percent'),
          col('deals', 'count'),
        ],
        rows: d.data.stages.map((s) => ({
          cells: [s.name, s.reached, s.conversionToNext, s.active?.deals ?? null],
        })),
      };
    case 'waterfall': {
      const first = d.data.currencies[0];
      const currency = first?.currency ?? '';
      return {
        columns: [col('bar'), col('amount', 'money', currency), col('deals', 'count')],
        rows: (first?.bars ?? []).map((b) => ({
          cells: [text(`reports:waterfall.bars.${b.bar}`), b.amount, b.dealCount],
        })),
      };
    }
    case 'leaderboard': {
      const base = d.data.baseCurrency;
      return {
        columns: [
          col('name'),
          col('won', 'count'),
          col('winRate', 'percent'),
          col('wonValue', 'money', base),
          col('openWeighted', 'money', base),
        ],
        rows: d.data.rows.map((r) => ({
          cells: [r.name, r.won, r.winRate, r.wonValue.total, r.openWeighted.total],
          ...(d.data.by === 'owner' && { drills: { won: { metric: 'won', heldBy: r.id } } }),
        })),
      };
    }
    case 'channels': {
      const base = d.data.baseCurrency;
      return {
        columns: [
          col('channel'),
          col('leads', 'count'),
          col('created', 'count'),
          col('won', 'count'),
          col('wonValue', 'money', base),
        ],
        rows: d.data.channels.map((c) => ({
          cells: [
            c.channel ?? text('noSource'),
            c.leadsCreated,
            c.dealsCreated,
            c.dealsWon,
            c.wonValue.total,
          ],
          drills: {
            created: { metric: 'created', channel: c.channel ?? '' },
            won: { metric: 'won', channel: c.channel ?? '' },
          },
        })),
      };
    }
    case 'forecast': {
      const f = d.data;
      const row = (key: string, count: number, amount: number) => ({
        cells: [text(`forecast.${key}`), count, amount],
      });
      return {
        columns: [col('method'), col('count', 'count'), col('amount', 'money', f.currency)],
        rows: [
          row('won', f.won.count, f.won.amount),
          row('stageWeighted', f.stageWeighted.count, f.stageWeighted.amount),
          row('commit', f.category.commit.count, f.category.commit.amount),
          row('bestCase', f.category.bestCase.count, f.category.bestCase.amount),
          row('p10', f.learned.count.p10, f.learned.amount.p10),
          row('p50', f.learned.count.p50, f.learned.amount.p50),
          row('p90', f.learned.count.p90, f.learned.amount.p90),
        ],
      };
    }
    case 'activities': {
      const rows = (list: typeof d.data.overdue, status: string) =>
        list.map((a) => ({
          cells: [a.subject, a.dueAt, a.deal?.title ?? '', text(`activities.${status}`)],
          ...(a.deal && { dealId: a.deal.id }),
        }));
      return {
        columns: [col('subject'), col('due', 'datetime'), col('deal'), col('status')],
        rows: [...rows(d.data.overdue, 'overdue'), ...rows(d.data.dueToday, 'today')],
      };
    }
  }
}
