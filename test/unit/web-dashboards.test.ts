import { describe, expect, it } from 'vitest';
import {
  effectiveFilters,
  filtersToSearch,
  overrides,
  rangeOfFilters,
} from '../../src/web/features/dashboards/model/dashboard-filters.js';
import { reportTable } from '../../src/web/features/dashboards/model/report-tables.js';
import { tableCsv } from '../../src/web/features/dashboards/model/table-csv.js';
import { csvText, fileName } from '../../src/web/features/dashboards/model/widget-csv.js';

const P = '11111111-1111-4111-8111-111111111111';
const U = '22222222-2222-4222-8222-222222222222';

describe('dashboard filters in the address', () => {
  const saved = { preset: 'thisQuarter' as const, ownerId: U };

  it('overrides the saved filters with the address, and an empty value clears one', () => {
    expect(effectiveFilters(saved, new URLSearchParams())).toEqual(saved);
    expect(
      effectiveFilters(saved, new URLSearchParams(`pipelineId=${P}&preset=lastMonth`)),
    ).toEqual({ preset: 'lastMonth', pipelineId: P, ownerId: U });
    expect(effectiveFilters(saved, new URLSearchParams('ownerId='))).toEqual({
      preset: 'thisQuarter',
    });
    // A custom period needs two days in order; anything else falls back to the quarter.
    expect(
      effectiveFilters(saved, new URLSearchParams('preset=custom&from=2026-01-01&to=2026-01-31')),
    ).toMatchObject({ preset: 'custom', from: '2026-01-01', to: '2026-01-31' });
    expect(
      effectiveFilters(saved, new URLSearchParams('preset=custom&from=2026-02-01&to=2026-01-31'))
        .preset,
    ).toBe('thisQuarter');
    expect(effectiveFilters(saved, new URLSearchParams('preset=forever')).preset).toBe(
      'thisQuarter',
    );
  });

  it('writes only what differs from the saved filters, keeping other parameters', () => {
    const out = filtersToSearch(
      saved,
      { preset: 'thisQuarter', pipelineId: P },
      new URLSearchParams('x=1&preset=lastMonth'),
    );
    expect(Object.fromEntries(out)).toEqual({ x: '1', pipelineId: P, ownerId: '' });
    expect(overrides(out)).toBe(true);
    expect(overrides(filtersToSearch(saved, saved, out))).toBe(false);
  });

  it('turns presets into days around today', () => {
    expect(rangeOfFilters({ preset: 'thisQuarter' }, '2026-11-27')).toEqual({
      from: '2026-10-01',
      to: '2026-12-31',
    });
    expect(
      rangeOfFilters({ preset: 'custom', from: '2026-01-05', to: '2026-01-09' }, '2026-11-27'),
    ).toEqual({ from: '2026-01-05', to: '2026-01-09' });
  });
});

describe('a widget table as CSV', () => {
  const text = (key: string) => key.replace(/^columns\./, '');

  it('writes money in major units of its currency, named in the header', () => {
    const table = reportTable(
      {
        report: 'channels',
        data: {
          pipelineId: P,
          timeZone: 'Asia/Ho_Chi_Minh',
          period: { from: '2026-01-01', to: '2026-01-31', start: '', end: '' },
          baseCurrency: 'USD',
          channels: [
            {
              channel: '=HYPERLINK("x")',
              leadsCreated: 3,
              leadsQualified: 1,
              dealsCreated: 2,
              dealsWon: 1,
              wonValue: { total: 123456, unconverted: [], unconvertedCount: 0 },
              spend: null,
              costPerLead: null,
              costPerWonDeal: null,
              returnOnSpend: null,
            },
            {
              channel: null,
              leadsCreated: 0,
              leadsQualified: 0,
              dealsCreated: 1,
              dealsWon: 0,
              wonValue: { total: 5, unconverted: [], unconvertedCount: 0 },
              spend: null,
              costPerLead: null,
              costPerWonDeal: null,
              returnOnSpend: null,
            },
          ],
        },
      },
      text,
    );
    const csv = csvText(tableCsv(table, text));
    expect(csv.split('\r\n')).toEqual([
      '\uFEFFchannel,leads,created,won,wonValue (USD)',
      // A formula in a source name is defused, as in every CSV the app writes.
      `"'=HYPERLINK(""x"")",3,2,1,1234.56`,
      'noSource,0,1,0,0.05',
      '',
    ]);
  });

  it('names the file after the widget, Vietnamese letters kept', () => {
    expect(fileName('Tỷ lệ thắng / quý', 'csv')).toBe('Tỷ-lệ-thắng-quý.csv');
    expect(fileName('***', 'png')).toBe('widget.png');
  });
});
