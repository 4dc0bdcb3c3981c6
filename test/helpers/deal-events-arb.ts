// Random deal events as any writer may store them (back-dated, out of order, several at one
// instant, before 'created', reopenings, pipeline moves), for the deal facts' property tests.
import fc from 'fast-check';
import type { Kysely } from 'kysely';
import type { DB } from '../../src/db/schema.js';

export type FactsWorkspace = {
  workspaceId: string;
  ownerIds: string[];
  stages: { id: string; pipelineId: string }[];
};

export function dealEventArbs(workspace: () => FactsWorkspace) {
  const ws = () => workspace();
  // Few instants, so events share them and land before, at and after the 'created' one.
  const instant = fc.integer({ min: 0, max: 7 }).map((d) => new Date(Date.UTC(2026, 0, 1 + d)));
  const pick = <T>(list: () => readonly T[]) => fc.nat().map((i) => list()[i % list().length] as T);
  const stageArb = pick(() => ws().stages);
  const ownerArb = pick(() => ws().ownerIds);
  const currencyArb = fc.constantFrom('USD', 'VND', 'EUR');
  const statusArb = fc.constantFrom('open', 'won', 'lost');
  const closeArb = fc.option(fc.constantFrom('2026-02-01', '2026-03-15'), { nil: null });

  const created = fc
    .record({
      at: instant,
      stage: stageArb,
      value: fc.nat({ max: 5000 }),
      currency: currencyArb,
      owner: ownerArb,
      close: closeArb,
      status: fc.option(statusArb, { nil: null }),
    })
    .map((c): EventRow => ({
      type: 'created',
      occurred_at: c.at,
      to_pipeline_id: c.stage.pipelineId,
      to_stage_id: c.stage.id,
      to_value: c.value,
      to_text: c.status,
      data: JSON.stringify({ currency: c.currency, ownerId: c.owner, expectedCloseDate: c.close }),
    }));

  const change: fc.Arbitrary<EventRow> = fc.oneof(
    fc.record({ at: instant, stage: stageArb }).map((e) => ({
      type: 'stage' as const,
      occurred_at: e.at,
      to_pipeline_id: e.stage.pipelineId,
      to_stage_id: e.stage.id,
    })),
    fc.record({ at: instant, v: fc.option(fc.nat({ max: 9000 }), { nil: null }) }).map((e) => ({
      type: 'value' as const,
      occurred_at: e.at,
      to_value: e.v,
    })),
    fc.record({ at: instant, c: currencyArb }).map((e) => ({
      type: 'currency' as const,
      occurred_at: e.at,
      to_text: e.c,
    })),
    fc.record({ at: instant, c: closeArb }).map((e) => ({
      type: 'close_date' as const,
      occurred_at: e.at,
      to_text: e.c,
    })),
    fc.record({ at: instant, o: ownerArb }).map((e) => ({
      type: 'owner' as const,
      occurred_at: e.at,
      to_text: e.o,
    })),
    // Twice as likely: closings and reopenings are what the reports count most.
    {
      weight: 2,
      arbitrary: fc.record({ at: instant, s: statusArb }).map((e) => ({
        type: 'status' as const,
        occurred_at: e.at,
        to_text: e.s,
      })),
    },
    // A second 'created' (a re-import) starts the deal over, as replay does.
    created,
  );

  const dealArb = fc.record({
    events: fc
      .tuple(created, fc.array(change, { maxLength: 8 }))
      .chain(([first, rest]) =>
        fc.shuffledSubarray([first, ...rest], { minLength: rest.length + 1 }),
      ),
    cuts: fc.array(fc.nat(), { maxLength: 2 }),
    deleteOne: fc.option(fc.nat(), { nil: null }),
  });

  return { dealArb, instant };
}

export type EventRow = {
  type: 'created' | 'stage' | 'value' | 'currency' | 'close_date' | 'owner' | 'status';
  occurred_at: Date;
  to_pipeline_id?: string | null;
  to_stage_id?: string | null;
  to_value?: number | null;
  to_text?: string | null;
  data?: string | null;
};

/** A deal row to hang events on; its own fields do not matter to the facts. */
export async function newDeal(db: Kysely<DB>, ws: FactsWorkspace) {
  const stage = ws.stages[0]!;
  const row = await db
    .insertInto('deals')
    .values({
      workspace_id: ws.workspaceId,
      title: 'Property',
      pipeline_id: stage.pipelineId,
      stage_id: stage.id,
      position: 0,
      value_minor: 0,
      currency: 'USD',
      owner_id: ws.ownerIds[0]!,
      stage_entered_at: new Date(),
      // Before every random event, so the reports' deal selection keeps it.
      created_at: new Date('2025-12-01T00:00:00Z'),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
