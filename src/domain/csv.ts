// CSV as RFC 4180 describes it (comma separator, CRLF line ends, double quotes doubled inside a
// quoted field), plus what spreadsheets need: a UTF-8 byte-order mark so that Excel reads
// Vietnamese text as UTF-8, and a guard against formula injection.

export type CsvCell = string | number | null | undefined;

/** Excel only detects UTF-8 in a CSV file when it starts with a byte-order mark. */
export const CSV_BOM = '\uFEFF';
export const CSV_EOL = '\r\n';

const NEEDS_QUOTES = /[",\r\n]/;
// Cells starting with one of these are run as formulas by Excel, LibreOffice and Google Sheets
// (=HYPERLINK(...), +cmd|..., @SUM(...)); tab and carriage return are on OWASP's list as well.
const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?\d+(\.\d+)?$/;

/**
 * Formula-injection guard: a text cell that a spreadsheet would evaluate gets a leading single
 * quote, which spreadsheets show as text and do not evaluate. Plain numbers such as "-5" or
 * "+84901234567" stay as they are, since they cannot run anything.
 */
export function defuseFormula(text: string): string {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}

/**
 * Reading a cell back: the quote defuseFormula put before a formula-like text is taken off, so
 * an exported note starting with "- " imports as it was written.
 */
export function undoDefuse(text: string): string {
  return text.startsWith("'") && defuseFormula(text.slice(1)) !== text.slice(1)
    ? text.slice(1)
    : text;
}

/** One field: null and undefined are empty, numbers as written, text defused and quoted if needed. */
export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  const text = defuseFormula(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One record, with its CRLF line end. */
export function csvRow(values: readonly CsvCell[]): string {
  return values.map(csvCell).join(',') + CSV_EOL;
}

/**
 * Integer minor units as a decimal amount in major units, exactly (no floating point):
 * (123456, 2) -> "1234.56", (5, 2) -> "0.05", (150000000, 0) -> "150000000".
 */
export function decimalAmount(minor: number, exponent: number): string {
  if (!Number.isSafeInteger(minor)) throw new RangeError(`${minor} is not a safe integer`);
  const sign = minor < 0 ? '-' : '';
  const digits = String(Math.abs(minor));
  if (exponent <= 0) return sign + digits;
  const padded = digits.padStart(exponent + 1, '0');
  return `${sign}${padded.slice(0, -exponent)}.${padded.slice(-exponent)}`;
}
