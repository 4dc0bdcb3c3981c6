import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dashboardLayout, type DashboardLayout } from '../../src/contracts/dashboards.js';
import { periodOf } from '../../src/server/modules/analytics/report-context.js';
import {
  addWidget,
  freshWidgetId,
  moveWidget,
  removeWidget,
  resizeWidget,
} from '../../src/domain/dashboards/layout.js';
import { previousPeriod, relativeChange } from '../../src/domain/dashboards/previous-period.js';
import { defaultDashboard } from '../../src/domain/dashboards/default-dashboards.js';

const ZONE = 'Asia/Ho_Chi_Minh';
const iso = (ms: number) => new Date(ms).toISOString();

describe('previousPeriod', () => {
  it.each([
    // Whole months compare with as many whole months just before.
    ['2026-03-01', '2026-03-31', '2026-02-01', '2026-02-28'],
    ['2024-03-01', '2024-03-31', '2024-02-01', '2024-02-29'],
    ['2026-04-01', '2026-06-30', '2026-01-01', '2026-03-31'],
    ['2026-01-01', '2026-03-31', '2025-10-01', '2025-12-31'],
    ['2025-05-01', '2026-04-30', '2024-05-01', '2025-04-30'],
    ['2026-01-01', '2026-12-31', '2025-01-01', '2025-12-31'],
    // Anything else: the same number of days just before.
    ['2026-03-09', '2026-03-15', '2026-03-02', '2026-03-08'],
    ['2026-03-01', '2026-03-15', '2026-02-14', '2026-02-28'],
    ['2026-03-31', '2026-03-31', '2026-03-30', '2026-03-30'],
    ['2026-01-15', '2026-02-14', '2025-12-15', '2026-01-14'],
  ])('%s – %s comes after %s – %s', (from, to, pFrom, pTo) => {
    expect(previousPeriod({ from, to })).toEqual({ from: pFrom, to: pTo });
  });

  it('meets the period exactly at its first instant in Ho Chi Minh City', () => {
    // March 2026 in the zone starts at 17:00 UTC on 28 February; February starts on 31 January.
    const march = periodOf('2026-03-01', '2026-03-31', ZONE);
    const prev = previousPeriod({ from: '2026-03-01', to: '2026-03-31' });
    const feb = periodOf(prev.from, prev.to, ZONE);
    expect([iso(feb.start), iso(feb.end), iso(march.start)]).toEqual([
      '2026-01-31T17:00:00.000Z',
      '2026-02-28T17:00:00.000Z',
      '2026-02-28T17:00:00.000Z',
    ]);
  });

  it('always ends the day before and lasts as long (in days, or in months for whole months)', () => {
    const day = fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 0, 1) });
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 800 }), (start, length) => {
        const from = iso(start).slice(0, 10);
        const to = iso(Date.parse(from) + length * 86_400_000).slice(0, 10);
        const prev = previousPeriod({ from, to });
        expect(iso(Date.parse(prev.to) + 86_400_000).slice(0, 10)).toBe(from);
        const days = (a: string, b: string) => (Date.parse(b) - Date.parse(a)) / 86_400_000;
        if (
          from.endsWith('-01') &&
          iso(Date.parse(to) + 86_400_000).endsWith('-01T00:00:00.000Z')
        ) {
          expect(prev.from.endsWith('-01')).toBe(true);
        } else {
          expect(days(prev.from, prev.to)).toBe(days(from, to));
        }
      }),
    );
  });

  it('gives the change as a share of the earlier number, or nothing', () => {
    expect(relativeChange(15, 10)).toBe(0.5);
    expect(relativeChange(5, 10)).toBe(-0.5);
    expect(relativeChange(-5, -10)).toBe(0.5);
    expect(relativeChange(5, 0)).toBeNull();
    expect(relativeChange(null, 3)).toBeNull();
  });
});

const layout = (): DashboardLayout => defaultDashboard({ id: 'u', role: 'manager' }).widgets;

describe('layout changes', () => {
  it('moves a widget and keeps every other in order', () => {
    const ids = (l: DashboardLayout) => l.map((w) => w.id);
    const l = layout();
    expect(ids(moveWidget(l, 0, 2))).toEqual([l[1]?.id, l[2]?.id, l[0]?.id, ...ids(l.slice(3))]);
    expect(ids(moveWidget(l, 3, 0))).toEqual([l[3]?.id, ...ids(l.slice(0, 3)), ...ids(l.slice(4))]);
    expect(moveWidget(l, 1, 99).at(-1)?.id).toBe(l[1]?.id);
    expect(moveWidget(l, 9, 0)).toBe(l);
  });

  it('resizes within the grid', () => {
    const l = layout();
    const first = l[0]?.id as string;
    expect(resizeWidget(l, first, { dw: 1 })[0]?.size).toEqual({ w: 2, h: 1 });
    expect(resizeWidget(l, first, { dw: 10, dh: 10 })[0]?.size).toEqual({ w: 4, h: 3 });
    expect(resizeWidget(l, first, { dw: -5, dh: -5 })[0]?.size).toEqual({ w: 1, h: 1 });
  });

  it('adds widgets with ids of their own, up to the limit, and removes them', () => {
    let l: DashboardLayout = [];
    for (let i = 0; i < 24; i++) {
      const next = addWidget(l, {
        kind: 'number',
        metric: 'won',
        size: { w: 1, h: 1 },
        options: {},
      });
      expect(next).not.toBeNull();
      l = next as DashboardLayout;
    }
    expect(l.slice(0, 3).map((w) => w.id)).toEqual(['won', 'won-2', 'won-3']);
    expect(dashboardLayout.safeParse(l).success).toBe(true);
    expect(
      addWidget(l, { kind: 'table', report: 'trend', size: { w: 1, h: 1 }, options: {} }),
    ).toBeNull();
    expect(
      removeWidget(l, 'won-2')
        .map((w) => w.id)
        .slice(0, 2),
    ).toEqual(['won', 'won-3']);
    expect(freshWidgetId([], 'a b/c')).toBe('a-b-c');
  });

  it('accepts both default dashboards and refuses repeated ids', () => {
    expect(dashboardLayout.safeParse(layout()).success).toBe(true);
    expect(
      dashboardLayout.safeParse(defaultDashboard({ id: 'u', role: 'rep' }).widgets).success,
    ).toBe(true);
    const twice = [...layout(), layout()[0]];
    const res = dashboardLayout.safeParse(twice);
    expect(res.error?.issues[0]?.path).toEqual([twice.length - 1, 'id']);
  });
});
