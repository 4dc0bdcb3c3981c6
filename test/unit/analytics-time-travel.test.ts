import { describe, expect, it } from 'vitest';
import { boardAt, boardOf } from '../../src/domain/analytics/time-travel.js';
import { STAGES, t } from './analytics-fixtures.js';
import { marchDeals } from './analytics-story.js';

const histories = marchDeals();

describe('board at an instant (story in analytics-story.ts)', () => {
  it('shows pipeline P as it stood at noon on 12 March', () => {
    // lead: E 400, G 100 (reopened 10 Mar), M 700 (moved in 11 Mar) = 3, 1200 USD.
    // qual: D 6,000,000 VND (raised 09:00), F 800, K 50 (moved back 09:00) = 3.
    // prop: A 1000, C 3000 = 2. B is lost, H is in pipeline Q.
    expect(boardAt(histories, 'P', STAGES, t('2026-03-12T12:00:00Z'))).toEqual([
      { stageId: 'lead', count: 3, totals: { USD: 1200 } },
      { stageId: 'qual', count: 3, totals: { VND: 6_000_000, USD: 850 } },
      { stageId: 'prop', count: 2, totals: { USD: 4000 } },
    ]);
  });

  it('includes changes at exactly the instant and not a millisecond later ones', () => {
    const at = t('2026-03-12T09:00:00Z');
    expect(boardAt(histories, 'P', STAGES, at)[1]).toEqual({
      stageId: 'qual',
      count: 3,
      totals: { VND: 6_000_000, USD: 850 },
    });
    // One millisecond earlier K was still in prop and D still at 5,000,000.
    expect(boardAt(histories, 'P', STAGES, at - 1).slice(1)).toEqual([
      { stageId: 'qual', count: 2, totals: { VND: 5_000_000, USD: 800 } },
      { stageId: 'prop', count: 3, totals: { USD: 4050 } },
    ]);
  });

  it('shows an empty board before any deal existed', () => {
    expect(boardAt(histories, 'P', STAGES, t('2026-01-01T00:00:00Z'))).toEqual([
      { stageId: 'lead', count: 0, totals: {} },
      { stageId: 'qual', count: 0, totals: {} },
      { stageId: 'prop', count: 0, totals: {} },
    ]);
  });

  it('matches the current rows after the last event', () => {
    const now = boardAt(histories, 'P', STAGES, t('2027-01-01T00:00:00Z'));
    expect(now).toEqual(
      boardOf(
        histories.map((h) => h.current),
        'P',
        STAGES,
      ),
    );
    // C reopened and won in April; the board then holds E, F (prop) and K (qual).
    expect(now.map((c) => c.count)).toEqual([1, 1, 1]);
  });
});
