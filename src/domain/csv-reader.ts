import { TextDecoder } from 'node:util';
import { CsvFormatError, CsvParser, type CsvRecord } from './csv-parser.js';
import {
  firstLine,
  sniffDelimiter,
  sniffEncoding,
  type CsvDelimiter,
  type CsvEncoding,
} from './csv-sniff.js';

export type CsvFormat = { encoding: CsvEncoding; delimiter: CsvDelimiter };

export type CsvReadOptions = {
  /** Called once the encoding and delimiter are known, before the first record. */
  onFormat?: (format: CsvFormat) => void;
  /** Called with the number of bytes read so far, after each chunk (for progress). */
  onBytes?: (bytes: number) => void;
  /** Skip sniffing and use this delimiter. */
  delimiter?: CsvDelimiter | undefined;
};

/**
 * Reads CSV records from a byte stream (a file read in chunks) without holding more than a chunk
 * and a record: sniffs the encoding from the first bytes and the delimiter from the header line,
 * drops a byte-order mark, and refuses bytes that are not valid text in the sniffed encoding.
 */
export async function* readCsv(
  chunks: AsyncIterable<Uint8Array>,
  options: CsvReadOptions = {},
): AsyncGenerator<CsvRecord> {
  let decoder: TextDecoder | undefined;
  let parser: CsvParser | undefined;
  let head: Uint8Array = new Uint8Array(0);
  let pending = '';
  let bytes = 0;
  const out: CsvRecord[] = [];
  let lines = 1;

  const decode = (chunk: Uint8Array, stream: boolean) => {
    try {
      return (decoder as TextDecoder).decode(chunk, { stream });
    } catch {
      throw new CsvFormatError(
        `the file is not valid ${(decoder as TextDecoder).encoding.toUpperCase()} text; save it as UTF-8 and try again`,
        lines,
      );
    }
  };
  const feed = (text: string, final: boolean) => {
    pending += text;
    if (!parser) {
      const header = firstLine(pending);
      if (header === null && !final) return;
      const delimiter = options.delimiter ?? sniffDelimiter(header ?? pending);
      options.onFormat?.({ encoding: decoder?.encoding as CsvEncoding, delimiter });
      parser = new CsvParser(delimiter);
    }
    parser.push(pending, out);
    for (let i = 0; i < pending.length; i++) if (pending.charCodeAt(i) === 10) lines++;
    pending = '';
    if (final) parser.end(out);
  };

  for await (const chunk of chunks) {
    bytes += chunk.byteLength;
    let piece = chunk;
    if (!decoder) {
      // The first two bytes decide the encoding; wait for them if the first chunk is one byte.
      head = concat(head, chunk);
      if (head.length < 2) continue;
      decoder = new TextDecoder(sniffEncoding(head), { fatal: true });
      piece = head;
    }
    feed(decode(piece, true), false);
    options.onBytes?.(bytes);
    yield* out.splice(0);
  }
  // A file of fewer than two bytes never reached the sniffing above.
  const rest = decoder ? new Uint8Array(0) : head;
  decoder ??= new TextDecoder(sniffEncoding(head), { fatal: true });
  feed(decode(rest, false), true);
  yield* out.splice(0);
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const both = new Uint8Array(a.length + b.length);
  both.set(a);
  both.set(b, a.length);
  return both;
}
