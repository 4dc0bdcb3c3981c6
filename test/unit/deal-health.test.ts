import { describe, expect, it } from 'vitest';
import {
  countsAsPush,
  dealHealth,
  idleDays,
  type HealthDeal,
  type HealthStage,
} from '../../src/domain/deal-health.js';

const DAY = 86_400_000;
const now = new Date('2026-03-20T10:00:00Z');
const ago = (ms: number) => new Date(now.getTime() - ms);

const deal = (over: Partial<HealthDeal> = {}): HealthDeal => ({
  status: 'open',
  stageEnteredAt: ago(DAY),
  lastActivityAt: null,
  expectedCloseDate: null,
  closeDatePushes: 0,
  hasNextActivity: true,
  ...over,
});
const stage = (over: Partial<HealthStage> = {}): HealthStage => ({
  rottingDays: null,
  closeDatePushLimit: null,
  ...over,
});
const flags = (d: HealthDeal, s: HealthStage, tz = 'UTC', at = now) =>
  dealHealth(d, s, at, tz).map((r) => r.flag);

describe('rotting', () => {
  const fourteen = stage({ rottingDays: 14 });

  it('starts once more than N whole days have passed since the stage change', () => {
    expect(flags(deal({ stageEnteredAt: ago(14 * DAY) }), fourteen)).toEqual([]);
    expect(flags(deal({ stageEnteredAt: ago(15 * DAY - 1) }), fourteen)).toEqual([]);
    expect(dealHealth(deal({ stageEnteredAt: ago(15 * DAY) }), fourteen, now, 'UTC')).toEqual([
      { flag: 'rotting', idleDays: 15, rottingDays: 14 },
    ]);
  });

  it('counts from the later of the stage change and the last activity', () => {
    const old = ago(30 * DAY);
    expect(flags(deal({ stageEnteredAt: old, lastActivityAt: ago(2 * DAY) }), fourteen)).toEqual(
      [],
    );
    expect(flags(deal({ stageEnteredAt: ago(2 * DAY), lastActivityAt: old }), fourteen)).toEqual(
      [],
    );
    expect(flags(deal({ stageEnteredAt: old, lastActivityAt: ago(20 * DAY) }), fourteen)).toEqual([
      'rotting',
    ]);
  });

  it('never happens in a stage without rotting days, nor to closed deals', () => {
    expect(flags(deal({ stageEnteredAt: ago(999 * DAY) }), stage())).toEqual([]);
    const won = deal({ status: 'won', stageEnteredAt: ago(99 * DAY), hasNextActivity: false });
    expect(flags(won, fourteen)).toEqual([]);
  });

  it('counts a future time (clock skew) as zero idle days', () => {
    expect(
      idleDays({ stageEnteredAt: new Date(now.getTime() + DAY), lastActivityAt: null }, now),
    ).toBe(0);
  });
});

describe('close date overdue', () => {
  it('is overdue from the day after the close date, in the user’s time zone', () => {
    // 2026-03-20T20:00Z is already 21 March in Ho Chi Minh City (UTC+7), still the 20th in UTC.
    const evening = new Date('2026-03-20T20:00:00Z');
    const d = deal({ expectedCloseDate: '2026-03-20' });
    expect(flags(d, stage(), 'UTC', evening)).toEqual([]);
    expect(dealHealth(d, stage(), evening, 'Asia/Ho_Chi_Minh')).toEqual([
      { flag: 'closeDateOverdue', expectedCloseDate: '2026-03-20', daysOverdue: 1 },
    ]);
  });

  it('is not overdue without a close date', () => {
    expect(flags(deal(), stage())).toEqual([]);
  });
});

describe('close date pushed', () => {
  it('flags more pushes than the limit, not as many', () => {
    const two = stage({ closeDatePushLimit: 2 });
    expect(flags(deal({ closeDatePushes: 2 }), two)).toEqual([]);
    expect(dealHealth(deal({ closeDatePushes: 3 }), two, now, 'UTC')).toEqual([
      { flag: 'closeDatePushed', pushes: 3, limit: 2 },
    ]);
    expect(flags(deal({ closeDatePushes: 1 }), stage({ closeDatePushLimit: 0 }))).toEqual([
      'closeDatePushed',
    ]);
    expect(flags(deal({ closeDatePushes: 50 }), stage())).toEqual([]);
  });

  it('counts only a set date moved later', () => {
    expect(countsAsPush('2026-03-01', '2026-03-02')).toBe(true);
    expect(countsAsPush('2026-03-02', '2026-03-01')).toBe(false);
    expect(countsAsPush('2026-03-02', '2026-03-02')).toBe(false);
    expect(countsAsPush(null, '2026-03-02')).toBe(false);
    expect(countsAsPush('2026-03-02', null)).toBe(false);
  });
});

describe('no next step', () => {
  it('flags an open deal with nothing scheduled, with every other reason too', () => {
    const d = deal({
      hasNextActivity: false,
      stageEnteredAt: ago(40 * DAY),
      expectedCloseDate: '2026-03-01',
      closeDatePushes: 4,
    });
    expect(flags(d, stage({ rottingDays: 7, closeDatePushLimit: 1 }))).toEqual([
      'rotting',
      'closeDateOverdue',
      'closeDatePushed',
      'noNextStep',
    ]);
  });
});
