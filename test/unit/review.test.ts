// The review's definitions on hand-built histories: net stage moves, slips, value changes in
// their own currencies, deals created and closed inside the window, and Monday-start weeks in
// Ho Chi Minh City (UTC+7), where Monday begins at 17:00 UTC on Sunday.
import { describe, expect, it } from 'vitest';
import type { DealHistory, HistoryEvent } from '../../src/domain/analytics/history.js';
import { indexStages } from '../../src/domain/analytics/stages.js';
import { localDate } from '../../src/domain/local-day.js';
import { dealChange } from '../../src/domain/review/changes.js';
import { forecastChange, WEEK_MS } from '../../src/domain/review/forecast-change.js';
import {
  changeTotals,
  closesIn,
  closingWeeks,
  sectionsOf,
  totalsByCurrency,
  weekOf,
} from '../../src/domain/review/sections.js';

const stages = indexStages([
  { id: 'lead', pipelineId: 'p', position: 1, kind: 'open', probability: 10 },
  { id: 'qual', pipelineId: 'p', position: 2, kind: 'open', probability: 30 },
  { id: 'prop', pipelineId: 'p', position: 3, kind: 'open', probability: 60 },
  { id: 'won', pipelineId: 'p', position: 4, kind: 'won', probability: 100 },
  { id: 'lost', pipelineId: 'p', position: 5, kind: 'lost', probability: 0 },
]);
const T = Date.parse('2026-03-10T00:00:00Z');
const H = 3_600_000;
const window = { since: T, until: T + 7 * 24 * H };

const ev = (type: HistoryEvent['type'], at: number, o: Partial<HistoryEvent> = {}) =>
  ({
    type,
    at,
    fromStageId: null,
    toStageId: null,
    fromPipelineId: null,
    toPipelineId: null,
    fromValue: null,
    toValue: null,
    fromText: null,
    toText: null,
    data: null,
    ...o,
  }) as HistoryEvent;
const created = (at: number, stageId = 'lead', value = 1000, extra: Record<string, unknown> = {}) =>
  ev('created', at, {
    toStageId: stageId,
    toPipelineId: 'p',
    toValue: value,
    toText: 'open',
    data: { currency: 'USD', ownerId: 'u1', expectedCloseDate: null, ...extra },
  });
const move = (at: number, from: string, to: string) =>
  ev('stage', at, { fromStageId: from, toStageId: to, fromPipelineId: 'p', toPipelineId: 'p' });
const status = (at: number, to: string) => ev('status', at, { fromText: 'open', toText: to });
const history = (events: HistoryEvent[]): DealHistory => ({
  dealId: 'd1',
  pipelineId: 'p',
  createdAt: events[0]?.at ?? 0,
  events,
  current: {
    pipelineId: 'p',
    stageId: 'lead',
    status: 'open',
    value: 0,
    currency: 'USD',
    ownerId: 'u1',
    expectedCloseDate: null,
  },
});
const change = (events: HistoryEvent[]) => dealChange(history(events), stages, window);

describe('stage moves', () => {
  it('are net: forward then back to the same stage is no move at all', () => {
    const c = change([
      created(T - 48 * H),
      move(T + H, 'lead', 'prop'),
      move(T + 2 * H, 'prop', 'lead'),
    ]);
    expect(c).toBeNull();
  });
  it('forward to Proposal, back to Qualified is forward from Lead to Qualified', () => {
    const c = change([
      created(T - 48 * H),
      move(T + H, 'lead', 'prop'),
      move(T + 2 * H, 'prop', 'qual'),
    ]);
    expect(c?.stage).toEqual({ fromId: 'lead', toId: 'qual', direction: 'forward' });
    expect(sectionsOf(c!)).toEqual(['forward']);
  });
  it('back is a lower position; a move before the window or after its end does not count', () => {
    const back = change([created(T - 48 * H, 'prop'), move(T + H, 'prop', 'lead')]);
    expect(back?.stage?.direction).toBe('back');
    expect(change([created(T - 48 * H), move(T - H, 'lead', 'prop')])).toBeNull();
    expect(change([created(T - 48 * H), move(window.until + 1, 'lead', 'prop')])).toBeNull();
    // The window is (since, until]: a move at exactly `since` belongs to the previous review.
    expect(change([created(T - 48 * H), move(T, 'lead', 'prop')])).toBeNull();
    expect(
      change([created(T - 48 * H), move(window.until, 'lead', 'prop')])?.stage?.direction,
    ).toBe('forward');
  });
});

describe('deals created in the window', () => {
  it('a deal created and won inside the window is new and won, not moved', () => {
    const c = change([created(T + H), move(T + 5 * H, 'lead', 'won'), status(T + 5 * H, 'won')]);
    expect(c?.isNew).toBe(true);
    expect(c?.closed).toEqual({ outcome: 'won', at: T + 5 * H });
    expect(sectionsOf(c!)).toEqual(['new', 'won']);
  });
  it('moves from the stage it was created in count', () => {
    const c = change([created(T + H, 'lead'), move(T + 5 * H, 'lead', 'prop')]);
    expect(sectionsOf(c!)).toEqual(['new', 'forward']);
  });
  it('a deal lost before the window and still lost is not in it', () => {
    expect(
      change([created(T - 9 * H), move(T - H, 'lead', 'lost'), status(T - H, 'lost')]),
    ).toBeNull();
  });
});

describe('close dates and values', () => {
  const dated = (d: string | null) => created(T - 48 * H, 'lead', 1000, { expectedCloseDate: d });
  const closeDate = (at: number, from: string | null, to: string | null) =>
    ev('close_date', at, { fromText: from, toText: to });
  it('slipped: a set date moved later, net over the window, in calendar days', () => {
    const c = change([
      dated('2026-03-12'),
      closeDate(T + H, '2026-03-12', '2026-03-20'),
      closeDate(T + 2 * H, '2026-03-20', '2026-04-02'),
    ]);
    expect(c?.slipped).toEqual({ from: '2026-03-12', to: '2026-04-02', days: 21 });
  });
  it('setting a date, pulling it in, or pushing it out and back is not a slip', () => {
    expect(change([dated(null), closeDate(T + H, null, '2026-04-01')])).toBeNull();
    expect(change([dated('2026-03-20'), closeDate(T + H, '2026-03-20', '2026-03-15')])).toBeNull();
    expect(
      change([
        dated('2026-03-20'),
        closeDate(T + H, '2026-03-20', '2026-03-30'),
        closeDate(T + 2 * H, '2026-03-30', '2026-03-20'),
      ]),
    ).toBeNull();
  });
  it('value changes keep each currency; totals never add two currencies', () => {
    const usd = change([
      created(T - 48 * H, 'lead', 1000),
      ev('value', T + H, { fromValue: 1000, toValue: 1500 }),
    ]);
    const toVnd = change([
      created(T - 48 * H, 'lead', 2000),
      ev('currency', T + H, { fromText: 'USD', toText: 'VND' }),
      ev('value', T + H, { fromValue: 2000, toValue: 50_000_000 }),
    ]);
    expect(usd?.valueChange).toEqual({
      from: { value: 1000, currency: 'USD' },
      to: { value: 1500, currency: 'USD' },
    });
    expect(toVnd?.valueChange?.to).toEqual({ value: 50_000_000, currency: 'VND' });
    expect(changeTotals([usd!.valueChange!, toVnd!.valueChange!])).toEqual([
      { currency: 'USD', count: 2, amount: 500 - 2000 },
      { currency: 'VND', count: 1, amount: 50_000_000 },
    ]);
    expect(totalsByCurrency([usd!, toVnd!, { value: 7, currency: 'USD' }])).toEqual([
      { currency: 'USD', count: 2, amount: 1507 },
      { currency: 'VND', count: 1, amount: 50_000_000 },
    ]);
  });
});

describe('weeks in Asia/Ho_Chi_Minh', () => {
  it('start on Monday in the zone, not in UTC', () => {
    // Sunday 29 November 2026, 17:30 UTC is Monday 30 November, 00:30 in Ho Chi Minh City.
    const monday = localDate(new Date('2026-11-29T17:30:00Z'), 'Asia/Ho_Chi_Minh');
    expect(monday).toBe('2026-11-30');
    expect(weekOf(monday)).toEqual({ from: '2026-11-30', to: '2026-12-06' });
    const sunday = localDate(new Date('2026-11-29T16:59:59Z'), 'Asia/Ho_Chi_Minh');
    expect(weekOf(sunday)).toEqual({ from: '2026-11-23', to: '2026-11-29' });
  });
  it('this week and next cross month and year ends', () => {
    expect(closingWeeks('2026-12-31')).toEqual({
      thisWeek: { from: '2026-12-28', to: '2027-01-03' },
      nextWeek: { from: '2027-01-04', to: '2027-01-10' },
    });
    const { nextWeek } = closingWeeks('2026-12-31');
    expect(closesIn(nextWeek, '2027-01-04')).toBe(true);
    expect(closesIn(nextWeek, '2027-01-10')).toBe(true);
    expect(closesIn(nextWeek, '2027-01-11')).toBe(false);
    expect(closesIn(nextWeek, null)).toBe(false);
  });
});

describe('forecast against a week ago', () => {
  it('replays the stage-weighted forecast at both instants', () => {
    const at = Date.parse('2026-03-20T00:00:00Z');
    const period = {
      start: Date.parse('2026-03-01T00:00:00Z'),
      end: Date.parse('2026-04-01T00:00:00Z'),
    };
    const h = history([
      created(at - 30 * 24 * H, 'lead', 1000, { expectedCloseDate: '2026-03-25' }),
      move(at - 2 * 24 * H, 'lead', 'prop'),
    ]);
    const won = {
      ...history([
        created(at - 30 * 24 * H, 'prop', 400),
        move(at - H, 'prop', 'won'),
        status(at - H, 'won'),
      ]),
      dealId: 'd2',
    };
    const f = forecastChange(
      { histories: [h, won], stages, period, timeZone: 'UTC', toBase: (v) => v },
      at,
    );
    // A week ago: 10% of 1000; d2 had no close date, so it was in no period.
    expect(f.weekAgo).toEqual({ count: 0.1, amount: 100, unconverted: [] });
    // Now: d2 won (400, one deal) + 60% of 1000.
    expect(f.now).toEqual({ count: 1.6, amount: 1000, unconverted: [] });
    expect(f.change).toEqual({ count: 1.5, amount: 900 });
    expect(WEEK_MS).toBe(604_800_000);
  });
});
