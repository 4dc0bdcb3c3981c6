import { describe, expect, it } from 'vitest';
import {
  currenciesOf,
  describeEvent,
  describeHistory,
  relativeTime,
  type HistoryEvent,
  type HistoryLookups,
} from '../../src/web/features/records/history-text.js';
import { recordsMessages } from '../../src/web/features/records/messages.js';

// A tiny i18next stand-in over the real messages: dotted keys, {{name}} interpolation.
const translator =
  (messages: object) =>
  (key: string, values: Record<string, string> = {}) => {
    const text = key
      .split('.')
      .reduce<unknown>((node, part) => (node as Record<string, unknown>)?.[part], messages);
    if (typeof text !== 'string') throw new Error(`missing message ${key}`);
    return text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => values[name] ?? `{{${name}}}`);
  };

const stages: Record<string, string> = { s1: 'Qualification', s2: 'Proposal', won: 'Won' };
const users: Record<string, string> = { u1: 'Lan', u2: 'Minh' };
const lookups = (lang: 'en' | 'vi'): HistoryLookups => ({
  t: translator(recordsMessages[lang]),
  stageName: (id) => (id && stages[id]) || 'a removed stage',
  userName: (id) => (id && users[id]) || 'someone',
  money: (minor, currency) =>
    new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-US', {
      style: 'currency',
      currency,
    }).format(currency === 'VND' ? minor : minor / 100),
  date: (iso) => iso,
});

let nextId = 1;
const event = (over: Partial<HistoryEvent>): HistoryEvent => ({
  id: nextId++,
  type: 'stage',
  occurredAt: '2026-03-01T03:00:00.000Z',
  actorName: null,
  fromStageId: null,
  toStageId: null,
  fromValue: null,
  toValue: null,
  fromText: null,
  toText: null,
  data: null,
  ...over,
});
const usd = { from: 'USD', to: 'USD' };

describe('deal history in words', () => {
  it('names who moved the deal, and between which stages', () => {
    const moved = event({ type: 'stage', actorName: 'Lan', fromStageId: 's1', toStageId: 's2' });
    expect(describeEvent(moved, usd, lookups('en'))).toBe(
      'Lan moved it from Qualification to Proposal',
    );
    expect(describeEvent({ ...moved, actorName: null }, usd, lookups('en'))).toBe(
      'Moved from Qualification to Proposal',
    );
    expect(describeEvent(moved, usd, lookups('vi'))).toBe(
      'Lan đã chuyển từ Qualification sang Proposal',
    );
  });

  it('formats value changes in the deal’s currency', () => {
    const changed = event({ type: 'value', fromValue: 100_000, toValue: 250_000 });
    expect(describeEvent(changed, usd, lookups('en'))).toBe(
      'Value changed from $1,000.00 to $2,500.00',
    );
    const vnd = { from: 'VND', to: 'VND' };
    const text = describeEvent(
      { ...changed, fromValue: 1_500_000, toValue: 2_000_000 },
      vnd,
      lookups('vi'),
    );
    // vi-VN groups with dots and puts ₫ after the amount, with no decimals.
    expect(text).toMatch(/^Giá trị đổi từ 1\.500\.000\s₫ thành 2\.000\.000\s₫$/);
  });

  it('says won, lost with its reason, and reopened', () => {
    const en = lookups('en');
    expect(describeEvent(event({ type: 'status', fromText: 'open', toText: 'won' }), usd, en)).toBe(
      'Won',
    );
    expect(
      describeEvent(
        event({
          type: 'status',
          actorName: 'Minh',
          toText: 'lost',
          data: { lostReason: 'Budget cut' },
        }),
        usd,
        en,
      ),
    ).toBe('Minh marked it lost: Budget cut');
    expect(describeEvent(event({ type: 'status', fromText: 'won', toText: 'open' }), usd, en)).toBe(
      'Reopened',
    );
  });

  it('resolves owners by id and describes close dates set, changed and removed', () => {
    const en = lookups('en');
    expect(describeEvent(event({ type: 'owner', fromText: 'u1', toText: 'u2' }), usd, en)).toBe(
      'Owner changed from Lan to Minh',
    );
    expect(describeEvent(event({ type: 'owner', fromText: 'gone', toText: 'u2' }), usd, en)).toBe(
      'Owner changed from someone to Minh',
    );
    const date = (fromText: string | null, toText: string | null) =>
      describeEvent(event({ type: 'close_date', fromText, toText }), usd, en);
    expect(date('2026-03-01', '2026-04-15')).toBe(
      'Expected close date changed from 2026-03-01 to 2026-04-15',
    );
    expect(date(null, '2026-04-15')).toBe('Expected close date set to 2026-04-15');
    expect(date('2026-03-01', null)).toBe('Expected close date removed (2026-03-01)');
  });

  it('shows a value in the currency it had then, across currency changes', () => {
    const created = event({
      type: 'created',
      toStageId: 's1',
      toValue: 5_000_000,
      data: { currency: 'VND' },
    });
    const value = event({
      type: 'value',
      fromValue: 5_000_000,
      toValue: 7_000_000,
      occurredAt: '2026-03-02T00:00:00Z',
    });
    // One save changed value and currency together: old amount in VND, new in USD.
    const both = '2026-03-03T00:00:00Z';
    const value2 = event({
      type: 'value',
      fromValue: 7_000_000,
      toValue: 30_000,
      occurredAt: both,
    });
    const currency = event({ type: 'currency', fromText: 'VND', toText: 'USD', occurredAt: both });
    const history = [created, value, value2, currency];
    const seen = currenciesOf(history, 'USD');
    expect(seen.get(value.id)).toEqual({ from: 'VND', to: 'VND' });
    expect(seen.get(value2.id)).toEqual({ from: 'VND', to: 'USD' });

    const lines = describeHistory(history, 'USD', lookups('en')).map((e) => e.text);
    expect(lines[0]).toBe('Currency changed from VND to USD');
    expect(lines[1]).toMatch(/^Value changed from ₫7,000,000 to \$300\.00$/);
    expect(lines[3]).toMatch(/^Created in Qualification at ₫5,000,000$/);
  });

  it('lists the newest event first', () => {
    const first = event({ type: 'created', toStageId: 's1', toValue: 0 });
    const second = event({ type: 'stage', fromStageId: 's1', toStageId: 'won' });
    const third = event({ type: 'status', toText: 'won' });
    expect(describeHistory([first, second, third], 'USD', lookups('en')).map((e) => e.id)).toEqual([
      third.id,
      second.id,
      first.id,
    ]);
    expect(describeHistory([], 'USD', lookups('en'))).toEqual([]);
  });
});

describe('relative time', () => {
  const now = Date.parse('2026-03-10T12:00:00Z');
  it('speaks in the largest whole unit, in the user’s language', () => {
    expect(relativeTime('2026-03-10T11:59:30Z', now, 'en')).toBe('now');
    expect(relativeTime('2026-03-10T09:00:00Z', now, 'en')).toBe('3 hours ago');
    expect(relativeTime('2026-03-09T11:00:00Z', now, 'en')).toBe('yesterday');
    expect(relativeTime('2026-03-01T12:00:00Z', now, 'en')).toBe('last week');
    expect(relativeTime('2026-03-12T12:00:00Z', now, 'en')).toBe('in 2 days');
    expect(relativeTime('2026-03-07T12:00:00Z', now, 'vi')).toBe('3 ngày trước');
  });
});
