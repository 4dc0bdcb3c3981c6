// A widget's CSV: what it shows, as rows, written with the app's CSV rules (formula defusing,
// CRLF, a BOM so that Excel reads Vietnamese); components/download.ts saves it in the browser.
import { CSV_BOM, csvRow, type CsvCell } from '../../../../domain/csv.js';

export type WidgetTable = { header: string[]; rows: CsvCell[][] };

export const csvText = (t: WidgetTable) =>
  CSV_BOM + [t.header, ...t.rows].map((r) => csvRow(r)).join('');

/** A file name from a title: letters and digits kept (Vietnamese ones too), the rest dashes. */
export const fileName = (title: string, ext: 'csv' | 'png') =>
  `${
    title
      .normalize('NFC')
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-|-$/g, '') || 'widget'
  }.${ext}`;
