import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dealsBehind, type DealsBehindMetric } from '../../src/domain/analytics/deals-behind.js';
import { keyNumbers } from '../../src/domain/analytics/key-numbers.js';
import { cohortConversion } from '../../src/domain/analytics/stage-conversion.js';
import { Deal, STAGES, historiesArb, t } from './analytics-fixtures.js';
import { MARCH, marchDeals } from './analytics-story.js';

const behind = (
  metric: DealsBehindMetric,
  histories = marchDeals(),
  extra: { heldBy?: string; pipelineId?: string; period?: typeof MARCH; stageId?: string } = {},
) =>
  dealsBehind({
    histories,
    pipelineId: extra.pipelineId ?? 'P',
    period: extra.period ?? MARCH,
    stages: STAGES,
    qualificationPosition: 1,
    metric,
    heldBy: extra.heldBy,
    stageId: extra.stageId,
  }).sort();

describe('the deals behind a key number (the March story)', () => {
  it('names the deals of each number, worked out by hand', () => {
    // H and M were created in pipeline Q; A, F and K in February.
    expect(behind('created')).toEqual(['B', 'C', 'D', 'E', 'G']);
    // G was lost and reopened within March and then won: one closing, won.
    expect(behind('won')).toEqual(['A', 'D', 'G']);
    expect(behind('lost')).toEqual(['B', 'C']);
    expect(behind('closed')).toEqual(['A', 'B', 'C', 'D', 'G']);
    // M left for Q on 28 March; C is lost at the end of March (reopened only in April).
    expect(behind('open')).toEqual(['E', 'F', 'K']);
    // First reaching Qualified (or later, or Won) in March: F and K had in February.
    expect(behind('qualified')).toEqual(['A', 'C', 'D', 'G']);
    expect(behind('won', marchDeals(), { pipelineId: 'Q' })).toEqual(['H']);
  });

  it('names the deals each bar of the cohort conversion counts', () => {
    const reached = (stageId: string) => behind('reached', marchDeals(), { stageId });
    // The March cohort of P is B, C, D, E, G. C was lost in March (reopened only in April);
    // G was lost, reopened and won, so it reached every open stage, Won and Lost.
    expect(reached('lead')).toEqual(['B', 'C', 'D', 'E', 'G']);
    expect(reached('qual')).toEqual(['C', 'D', 'G']);
    expect(reached('prop')).toEqual(['C', 'D', 'G']);
    expect(reached('won')).toEqual(['D', 'G']);
    expect(reached('lost')).toEqual(['B', 'C', 'G']);
    expect(reached('q1')).toEqual([]);
  });

  it('keeps the owner at the closing (or at the period end) with heldBy', () => {
    const d = (day: string) => `2026-${day}T09:00:00Z`;
    const deals = [
      // Won by u1, handed to u2 afterwards: still u1's win.
      new Deal('X', d('03-01'), 'lead', 100).move(d('03-10'), 'won').owner(d('03-20'), 'u2'),
      // Handed to u2 before the win: u2's.
      new Deal('Y', d('03-01'), 'lead', 100).owner(d('03-05'), 'u2').move(d('03-10'), 'won'),
      // Open at the end, held by u2 since 15 March.
      new Deal('Z', d('03-01'), 'qual', 100).owner(d('03-15'), 'u2'),
    ].map((deal) => deal.build());
    expect(behind('won', deals, { heldBy: 'u1' })).toEqual(['X']);
    expect(behind('won', deals, { heldBy: 'u2' })).toEqual(['Y']);
    expect(behind('open', deals, { heldBy: 'u2' })).toEqual(['Z']);
    expect(behind('open', deals, { heldBy: 'u1' })).toEqual([]);
  });

  it('counts exactly what keyNumbers and the cohort conversion count, for random histories', () => {
    fc.assert(
      fc.property(
        historiesArb,
        fc.integer({ min: t('2025-12-25'), max: t('2026-04-15') }),
        fc.integer({ min: 1, max: 60 }),
        (histories, start, days) => {
          const period = { start, end: start + days * 86_400_000 };
          for (const pipelineId of ['P', 'Q']) {
            const k = keyNumbers({
              histories,
              pipelineId,
              period,
              stages: STAGES,
              qualificationPosition: 1,
            });
            const count = (metric: DealsBehindMetric) =>
              behind(metric, histories, { pipelineId, period }).length;
            const open = Object.values(k.openAtEnd).reduce((s, o) => s + o.count, 0);
            expect([count('created'), count('won'), count('lost'), count('closed')]).toEqual([
              k.created,
              k.won,
              k.lost,
              k.won + k.lost,
            ]);
            expect([count('qualified'), count('open')]).toEqual([k.closeRate.qualified, open]);
            const cohort = cohortConversion(histories, pipelineId, STAGES, period, period.end - 1);
            for (const row of cohort) {
              const ids = behind('reached', histories, {
                pipelineId,
                period,
                stageId: row.stageId,
              });
              expect(ids.length, row.stageId).toBe(row.reached);
            }
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
