// Saving a widget in the browser: the file is made here, with no round trip to the server.
import { csvText, fileName, type WidgetTable } from '../model/widget-csv';

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
