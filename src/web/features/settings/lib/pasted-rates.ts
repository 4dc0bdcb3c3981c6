// Rates pasted from a spreadsheet or a CSV file: "date,currency,rate" per line; commas,
// semicolons or tabs between; a header line is skipped. The server checks every value; this only
// splits lines into fields, and remembers each row's line for the error message.

export type PastedRate = { line: number; currency: string; date: string; rate: string };

export function parsePastedRates(text: string): PastedRate[] {
  const rows: PastedRate[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (!line) return;
    // A semicolon or tab file may write decimals with a comma (25400,5), as Excel does in Vietnam.
    const delimiter = line.includes('\t') ? '\t' : line.includes(';') ? ';' : ',';
    const cells = line.split(delimiter).map((c) => c.trim().replace(/^"|"$/g, ''));
    if (index === 0 && /date|ngày/i.test(cells[0] ?? '')) return;
    const [date = '', currency = '', rate = ''] = cells;
    rows.push({
      line: index + 1,
      date,
      currency: currency.toUpperCase(),
      rate: delimiter === ',' ? rate : rate.replace(',', '.'),
    });
  });
  return rows;
}

/** The pasted line behind an API error on `rates.N...`, for "line 7: …". */
export function lineOfField(rows: PastedRate[], field: string | undefined): number | null {
  const m = field ? /^rates\.(\d+)/.exec(field) : null;
  return m ? (rows[Number(m[1])]?.line ?? null) : null;
}
