import { describe, expect, it } from 'vitest';
import {
  CSV_BOM,
  csvCell,
  csvRow,
  decimalAmount,
  defuseFormula,
  undoDefuse,
} from '../../src/domain/csv.js';

describe('csv cells', () => {
  it('leaves plain text, numbers and empty values alone', () => {
    expect(csvCell('Vinamilk')).toBe('Vinamilk');
    expect(csvCell('Công ty Cổ phần Sữa Việt Nam')).toBe('Công ty Cổ phần Sữa Việt Nam');
    expect(csvCell(42)).toBe('42');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell('')).toBe('');
  });

  it('quotes fields holding commas, quotes or line breaks, doubling the quotes (RFC 4180)', () => {
    expect(csvCell('Hà Nội, Việt Nam')).toBe('"Hà Nội, Việt Nam"');
    expect(csvCell('the "big" one')).toBe('"the ""big"" one"');
    expect(csvCell('"')).toBe('""""');
    expect(csvCell('line 1\nline 2')).toBe('"line 1\nline 2"');
    expect(csvCell('line 1\r\nline 2')).toBe('"line 1\r\nline 2"');
  });

  it('defuses formulas with a leading single quote', () => {
    expect(csvCell('=HYPERLINK("http://evil.test","click")')).toBe(
      '"\'=HYPERLINK(""http://evil.test"",""click"")"',
    );
    expect(csvCell('+cmd|/C calc!A0')).toBe("'+cmd|/C calc!A0");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('@SUM(A1:A9)')).toBe("'@SUM(A1:A9)");
    expect(csvCell('\tindent')).toBe("'\tindent");
    expect(defuseFormula('\r=1')).toBe("'\r=1");
    // Quoting happens after defusing, so a guarded cell with a comma is still one field.
    expect(csvCell('=1,2')).toBe(`"'=1,2"`);
  });

  it('keeps plain signed numbers as they are, and only checks the first character', () => {
    expect(csvCell('-5')).toBe('-5');
    expect(csvCell('+84901234567')).toBe('+84901234567');
    expect(csvCell('-12.50')).toBe('-12.50');
    expect(csvCell('a=b')).toBe('a=b');
    expect(csvCell('me@example.com')).toBe('me@example.com');
  });
});

describe('csv rows', () => {
  it('joins fields with commas and ends every record with CRLF', () => {
    expect(csvRow(['a', 'b, c', null, 7])).toBe('a,"b, c",,7\r\n');
    expect(csvRow([])).toBe('\r\n');
  });

  it('has a UTF-8 byte-order mark for Excel', () => {
    expect(CSV_BOM).toBe('\uFEFF');
    expect([...Buffer.from(CSV_BOM, 'utf8')]).toEqual([0xef, 0xbb, 0xbf]);
  });
});

describe('decimal amounts', () => {
  it('writes minor units in major units with the currency exponent, exactly', () => {
    expect(decimalAmount(123_456, 2)).toBe('1234.56');
    expect(decimalAmount(5, 2)).toBe('0.05');
    expect(decimalAmount(50, 2)).toBe('0.50');
    expect(decimalAmount(0, 2)).toBe('0.00');
    expect(decimalAmount(150_000_000, 0)).toBe('150000000');
    expect(decimalAmount(1, 3)).toBe('0.001');
    expect(decimalAmount(-1234, 2)).toBe('-12.34');
    // Beyond float precision in major units, still exact.
    expect(decimalAmount(9_007_199_254_740_991, 2)).toBe('90071992547409.91');
  });

  it('refuses amounts that are not safe integers', () => {
    expect(() => decimalAmount(1.5, 2)).toThrow(RangeError);
  });
});

describe('undoDefuse (reading an exported cell back)', () => {
  it('takes off exactly the quote defuseFormula put on', () => {
    for (const text of [
      '=SUM(A1)',
      '- a note',
      '+cmd',
      '@here',
      '-5',
      '+84901234567',
      'plain',
      "it's",
    ])
      expect(undoDefuse(defuseFormula(text))).toBe(text);
    expect(undoDefuse("'plain")).toBe("'plain");
    // The one text that does not come back: a quote the user typed before a formula character.
    expect(undoDefuse(defuseFormula("'=x"))).toBe('=x');
  });
});
