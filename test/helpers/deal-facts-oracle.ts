// The test oracle for the deal facts of migration 0015: what replaying a deal's events in
// memory (src/domain/analytics/history.ts) says its intervals and stage stays are, next to what
// the trigger wrote. Times are ISO strings, 'infinity' for "still so".
import type { Kysely } from 'kysely';
import type { DB } from '../../src/db/schema.js';
import { stageVisits, transitions, type DealHistory } from '../../src/domain/analytics/history.js';
import { toHistoryEvent } from '../../src/server/modules/analytics/history.repository.js';

export type FactInterval = {
  from: string;
  to: string;
  createdAt: string;
  createdPipelineId: string | null;
  pipelineId: string | null;
  stageId: string | null;
  status: string;
  closes: boolean;
  value: number;
  currency: string;
  ownerId: string | null;
  expectedCloseDate: string | null;
  /** The interval before (migration 0023); null on the first. */
  before: { pipelineId: string | null; status: string; currency: string; value: number } | null;
  /** On a closing (won or lost after the instant): when the deal next closes. */
  closingUntil: string | null;
};
export type FactVisit = {
  pipelineId: string | null;
  stageId: string | null;
  enteredAt: string;
  leftAt: string;
  /** The stay after (migration 0023); null while the deal is still here. */
  next: { pipelineId: string | null; stageId: string | null } | null;
  stageAgainAt: string;
  /** The stages of its pipeline entered before it that have a bit (migration 0025), sorted. */
  reachedBefore: string[];
  /** When its next stay in the same pipeline begins (migration 0025). */
  pipelineAgainAt: string;
};

const iso = (ms: number) => new Date(ms).toISOString();
const orNull = (s: string) => (s === '' ? null : s);

/** The intervals and stays replay gives for one deal's events (in (occurred_at, id) order). */
export function replayedFacts(history: DealHistory) {
  const steps = transitions(history).filter((s) => s.after.exists);
  // The first 'created' event, as loadHistories() takes it.
  const created = history.events.find((e) => e.type === 'created');
  const intervals: FactInterval[] = [];
  steps.forEach((step, i) => {
    const s = step.after;
    if (!s.exists) return;
    const next = steps[i + 1];
    intervals.push({
      from: iso(step.at),
      to: next ? iso(next.at) : 'infinity',
      createdAt: iso(created?.at ?? step.at),
      createdPipelineId: created?.toPipelineId ?? null,
      pipelineId: orNull(s.pipelineId),
      stageId: orNull(s.stageId),
      status: s.status,
      // closingIn()'s test of an instant.
      closes: step.events.some(
        (e) => e.type === 'status' && (e.toText === 'won' || e.toText === 'lost'),
      ),
      value: s.value,
      currency: s.currency,
      ownerId: orNull(s.ownerId),
      expectedCloseDate: s.expectedCloseDate,
      before: null,
      closingUntil: null,
    });
  });
  intervals.forEach((interval, i) => {
    const b = intervals[i - 1];
    if (b)
      interval.before = {
        pipelineId: b.pipelineId,
        status: b.status,
        currency: b.currency,
        value: b.value,
      };
    if (!interval.closes || interval.status === 'open') return;
    const next = intervals.slice(i + 1).find((n) => n.closes && n.status !== 'open');
    interval.closingUntil = next ? next.from : 'infinity';
  });
  const stays = stageVisits(history);
  const visits: FactVisit[] = stays.map((v, i) => {
    const next = stays[i + 1];
    const again = stays.slice(i + 1).find((n) => n.stageId === v.stageId);
    const inPipeline = stays.slice(i + 1).find((n) => n.pipelineId === v.pipelineId);
    return {
      pipelineId: orNull(v.pipelineId),
      stageId: orNull(v.stageId),
      enteredAt: iso(v.enteredAt),
      leftAt: v.leftAt === null ? 'infinity' : iso(v.leftAt),
      next: next ? { pipelineId: orNull(next.pipelineId), stageId: orNull(next.stageId) } : null,
      stageAgainAt: again ? iso(again.enteredAt) : 'infinity',
      reachedBefore: [
        ...new Set(
          stays
            .slice(0, i)
            .filter((e) => e.pipelineId === v.pipelineId && e.stageId !== '')
            .map((e) => e.stageId),
        ),
      ].sort(),
      pipelineAgainAt: inPipeline ? iso(inPipeline.enteredAt) : 'infinity',
    };
  });
  return { intervals, visits };
}

/** The deal's events as the reports load them, replayed by the oracle. */
export async function expectedFacts(db: Kysely<DB>, dealId: string) {
  const rows = await db
    .selectFrom('deal_events')
    .selectAll()
    .where('deal_id', '=', dealId)
    .orderBy('occurred_at')
    .orderBy('id')
    .execute();
  const events = rows.map(toHistoryEvent);
  const history: DealHistory = {
    dealId,
    pipelineId: '',
    createdAt: 0,
    events,
    current: {
      pipelineId: '',
      stageId: '',
      status: 'open',
      value: 0,
      currency: '',
      ownerId: '',
      expectedCloseDate: null,
    },
  };
  const facts = replayedFacts(history);
  // Only stages that exist and have a bit are in a mask (a deleted stage's bit is not).
  const bits = await stageBits(db);
  for (const v of facts.visits) v.reachedBefore = v.reachedBefore.filter((id) => bits.has(id));
  return facts;
}

async function stageBits(db: Kysely<DB>) {
  const rows = await db.selectFrom('stages').select(['id', 'bit', 'pipeline_id']).execute();
  return new Map(
    rows.flatMap((r) =>
      r.bit === null ? [] : [[r.id, { bit: r.bit, pipelineId: r.pipeline_id }]],
    ),
  );
}

const text = (d: Date | string) =>
  typeof d === 'string' || Number.isNaN(d.getTime()) ? 'infinity' : d.toISOString();

/** What the trigger stored for the deal. */
export async function storedFacts(db: Kysely<DB>, dealId: string) {
  const [bits, intervals, visits] = await Promise.all([
    stageBits(db),
    db
      .selectFrom('deal_state_intervals')
      .selectAll()
      .where('deal_id', '=', dealId)
      .orderBy('valid_from')
      .execute(),
    db
      .selectFrom('deal_stage_visits')
      .selectAll()
      .where('deal_id', '=', dealId)
      .orderBy('entered_at')
      .execute(),
  ]);
  return {
    intervals: intervals.map((r): FactInterval => ({
      from: text(r.valid_from),
      to: text(r.valid_to),
      createdAt: text(r.created_at),
      createdPipelineId: r.created_pipeline_id,
      pipelineId: r.pipeline_id,
      stageId: r.stage_id,
      status: r.status,
      closes: r.closes,
      value: r.value_minor,
      currency: r.currency,
      ownerId: r.owner_id,
      expectedCloseDate: r.expected_close_date,
      before:
        r.prev_status === null
          ? null
          : {
              pipelineId: r.prev_pipeline_id,
              status: r.prev_status,
              currency: r.prev_currency ?? '',
              value: r.prev_value_minor ?? 0,
            },
      closingUntil: r.closing_until === null ? null : text(r.closing_until),
    })),
    visits: visits.map((r): FactVisit => ({
      pipelineId: r.pipeline_id,
      stageId: r.stage_id,
      enteredAt: text(r.entered_at),
      leftAt: text(r.left_at),
      next:
        r.left_at instanceof Date && !Number.isNaN(r.left_at.getTime())
          ? { pipelineId: r.next_pipeline_id, stageId: r.next_stage_id }
          : null,
      stageAgainAt: text(r.stage_again_at),
      reachedBefore: [...bits]
        .filter(
          ([, b]) =>
            b.pipelineId === r.pipeline_id &&
            (BigInt(r.reached_before) >> BigInt(b.bit)) % 2n === 1n,
        )
        .map(([id]) => id)
        .sort(),
      pipelineAgainAt: text(r.pipeline_again_at),
    })),
  };
}
