import fc from 'fast-check';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import type { DB } from '../../src/db/schema.js';
import { channelKey, channelRows, channels } from '../../src/domain/analytics/channels.js';
import { activeOutcome, dealsBehindMetric } from '../../src/contracts/deals-behind.js';
import { dealsBehind } from '../../src/domain/analytics/deals-behind.js';
import { keyNumberFacts } from '../../src/domain/analytics/key-numbers.js';
import { leaderboard, leaderRows } from '../../src/domain/analytics/leaderboard.js';
import {
  activeConversion,
  cohortConversion,
  timeInStage,
} from '../../src/domain/analytics/stage-conversion.js';
import { indexStages, pipelineStages, type Period } from '../../src/domain/analytics/stages.js';
import { boardAt, boardOfTotals } from '../../src/domain/analytics/time-travel.js';
import { waterfall } from '../../src/domain/analytics/waterfall.js';
import { stageConversionOf } from '../../src/server/modules/analytics/conversion-facts.js';
import { channelDealFactsOf } from '../../src/server/modules/analytics/channels.service.js';
import { dealsBehindOf } from '../../src/server/modules/analytics/deals-behind-facts.js';
import {
  closingsBy,
  createdBySource,
  openAt,
} from '../../src/server/modules/analytics/facts.repository.js';
import { leaderTalliesOf } from '../../src/server/modules/analytics/leaderboard.service.js';
import { waterfallOf } from '../../src/server/modules/analytics/waterfall-facts.js';
import { loadHistories } from '../../src/server/modules/analytics/history.repository.js';
import { keyNumberFactsOf } from '../../src/server/modules/analytics/key-number-facts.js';
import { windowOf, type ReportContext } from '../../src/server/modules/analytics/report-context.js';
import { rateTable } from '../../src/domain/exchange.js';
import { localDate } from '../../src/domain/local-day.js';
import {
  dealEventArbs,
  newDeal,
  type EventRow,
  type FactsWorkspace,
} from '../helpers/deal-events-arb.js';
import { userFactory, workspaceFactory } from '../helpers/test-app.js';
import { createTestDatabase } from '../helpers/test-db.js';

// The reports' SQL over the deal facts against the replay of the same events (the reference
// definitions in src/domain/analytics), for random histories, periods and pipelines.
let database: Database;
let db: Kysely<DB>;
let ws: FactsWorkspace;
let contexts: ReportContext[];
let unmasked: ReportContext[];

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  const { workspaceId, admin } = await workspaceFactory(db);
  const rep = await userFactory(db, workspaceId);
  // Two pipelines, so random moves stay within the ones the reports look at.
  const all = await db
    .selectFrom('stages')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .orderBy('pipeline_id')
    .execute();
  const two = [...new Set(all.map((s) => s.pipeline_id))].slice(0, 2);
  const stages = all.filter((s) => two.includes(s.pipeline_id));
  ws = {
    workspaceId,
    ownerIds: [admin.id, rep.id],
    stages: stages.map((s) => ({ id: s.id, pipelineId: s.pipeline_id })),
  };
  const index = indexStages(
    stages.map((s) => ({
      id: s.id,
      pipelineId: s.pipeline_id,
      position: s.position,
      kind: s.kind,
      probability: s.probability,
      bit: s.bit,
    })),
  );
  contexts = [...new Set(stages.map((s) => s.pipeline_id))].map((pipelineId) => ({
    scope: { workspaceId, owners: null },
    timeZone: 'Asia/Ho_Chi_Minh',
    filters: { pipelineId },
    stages: [],
    index,
  }));
  // The same stages without bits, as a pipeline's 54th stage and later have none (migration
  // 0025): the first entries are then the minimum per deal.
  unmasked = contexts.map((ctx) => ({
    ...ctx,
    index: indexStages([...index.values()].map((s) => ({ ...s, bit: null }))),
  }));
});
afterAll(() => database?.close());

const { dealArb, instant } = dealEventArbs(() => ws);
const DAY = 86_400_000;
const WHOLE_HISTORY: Period = { start: Date.UTC(2025, 11, 31), end: Date.UTC(2026, 0, 10) };
// Whole days half the time, so period bounds fall exactly on event instants.
const span = (min: number, max: number) =>
  fc.oneof(
    fc.integer({ min: min * DAY, max: max * DAY }),
    fc.integer({ min, max }).map((d) => d * DAY),
  );
const periodArb = fc.tuple(instant, span(0, 3), span(1, 6)).map(([at, shift, length]): Period => ({
  start: at.getTime() - shift,
  end: at.getTime() + length,
}));

// Sources spelt differently for one channel, another, and none.
const SOURCES = ['Ads', 'ads ', null, 'Web'];
// USD base; VND has a rate only from the third day, so some amounts stay unconverted.
const conversion = {
  base: 'USD',
  rates: rateTable([
    { currency: 'VND', date: '2026-01-03', rate: '0.00004' },
    { currency: 'EUR', date: '2025-12-01', rate: '1.1' },
  ]),
};

async function withDeals(deals: { events: EventRow[] }[], check: () => Promise<void>) {
  const ids: string[] = [];
  for (const [i, deal] of deals.entries()) {
    const dealId = await newDeal(db, ws);
    ids.push(dealId);
    await db
      .updateTable('deals')
      .set({ source: SOURCES[i % SOURCES.length] ?? null })
      .where('id', '=', dealId)
      .execute();
    await db
      .insertInto('deal_events')
      .values(deal.events.map((e) => ({ ...e, workspace_id: ws.workspaceId, deal_id: dealId })))
      .execute();
  }
  try {
    await check();
  } finally {
    await db.deleteFrom('deals').where('id', 'in', ids).execute();
  }
}

const day = (d: number) => new Date(Date.UTC(2026, 0, d));

/** A 'created' event on 1 January in the first stage of the context's pipeline, in USD. */
function createdOnFirst(ctx: ReportContext, value: number): EventRow {
  const stage = ws.stages.find((s) => s.pipelineId === ctx.filters.pipelineId)!;
  return {
    type: 'created',
    occurred_at: day(1),
    to_pipeline_id: stage.pipelineId,
    to_stage_id: stage.id,
    to_value: value,
    data: JSON.stringify({ currency: 'USD' }),
  };
}

describe('reports over the deal facts', () => {
  it('count the key numbers as replaying the histories does', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(dealArb, { minLength: 1, maxLength: 8 }),
        fc.nat(),
        fc.array(periodArb, { minLength: 1, maxLength: 2 }),
        fc.integer({ min: 0, max: 3 }),
        fc.boolean(),
        async (deals, p, periods, qualificationPosition, masked) => {
          const ctx = (masked ? contexts : unmasked)[p % contexts.length]!;
          await withDeals(deals, async () => {
            const q = { db, scope: ctx.scope, filters: ctx.filters };
            const fromSql = await keyNumberFactsOf(q, ctx, periods, qualificationPosition);
            for (const [i, period] of periods.entries()) {
              const histories = await loadHistories(db, ctx.scope, ctx.filters, windowOf(period));
              const replayed = keyNumberFacts({
                histories,
                pipelineId: ctx.filters.pipelineId,
                period,
                stages: ctx.index,
                qualificationPosition,
              });
              expect(fromSql[i]!.facts).toEqual(replayed);
            }
          });
        },
      ),
      { numRuns: 40 },
    );
  });

  it('count a closing in the period whose next closing falls exactly at its end', async () => {
    // Lost on 2 January, reopened on the 3rd, won at midnight on the 4th: the period to the 4th
    // closes it as lost, the next one as won (closingIn(): the last closing within each).
    const ctx = contexts[0]!;
    const events: EventRow[] = [
      createdOnFirst(ctx, 700),
      { type: 'status', occurred_at: day(2), to_text: 'lost' },
      { type: 'status', occurred_at: day(3), to_text: 'open' },
      { type: 'status', occurred_at: day(4), to_text: 'won' },
    ];
    const periods = [
      { start: day(1).getTime(), end: day(4).getTime() },
      { start: day(4).getTime(), end: day(5).getTime() },
    ];
    await withDeals([{ events }], async () => {
      const q = { db, scope: ctx.scope, filters: ctx.filters };
      const [before, after] = await keyNumberFactsOf(q, ctx, periods, 0);
      expect([before!.facts.won, before!.facts.lost]).toEqual([0, 1]);
      expect([after!.facts.won, after!.facts.lost]).toEqual([1, 0]);
      expect(after!.facts.wonValue).toEqual({ USD: { count: 1, total: 700, median: 700 } });
    });
  });

  it('reach the stage a deal entered at the period’s last instant, once', async () => {
    // The cohort reads the stay holding the deal at that instant: entered by it, the next stay
    // in the pipeline after it. A move at exactly the last instant ends one stay and begins
    // the next; only the second holds the deal.
    const ctx = contexts[0]!;
    const [first, second] = pipelineStages(ctx.index, ctx.filters.pipelineId);
    const period = { start: day(1).getTime(), end: day(3).getTime() };
    const events: EventRow[] = [
      createdOnFirst(ctx, 100),
      { type: 'stage', occurred_at: new Date(period.end - 1), to_stage_id: second!.id },
    ];
    await withDeals([{ events }], async () => {
      const q = { db, scope: ctx.scope, filters: ctx.filters };
      const { cohort } = await stageConversionOf(q, ctx.index, period, false);
      expect(cohort.slice(0, 2).map((s) => [s.stageId, s.reached])).toEqual([
        [first!.id, 1],
        [second!.id, 1],
      ]);
    });
  });

  it('show the board at any instants as replaying the histories does', async () => {
    // One instant reads the open index's range; several read each interval once with the run
    // of instants it covers, given in any order and sometimes twice; often exactly on an event.
    const instants = fc
      .array(fc.tuple(instant, fc.oneof(fc.constant(0), fc.integer({ min: -DAY, max: DAY }))), {
        minLength: 1,
        maxLength: 3,
      })
      .chain((list) => {
        const ats = list.map(([day, shift]) => day.getTime() + shift);
        return fc.constantFrom(ats, [...ats, ats[0]!]);
      });
    await fc.assert(
      fc.asyncProperty(
        fc.array(dealArb, { minLength: 1, maxLength: 5 }),
        fc.nat(),
        instants,
        async (deals, p, ats) => {
          const ctx = contexts[p % contexts.length]!;
          await withDeals(deals, async () => {
            const rows = await openAt({ db, scope: ctx.scope, filters: ctx.filters }, ats);
            for (const [i, at] of ats.entries()) {
              const fromSql = boardOfTotals(
                rows
                  .filter((r) => r.n === i + 1)
                  .map((r) => ({ ...r, stageId: r.stage_id, value: r.total })),
                ctx.filters.pipelineId,
                ctx.index,
              );
              const window = { from: new Date(at), until: new Date(at) };
              const histories = await loadHistories(db, ctx.scope, ctx.filters, window);
              expect(fromSql).toEqual(boardAt(histories, ctx.filters.pipelineId, ctx.index, at));
            }
          });
        },
      ),
      { numRuns: 40 },
    );
  });

  it('convert stage to stage as replaying the histories does', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(dealArb, { minLength: 1, maxLength: 8 }),
        fc.nat(),
        periodArb,
        fc.boolean(),
        async (deals, p, period, masked) => {
          const ctx = (masked ? contexts : unmasked)[p % contexts.length]!;
          const { pipelineId } = ctx.filters;
          await withDeals(deals, async () => {
            const q = { db, scope: ctx.scope, filters: ctx.filters };
            const fromSql = await stageConversionOf(q, ctx.index, period, true);
            const histories = await loadHistories(db, ctx.scope, ctx.filters, windowOf(period));
            expect(fromSql.cohort).toEqual(
              cohortConversion(histories, pipelineId, ctx.index, period, period.end - 1),
            );
            expect(fromSql.active).toEqual(
              activeConversion(histories, pipelineId, ctx.index, period),
            );
            expect(fromSql.times).toEqual(timeInStage(histories, pipelineId, ctx.index, period));
          });
        },
      ),
      { numRuns: 60 },
    );
  });

  it('list the deals behind every part of the active conversion', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(dealArb, { minLength: 1, maxLength: 8 }),
        fc.nat(),
        fc.oneof(periodArb, fc.constant(WHOLE_HISTORY)),
        async (deals, p, period) => {
          const ctx = contexts[p % contexts.length]!;
          const { pipelineId } = ctx.filters;
          await withDeals(deals, async () => {
            const q = { db, scope: ctx.scope, filters: ctx.filters };
            const histories = await loadHistories(db, ctx.scope, ctx.filters, windowOf(period));
            const report = activeConversion(histories, pipelineId, ctx.index, period);
            for (const row of report) {
              for (const outcome of [undefined, ...activeOutcome.options]) {
                const query = {
                  period,
                  index: ctx.index,
                  qualificationPosition: 0,
                  metric: 'active' as const,
                  stageId: row.stageId,
                  outcome,
                };
                const fromSql = await dealsBehindOf(q, query, ctx.timeZone, 1000);
                const replayed = dealsBehind({
                  histories,
                  pipelineId,
                  stages: ctx.index,
                  ...query,
                });
                expect(fromSql.deals.map((d) => d.id)).toEqual([...replayed].sort());
                // The list is what the report's bar (or its part) counts.
                expect(fromSql.count).toBe(outcome === undefined ? row.deals : row[outcome]);
              }
            }
          });
        },
      ),
      { numRuns: 40 },
    );
  });

  it('rank owners and count channels as replaying the histories does', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(dealArb, { minLength: 1, maxLength: 8 }),
        fc.nat(),
        periodArb,
        async (deals, p, period) => {
          const ctx = contexts[p % contexts.length]!;
          const { pipelineId } = ctx.filters;
          const dateOf = (t: number) => localDate(new Date(t), ctx.timeZone);
          const byKey = <T extends { key: string }>(rows: T[]) =>
            [...rows].sort((a, b) => (a.key < b.key ? -1 : 1));
          await withDeals(deals, async () => {
            const q = { db, scope: ctx.scope, filters: ctx.filters };
            const histories = await loadHistories(db, ctx.scope, ctx.filters, windowOf(period));
            const replayed = { histories, pipelineId, period, stages: ctx.index, dateOf };
            const tallies = await leaderTalliesOf(q, period, ctx.timeZone);
            expect(byKey(leaderRows(tallies, (id) => [id], conversion))).toEqual(
              byKey(leaderboard({ ...replayed, conversion, rowsOf: (id) => [id] })),
            );

            const sources = new Map(
              (await db.selectFrom('deals').select(['id', 'source']).execute()).map((d) => [
                d.id,
                d.source,
              ]),
            );
            const common = { leads: [], spend: [], period, days: { from: '', to: '' }, conversion };
            const [created, closed] = await Promise.all([
              createdBySource(q, period),
              closingsBy(q, period, ctx.timeZone, 'source'),
            ]);
            const rows = channelRows({ ...common, deals: channelDealFactsOf(created, closed) });
            expect(rows).toEqual(
              channels({
                ...common,
                pipelineId,
                dateOf,
                deals: histories.map((h) => ({
                  history: h,
                  source: sources.get(h.dealId) ?? null,
                })),
              }),
            );
            // Each channel's created and won drill down to the deals they count.
            for (const row of rows) {
              for (const metric of ['created', 'won'] as const) {
                const query = { period, index: ctx.index, qualificationPosition: 0, metric };
                const channel = row.channel ?? '';
                const fromSql = await dealsBehindOf(q, { ...query, channel }, ctx.timeZone, 1000);
                const replayed = dealsBehind({ histories, pipelineId, stages: ctx.index, ...query })
                  .filter((id) => channelKey(sources.get(id) ?? null) === channelKey(row.channel))
                  .sort();
                expect(fromSql.deals.map((d) => d.id)).toEqual(replayed);
                expect(fromSql.count).toBe(metric === 'created' ? row.dealsCreated : row.dealsWon);
              }
            }
          });
        },
      ),
      { numRuns: 60 },
    );
  });

  it('draw the waterfall as replaying the histories does', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(dealArb, { minLength: 1, maxLength: 8 }),
        fc.nat(),
        // Often the whole history, so a deal's whole life (created, closed, reopened) is inside.
        fc.oneof(periodArb, fc.constant(WHOLE_HISTORY)),
        async (deals, p, period) => {
          const ctx = contexts[p % contexts.length]!;
          await withDeals(deals, async () => {
            const q = { db, scope: ctx.scope, filters: ctx.filters };
            const [start, end] = [period.start - 1, period.end - 1];
            const histories = await loadHistories(db, ctx.scope, ctx.filters, windowOf(period));
            const replayed = waterfall(histories, ctx.filters.pipelineId, start, end);
            type Bars = Record<string, { amount: number; dealIds: string[]; dealCount?: number }>;
            const each = (w: Record<string, Bars>, f: (b: Bars[string]) => Bars[string]) =>
              Object.fromEntries(
                Object.entries(w).map(([c, bars]) => [
                  c,
                  Object.fromEntries(Object.entries(bars).map(([n, b]) => [n, f(b)])),
                ]),
              );
            const fromSql = await waterfallOf(q, start, end);
            expect(fromSql).toEqual(each(replayed, (b) => ({ ...b, dealCount: b.dealIds.length })));
            // Listing the first two deals per bar keeps the counts.
            expect(await waterfallOf(q, start, end, 2)).toEqual(
              each(fromSql, (b) => ({ ...b, dealIds: b.dealIds.slice(0, 2) })),
            );
          });
        },
      ),
      { numRuns: 120 },
    );
  });

  it('end a new deal’s New state when its currency changes', async () => {
    // Created on 1 January at 100 USD, in VND from the 2nd, raised to 300 on the 3rd: New holds
    // 100 USD; the rise after the change of currency is an increase, not New.
    const ctx = contexts[0]!;
    const events: EventRow[] = [
      createdOnFirst(ctx, 100),
      { type: 'currency', occurred_at: day(2), to_text: 'VND' },
      { type: 'value', occurred_at: day(3), to_value: 300 },
    ];
    await withDeals([{ events }], async () => {
      const q = { db, scope: ctx.scope, filters: ctx.filters };
      const bars = await waterfallOf(q, day(0).getTime(), day(5).getTime());
      const amounts = (c: string) =>
        Object.fromEntries(
          Object.entries(bars[c]!)
            .filter(([, b]) => b.amount !== 0)
            .map(([n, b]) => [n, b.amount]),
        );
      expect(amounts('USD')).toEqual({ new: 100, currencyOut: 100 });
      expect(amounts('VND')).toEqual({ currencyIn: 100, increases: 200, end: 300 });
    });
  });

  it('list the deals behind each number as replaying the histories does', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(dealArb, { minLength: 1, maxLength: 8 }),
        fc.nat(),
        fc.oneof(periodArb, fc.constant(WHOLE_HISTORY)),
        // Every metric the API offers.
        fc.constantFrom(...dealsBehindMetric.options),
        fc.integer({ min: 0, max: 3 }),
        fc.nat(),
        fc.boolean(),
        fc.option(fc.constantFrom(...activeOutcome.options), { nil: undefined }),
        async (deals, p, period, metric, qualificationPosition, pick, byOwner, outcome) => {
          const ctx = contexts[p % contexts.length]!;
          const { pipelineId } = ctx.filters;
          const stages = [...ctx.index.values()].filter((s) => s.pipelineId === pipelineId);
          const staged = metric === 'reached' || metric === 'active';
          const stageId = staged ? stages[pick % stages.length]!.id : undefined;
          const heldable = ['won', 'lost', 'closed', 'open'].includes(metric);
          const heldBy = heldable && byOwner ? ws.ownerIds[pick % ws.ownerIds.length] : undefined;
          await withDeals(deals, async () => {
            const q = { db, scope: ctx.scope, filters: ctx.filters };
            const query = {
              period,
              index: ctx.index,
              qualificationPosition,
              metric,
              heldBy,
              stageId,
              outcome: metric === 'active' ? outcome : undefined,
            };
            const fromSql = await dealsBehindOf(q, query, ctx.timeZone, 1000);
            const histories = await loadHistories(db, ctx.scope, ctx.filters, windowOf(period));
            const replayed = dealsBehind({ histories, pipelineId, stages: ctx.index, ...query });
            expect(fromSql.deals.map((d) => d.id)).toEqual([...replayed].sort());
            expect(fromSql.count).toBe(replayed.length);
          });
        },
      ),
      { numRuns: 120 },
    );
  });
});
