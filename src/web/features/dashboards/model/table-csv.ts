// A shown table as CSV rows: money in major units of its currency (named in the header), shares
// as fractions, dates as ISO; nothing formatted for a language, so a spreadsheet reads it.
import { decimalAmount } from '../../../../domain/csv.js';
import type { ReportTable } from './report-tables.js';
import type { WidgetTable } from './widget-csv.js';

const exponentOf = (currency: string) =>
  new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
    .maximumFractionDigits ?? 2;

export function tableCsv(table: ReportTable, label: (key: string) => string): WidgetTable {
  return {
    header: table.columns.map((c) =>
      c.currency ? `${label(c.key)} (${c.currency})` : label(c.key),
    ),
    rows: table.rows.map((r) =>
      r.cells.map((cell, i) => {
        const c = table.columns[i];
        if (c?.format === 'money' && c.currency && typeof cell === 'number') {
          return decimalAmount(Math.round(cell), exponentOf(c.currency));
        }
        return cell;
      }),
    ),
  };
}
