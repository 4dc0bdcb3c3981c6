// A widget's CSV: what it shows, as rows, written with the app's CSV rules (formula defusing,
// CRLF, a BOM so that Excel reads Vietnamese) and saved by the browser without a round trip.
import { CSV_BOM, csvRow, type CsvCell } from '../../../../domain/csv';

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

export function download(href: string, name: string) {
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
}

export function downloadCsv(t: WidgetTable, title: string) {
  const url = URL.createObjectURL(new Blob([csvText(t)], { type: 'text/csv;charset=utf-8' }));
  download(url, fileName(title, 'csv'));
  // The click has started the download; the URL is not needed after this turn.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
