import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { replay, stageVisits } from '../../src/domain/analytics/history.js';
import { keyNumbers } from '../../src/domain/analytics/key-numbers.js';
import { cohortConversion, activeConversion } from '../../src/domain/analytics/stage-conversion.js';
import { boardAt, boardOf } from '../../src/domain/analytics/time-travel.js';
import { imbalance, waterfall } from '../../src/domain/analytics/waterfall.js';
import { STAGES, historiesArb, t } from './analytics-fixtures.js';

// Random histories start in January 2026 and run at most 12 steps of up to 5 days.
const instant = fc.integer({ min: t('2025-12-25'), max: t('2026-04-15') });
const FAR = t('2030-01-01');
const PIPELINES = ['P', 'Q'];

describe('analytics properties over random valid histories', () => {
  it('balances the waterfall exactly for every currency', () => {
    fc.assert(
      fc.property(historiesArb, instant, instant, (histories, a, b) => {
        const [start, end] = a <= b ? [a, b] : [b, a];
        for (const pipelineId of PIPELINES) {
          for (const bars of Object.values(waterfall(histories, pipelineId, start, end))) {
            expect(imbalance(bars)).toBe(0);
            for (const bar of Object.values(bars)) expect(bar.amount).toBeGreaterThanOrEqual(0);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('never lets cohort conversion rise from one open stage to the next, or to Won', () => {
    fc.assert(
      fc.property(historiesArb, instant, (histories, start) => {
        const period = { start, end: start + 30 * 86_400_000 };
        for (const pipelineId of PIPELINES) {
          const rows = cohortConversion(histories, pipelineId, STAGES, period, FAR);
          const chain = rows.filter((r) => STAGES.get(r.stageId)?.kind !== 'lost');
          chain.slice(1).forEach((row, i) => {
            expect(row.reached).toBeLessThanOrEqual(chain[i]?.reached ?? 0);
          });
          for (const row of rows) {
            if (row.conversionToNext !== null) {
              expect(row.conversionToNext).toBeGreaterThanOrEqual(0);
              expect(row.conversionToNext).toBeLessThanOrEqual(1);
            }
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('shows the current rows board when travelling to after the last event', () => {
    fc.assert(
      fc.property(historiesArb, (histories) => {
        for (const pipelineId of PIPELINES) {
          const current = boardOf(
            histories.map((h) => h.current),
            pipelineId,
            STAGES,
          );
          expect(boardAt(histories, pipelineId, STAGES, FAR)).toEqual(current);
        }
      }),
    );
  });

  it('starts and ends the waterfall on the board totals at those instants', () => {
    const boardTotals = (histories: Parameters<typeof boardAt>[0], at: number) => {
      const totals: Record<string, number> = {};
      for (const column of boardAt(histories, 'P', STAGES, at)) {
        for (const [c, v] of Object.entries(column.totals)) totals[c] = (totals[c] ?? 0) + v;
      }
      return totals;
    };
    fc.assert(
      fc.property(historiesArb, instant, instant, (histories, a, b) => {
        const [start, end] = a <= b ? [a, b] : [b, a];
        const bars = waterfall(histories, 'P', start, end);
        const pick = (name: 'start' | 'end') =>
          Object.fromEntries(
            Object.entries(bars)
              .filter(([, b]) => b[name].dealIds.length > 0)
              .map(([c, b]) => [c, b[name].amount]),
          );
        expect(pick('start')).toEqual(boardTotals(histories, start));
        expect(pick('end')).toEqual(boardTotals(histories, end));
      }),
      { numRuns: 200 },
    );
  });

  it('replays every history after its last event to exactly the deal row', () => {
    fc.assert(
      fc.property(historiesArb, (histories) => {
        for (const h of histories) {
          const last = h.events.at(-1)?.at ?? h.createdAt;
          expect(replay(h, last)).toMatchObject({ exists: true, ...h.current });
        }
      }),
    );
  });

  it('says a deal did not exist 1 ms before its creation, and did at it', () => {
    fc.assert(
      fc.property(historiesArb, (histories) => {
        for (const h of histories) {
          expect(replay(h, h.createdAt - 1)).toEqual({ exists: false });
          expect(replay(h, h.createdAt).exists).toBe(true);
        }
      }),
    );
  });

  it('keeps stage visits contiguous and ending in the current stage', () => {
    fc.assert(
      fc.property(historiesArb, (histories) => {
        for (const h of histories) {
          const visits = stageVisits(h);
          visits.slice(1).forEach((v, i) => expect(visits[i]?.leftAt).toBe(v.enteredAt));
          expect(visits.at(-1)).toMatchObject({ stageId: h.current.stageId, leftAt: null });
        }
      }),
    );
  });

  it('keeps rates within 0..1 and active outcomes adding up to the deals', () => {
    fc.assert(
      fc.property(historiesArb, instant, (histories, start) => {
        const period = { start, end: start + 20 * 86_400_000 };
        const k = keyNumbers({
          histories,
          pipelineId: 'P',
          period,
          stages: STAGES,
          qualificationPosition: 1,
        });
        for (const rate of [k.winRate, k.closeRate.rate]) {
          if (rate !== null) expect(rate >= 0 && rate <= 1).toBe(true);
        }
        expect(k.closeRate.won).toBeLessThanOrEqual(k.closeRate.qualified);
        for (const row of activeConversion(histories, 'P', STAGES, period)) {
          const sum = row.forward + row.back + row.won + row.lost + row.movedOut + row.stayed;
          expect(sum).toBe(row.deals);
        }
      }),
      { numRuns: 200 },
    );
  });
});
