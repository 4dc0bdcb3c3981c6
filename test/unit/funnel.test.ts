import { describe, expect, it } from 'vitest';
import { computeFunnel, type FunnelStageInput } from '../../src/domain/funnel.js';

// Lead(0) -> Qualified(1) -> Proposal(2) -> Won(3), Lost(4)
const stages: FunnelStageInput[] = [
  { kind: 'open' },
  { kind: 'open' },
  { kind: 'open' },
  { kind: 'won' },
  { kind: 'lost' },
];
const counts = (deals: Parameters<typeof computeFunnel>[1]) =>
  computeFunnel(stages, deals).map((r) => r.reachedCount);

describe('funnel', () => {
  it('counts a deal that went stage by stage in every stage it passed', () => {
    expect(counts([{ reached: [0, 1, 2], won: false }])).toEqual([1, 1, 1, 0, 0]);
  });

  it('counts a deal that skipped stages as having passed them', () => {
    expect(counts([{ reached: [2], won: false }])).toEqual([1, 1, 1, 0, 0]);
    expect(counts([{ reached: [0, 2], won: false }])).toEqual([1, 1, 1, 0, 0]);
  });

  it('keeps the furthest stage of a deal that moved backwards', () => {
    expect(counts([{ reached: [0, 2, 1], won: false }])).toEqual([1, 1, 1, 0, 0]);
  });

  it('counts a won deal in every open stage and in Won, even when created straight into Won', () => {
    expect(counts([{ reached: [3], won: true }])).toEqual([1, 1, 1, 1, 0]);
    // Won by status in a pipeline with no won stage: it sits in an open stage.
    expect(counts([{ reached: [0], won: true }])).toEqual([1, 1, 1, 1, 0]);
  });

  it('counts a lost deal in the stages it passed and in Lost, not beyond', () => {
    expect(counts([{ reached: [0, 1, 4], won: false }])).toEqual([1, 1, 0, 0, 1]);
  });

  it('does not treat a reopened deal that once was in Won as won', () => {
    expect(counts([{ reached: [0, 3, 1], won: false }])).toEqual([1, 1, 0, 1, 0]);
  });

  it('converts reached counts into stage-to-stage ratios, null at the end and on zero', () => {
    const result = computeFunnel(stages, [
      { reached: [0], won: false, count: 6 },
      { reached: [0, 1], won: false, count: 2 },
      { reached: [0, 1, 2], won: false },
      { reached: [0, 1, 2, 3], won: true },
    ]);
    expect(result).toEqual([
      { reachedCount: 10, conversionToNext: 0.4 },
      { reachedCount: 4, conversionToNext: 0.5 },
      { reachedCount: 2, conversionToNext: null },
      { reachedCount: 1, conversionToNext: null },
      { reachedCount: 0, conversionToNext: null },
    ]);
  });

  it('answers zeros and nulls for an empty pipeline, and nothing for one without stages', () => {
    expect(computeFunnel(stages, [])).toEqual(
      stages.map(() => ({ reachedCount: 0, conversionToNext: null })),
    );
    expect(computeFunnel([], [{ reached: [0], won: true }])).toEqual([]);
  });

  it('skips closed stages placed between open ones when finding the next open stage', () => {
    const odd: FunnelStageInput[] = [{ kind: 'open' }, { kind: 'lost' }, { kind: 'open' }];
    expect(
      computeFunnel(odd, [
        { reached: [0], won: false },
        { reached: [0, 2], won: false },
      ]),
    ).toEqual([
      { reachedCount: 2, conversionToNext: 0.5 },
      { reachedCount: 0, conversionToNext: null },
      { reachedCount: 1, conversionToNext: null },
    ]);
  });

  it('ignores stage indexes outside the pipeline', () => {
    expect(counts([{ reached: [7, -1], won: false }])).toEqual([0, 0, 0, 0, 0]);
  });
});
