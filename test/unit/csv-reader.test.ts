import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readCsv, type CsvFormat } from '../../src/domain/csv-reader.js';
import { sniffDelimiter, sniffEncoding } from '../../src/domain/csv-sniff.js';

type Encoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be';

function encode(text: string, encoding: Encoding): Uint8Array {
  if (encoding === 'utf-8') return Buffer.from(text, 'utf8');
  if (encoding === 'utf-8-bom') return Buffer.from(`\uFEFF${text}`, 'utf8');
  const le = Buffer.from(`\uFEFF${text}`, 'utf16le');
  return encoding === 'utf-16le' ? le : Buffer.from(le).swap16();
}

async function* chunked(bytes: Uint8Array, size: number) {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

async function readAll(bytes: Uint8Array, chunkSize = 64 * 1024) {
  const records = [];
  let format: CsvFormat | undefined;
  for await (const r of readCsv(chunked(bytes, chunkSize), { onFormat: (f) => (format = f) }))
    records.push(r);
  return { records, format };
}

const quoteIfNeeded = (f: string) => (/[",;\t\r\n]/.test(f) ? `"${f.replace(/"/g, '""')}"` : f);
const write = (rows: string[][], delimiter: string, eol: string) =>
  rows.map((r) => r.map(quoteIfNeeded).join(delimiter)).join(eol) + eol;

describe('readCsv', () => {
  it('reads back whatever was written: any delimiter, encoding, line end and chunking', async () => {
    const char = fc.constantFrom(
      'a',
      'Z',
      '7',
      ' ',
      'Đ',
      'ễ',
      '😀',
      '"',
      ',',
      ';',
      '\t',
      '\n',
      '\r\n',
    );
    const field = fc.array(char, { maxLength: 6 }).map((cs) => cs.join(''));
    const table = fc
      .integer({ min: 2, max: 4 })
      .chain((n) =>
        fc.array(fc.array(field, { minLength: n, maxLength: n }), { minLength: 1, maxLength: 6 }),
      );
    await fc.assert(
      fc.asyncProperty(
        table,
        fc.constantFrom(',', ';', '\t'),
        fc.constantFrom('\r\n', '\n'),
        fc.constantFrom<Encoding>('utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be'),
        fc.integer({ min: 1, max: 40 }),
        async (rows, delimiter, eol, encoding, chunkSize) => {
          const { records, format } = await readAll(
            encode(write(rows, delimiter, eol), encoding),
            chunkSize,
          );
          expect(records.map((r) => r.fields)).toEqual(rows);
          expect(format?.delimiter).toBe(delimiter);
          expect(format?.encoding).toBe(encoding === 'utf-8-bom' ? 'utf-8' : encoding);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('numbers records and the lines they start on, across quoted line breaks', async () => {
    const text = 'name,note\r\nAn,"two\r\nlines"\r\n\r\nBình,plain\r\nLast,no line end';
    const { records } = await readAll(encode(text, 'utf-8'), 3);
    expect(records.map((r) => [r.row, r.line, r.fields])).toEqual([
      [1, 1, ['name', 'note']],
      [2, 2, ['An', 'two\r\nlines']],
      [3, 5, ['Bình', 'plain']],
      [4, 6, ['Last', 'no line end']],
    ]);
  });

  it('reads semicolon files with decimal commas, and keeps a stray quote in a plain field', async () => {
    const { records, format } = await readAll(encode('a;b\n1,5;5" screen\n', 'utf-8'));
    expect(format?.delimiter).toBe(';');
    expect(records[1]?.fields).toEqual(['1,5', '5" screen']);
  });

  it('names the line of an unclosed quote and of text after a closing quote', async () => {
    await expect(readAll(encode('a,b\n1,2\n3,"open\n\n', 'utf-8'))).rejects.toThrow(
      /line 3: a quoted field that starts here is never closed/,
    );
    await expect(readAll(encode('a,b\n1,"x"y\n', 'utf-8'))).rejects.toThrow(
      /line 2: unexpected "y" after the closing quote of field 2/,
    );
  });

  it('refuses bytes that are not UTF-8, rather than importing garbled text', async () => {
    const latin1 = Buffer.from('name\nCaf\xe9\n', 'latin1');
    await expect(readAll(latin1)).rejects.toThrow(/not valid UTF-8/);
  });

  it('reads an empty file and a one-byte file', async () => {
    expect((await readAll(new Uint8Array(0))).records).toEqual([]);
    expect((await readAll(encode('x', 'utf-8'))).records.map((r) => r.fields)).toEqual([['x']]);
  });
});

describe('sniffing', () => {
  it('takes the encoding from a byte-order mark, or from zero bytes in UTF-16 without one', () => {
    expect(sniffEncoding(Uint8Array.from([0xff, 0xfe, 0x61, 0]))).toBe('utf-16le');
    expect(sniffEncoding(Uint8Array.from([0xfe, 0xff, 0, 0x61]))).toBe('utf-16be');
    expect(sniffEncoding(Uint8Array.from([0x61, 0, 0x62, 0]))).toBe('utf-16le');
    expect(sniffEncoding(Uint8Array.from([0, 0x61, 0, 0x62]))).toBe('utf-16be');
    expect(sniffEncoding(Uint8Array.from([0xef, 0xbb, 0xbf, 0x61]))).toBe('utf-8');
    expect(sniffEncoding(Uint8Array.from([0x61, 0x62]))).toBe('utf-8');
  });

  it('counts delimiters outside quotes only', () => {
    expect(sniffDelimiter('"a,b,c";d;e')).toBe(';');
    expect(sniffDelimiter('a\tb\tc,d')).toBe('\t');
    expect(sniffDelimiter('single')).toBe(',');
  });
});
