// Builders for deal histories that obey the server's rules (deal-move.ts, deals.service.ts):
// a 'created' event (plus a 'status' event when created into won/lost), a 'stage' event per move
// with a 'status' event at the same instant when the stage kind changes the status.
import fc from 'fast-check';
import type { DealFields, DealHistory, HistoryEvent } from '../../src/domain/analytics/history.js';
import { indexStages, type StageInfo } from '../../src/domain/analytics/stages.js';

const stage = (
  id: string,
  pipelineId: string,
  position: number,
  kind: StageInfo['kind'],
  p: number,
) => ({ id, pipelineId, position, kind, probability: p }) satisfies StageInfo;

// Pipeline P: lead -> qual -> prop -> won / lost. Pipeline Q: q1 -> q2 -> qwon / qlost.
export const STAGES = indexStages([
  stage('lead', 'P', 0, 'open', 10),
  stage('qual', 'P', 1, 'open', 30),
  stage('prop', 'P', 2, 'open', 60),
  stage('won', 'P', 3, 'won', 100),
  stage('lost', 'P', 4, 'lost', 0),
  stage('q1', 'Q', 0, 'open', 25),
  stage('q2', 'Q', 1, 'open', 50),
  stage('qwon', 'Q', 2, 'won', 100),
  stage('qlost', 'Q', 3, 'lost', 0),
]);

export const t = (iso: string): number => Date.parse(iso);
const ms = (at: number | string) => (typeof at === 'string' ? t(at) : at);

const blank: Omit<HistoryEvent, 'type' | 'at'> = {
  fromStageId: null,
  toStageId: null,
  fromPipelineId: null,
  toPipelineId: null,
  fromValue: null,
  toValue: null,
  fromText: null,
  toText: null,
  data: null,
};

/**
 * Writes a deal's events the way the server does, and keeps the deal's row beside them the way
 * the server's UPDATE does (without replaying events), so tests can compare replay with the row.
 */
export class Deal {
  readonly events: HistoryEvent[] = [];
  private row: DealFields;

  constructor(
    readonly id: string,
    at: number | string,
    stageId: string,
    value: number,
    currency = 'USD',
  ) {
    const s = STAGES.get(stageId) as StageInfo;
    const status = s.kind;
    const when = ms(at);
    this.row = {
      pipelineId: s.pipelineId,
      stageId,
      status,
      value,
      currency,
      ownerId: 'u1',
      expectedCloseDate: null,
    };
    this.events.push({
      ...blank,
      type: 'created',
      at: when,
      toStageId: stageId,
      toPipelineId: s.pipelineId,
      toValue: value,
      toText: status,
      data: { currency, ownerId: 'u1', expectedCloseDate: null, status },
    });
    // A deal created already won or lost also gets its status event (deals.service.ts).
    if (status !== 'open') this.events.push({ ...blank, type: 'status', at: when, toText: status });
  }

  move(at: number | string, stageId: string): this {
    const before = this.row;
    const target = STAGES.get(stageId) as StageInfo;
    if (before.stageId === stageId) return this;
    const when = ms(at);
    this.events.push({
      ...blank,
      type: 'stage',
      at: when,
      fromStageId: before.stageId,
      toStageId: stageId,
      fromPipelineId: before.pipelineId,
      toPipelineId: target.pipelineId,
    });
    // transitionEvents in deal-move.ts: a status event when the stage kind changes the status.
    if (target.kind !== before.status) {
      this.events.push({
        ...blank,
        type: 'status',
        at: when,
        fromText: before.status,
        toText: target.kind,
      });
    }
    this.row = { ...before, stageId, pipelineId: target.pipelineId, status: target.kind };
    return this;
  }

  value(at: number | string, value: number): this {
    const from = this.row.value;
    if (from === value) return this;
    this.events.push({ ...blank, type: 'value', at: ms(at), fromValue: from, toValue: value });
    this.row = { ...this.row, value };
    return this;
  }

  currency(at: number | string, currency: string): this {
    const from = this.row.currency;
    if (from === currency) return this;
    this.events.push({ ...blank, type: 'currency', at: ms(at), fromText: from, toText: currency });
    this.row = { ...this.row, currency };
    return this;
  }

  owner(at: number | string, ownerId: string): this {
    const from = this.row.ownerId;
    if (from === ownerId) return this;
    this.events.push({ ...blank, type: 'owner', at: ms(at), fromText: from, toText: ownerId });
    this.row = { ...this.row, ownerId };
    return this;
  }

  build(): DealHistory {
    const first = this.events[0] as HistoryEvent;
    return {
      dealId: this.id,
      pipelineId: first.toPipelineId as string,
      createdAt: first.at,
      events: [...this.events],
      current: { ...this.row },
    };
  }
}

const STAGE_IDS = [...STAGES.keys()];
const step = fc.record({
  // Steps of 0 ms make several changes share one instant, as one update or move does.
  dt: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 5 * 86_400_000 })),
  action: fc.oneof(
    fc.record({ kind: fc.constant('move' as const), stageId: fc.constantFrom(...STAGE_IDS) }),
    fc.record({ kind: fc.constant('value' as const), value: fc.integer({ min: 0, max: 10_000 }) }),
    fc.record({ kind: fc.constant('currency' as const), currency: fc.constantFrom('USD', 'VND') }),
    fc.record({ kind: fc.constant('owner' as const), ownerId: fc.constantFrom('u1', 'u2') }),
  ),
});

const BASE = t('2026-01-01T00:00:00Z');

/** One random valid history: created at some instant in January 2026, then up to 12 changes. */
export const historyArb = (id: string) =>
  fc
    .record({
      offset: fc.integer({ min: 0, max: 30 * 86_400_000 }),
      stageId: fc.constantFrom(...STAGE_IDS),
      value: fc.integer({ min: 0, max: 10_000 }),
      currency: fc.constantFrom('USD', 'VND'),
      steps: fc.array(step, { maxLength: 12 }),
    })
    .map(({ offset, stageId, value, currency, steps }) => {
      let at = BASE + offset;
      const deal = new Deal(id, at, stageId, value, currency);
      for (const { dt, action } of steps) {
        at += dt;
        if (action.kind === 'move') deal.move(at, action.stageId);
        else if (action.kind === 'value') deal.value(at, action.value);
        else if (action.kind === 'currency') deal.currency(at, action.currency);
        else deal.owner(at, action.ownerId);
      }
      return deal.build();
    });

export const historiesArb = fc
  .integer({ min: 0, max: 8 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => historyArb(`d${i}`))));
