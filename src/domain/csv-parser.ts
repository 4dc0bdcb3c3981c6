// An incremental RFC 4180 parser: text goes in piece by piece (a file streamed in chunks), whole
// records come out, so memory holds one chunk and one record whatever the file's size. Line ends
// may be CRLF, LF or CR, also inside quoted fields and split across two chunks.

export type CsvRecord = {
  fields: string[];
  /** 1-based record number, the header being record 1 (the row a spreadsheet shows). */
  row: number;
  /** 1-based line of the file on which the record starts (differs after quoted line breaks). */
  line: number;
};

/** Malformed CSV, with the line at which the reader gave up. */
export class CsvFormatError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(`line ${line}: ${message}`);
    this.name = 'CsvFormatError';
  }
}

const QUOTE = 34;
const CR = 13;
const LF = 10;

type State = 'fieldStart' | 'plain' | 'quoted' | 'quoteInQuoted';

export class CsvParser {
  private state: State = 'fieldStart';
  private field = '';
  private fields: string[] = [];
  private line = 1;
  private recordLine = 1;
  private quoteLine = 1;
  private row = 0;
  private previousWasCr = false;
  private readonly delimiter: number;

  constructor(delimiter: string) {
    this.delimiter = delimiter.charCodeAt(0);
  }

  /** Parses the next piece of text, appending every record it completes to `out`. */
  push(text: string, out: CsvRecord[]): void {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      // A CR of a CRLF pair already ended the line (or the record); its LF adds nothing.
      const lfOfCrlf = c === LF && this.previousWasCr;
      this.previousWasCr = c === CR;
      if (lfOfCrlf) {
        if (this.state === 'quoted') this.field += '\n';
        continue;
      }
      const newline = c === CR || c === LF;
      switch (this.state) {
        case 'quoted':
          if (c === QUOTE) this.state = 'quoteInQuoted';
          else if (newline) {
            this.line++;
            // A quoted line break is kept as written, CRLF included (its LF is added above).
            this.field += c === CR ? '\r' : '\n';
          } else this.field += text[i];
          break;
        case 'quoteInQuoted':
          if (c === QUOTE) {
            this.field += '"';
            this.state = 'quoted';
          } else if (c === this.delimiter) this.endField();
          else if (newline) this.endRecord(out);
          else
            throw new CsvFormatError(
              `unexpected ${JSON.stringify(text[i])} after the closing quote of field ${this.fields.length + 1}`,
              this.line,
            );
          break;
        case 'fieldStart':
          if (c === QUOTE) {
            this.state = 'quoted';
            this.quoteLine = this.line;
            break;
          }
        // falls through: any other first character starts a plain field
        case 'plain':
          if (c === this.delimiter) this.endField();
          else if (newline) this.endRecord(out);
          else {
            // A quote inside an unquoted field is kept as text, as spreadsheets read it.
            this.field += text[i];
            this.state = 'plain';
          }
      }
    }
  }

  /** The end of the input: the last record (without a final line end), or an unclosed quote. */
  end(out: CsvRecord[]): void {
    if (this.state === 'quoted')
      throw new CsvFormatError('a quoted field that starts here is never closed', this.quoteLine);
    if (this.state !== 'fieldStart' || this.fields.length > 0) this.endRecord(out, false);
  }

  private endField(): void {
    this.fields.push(this.field);
    this.field = '';
    this.state = 'fieldStart';
  }

  private endRecord(out: CsvRecord[], lineEnds = true): void {
    this.endField();
    const fields = this.fields;
    this.fields = [];
    // Blank lines hold no record; spreadsheets leave them at the end of files.
    if (fields.length > 1 || fields[0] !== '') {
      this.row++;
      out.push({ fields, row: this.row, line: this.recordLine });
    }
    if (lineEnds) this.line++;
    this.recordLine = this.line;
  }
}
