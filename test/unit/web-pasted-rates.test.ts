import { describe, expect, it } from 'vitest';
import { lineOfField, parsePastedRates } from '../../src/web/features/settings/lib/pasted-rates.js';

describe('pasted exchange rates', () => {
  it('reads comma, semicolon and tab lines, skips a header and blank lines, keeps line numbers', () => {
    const rows = parsePastedRates(
      'date,currency,rate\r\n2026-01-01,usd,25000\n\n2026-02-01;EUR;27500,5\n2026-03-01\tJPY\t165.25\n',
    );
    expect(rows).toEqual([
      { line: 2, date: '2026-01-01', currency: 'USD', rate: '25000' },
      { line: 4, date: '2026-02-01', currency: 'EUR', rate: '27500.5' },
      { line: 5, date: '2026-03-01', currency: 'JPY', rate: '165.25' },
    ]);
    expect(lineOfField(rows, 'rates.1.rate')).toBe(4);
    expect(lineOfField(rows, 'rates')).toBeNull();
    expect(lineOfField(rows, undefined)).toBeNull();
  });

  it('keeps incomplete lines for the server to name, rather than dropping them', () => {
    expect(parsePastedRates('2026-01-01,USD')).toEqual([
      { line: 1, date: '2026-01-01', currency: 'USD', rate: '' },
    ]);
  });
});
