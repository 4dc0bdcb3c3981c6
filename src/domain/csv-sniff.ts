// Guessing how a CSV file was written: its text encoding from the first bytes, and its delimiter
// from the header line. Spreadsheets write UTF-8 with or without a byte-order mark, "Unicode text"
// as UTF-16, and semicolons where the decimal separator is a comma.

export type CsvEncoding = 'utf-8' | 'utf-16le' | 'utf-16be';
export type CsvDelimiter = ',' | ';' | '\t';

/**
 * The encoding of a file from its first bytes (at least two, when the file has them): a byte-order
 * mark decides; without one, a zero byte beside an ASCII one means UTF-16 (ASCII text in UTF-16
 * has a zero in every other byte, which UTF-8 text never has).
 */
export function sniffEncoding(head: Uint8Array): CsvEncoding {
  const [a, b] = head;
  if (a === 0xff && b === 0xfe) return 'utf-16le';
  if (a === 0xfe && b === 0xff) return 'utf-16be';
  if (head.length >= 2 && a !== 0 && b === 0) return 'utf-16le';
  if (head.length >= 2 && a === 0 && b !== 0) return 'utf-16be';
  return 'utf-8';
}

const CANDIDATES: readonly CsvDelimiter[] = [',', ';', '\t'];

/**
 * The delimiter of a header line: whichever of comma, semicolon and tab occurs most often outside
 * quotes; a comma when none does (a file with a single column).
 */
export function sniffDelimiter(headerLine: string): CsvDelimiter {
  const counts = new Map<string, number>(CANDIDATES.map((c) => [c, 0]));
  let quoted = false;
  for (const ch of headerLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && counts.has(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  let best: CsvDelimiter = ',';
  for (const c of CANDIDATES) if ((counts.get(c) ?? 0) > (counts.get(best) ?? 0)) best = c;
  return best;
}

/** The text up to the first line end outside quotes, or null when the text has none yet. */
export function firstLine(text: string): string | null {
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) return text.slice(0, i);
  }
  return null;
}
