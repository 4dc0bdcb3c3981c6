// The weekly pipeline review: what changed in a deal between two instants, read from its history.
// One definition of each section (docs/metrics.md, "Pipeline review"), so the page, the CSV and
// the PDF agree. Changes are net: a deal moved forward and back to where it was did not move.
import { countsAsPush } from '../deal-health.js';
import { daysBetween } from '../local-day.js';
import { replay, type DealHistory, type DealState } from '../analytics/history.js';
import type { StageIndex } from '../analytics/stages.js';

/** The review's instants: changes after `since` up to and including `until` (epoch ms). */
export type ReviewWindow = { since: number; until: number };

export type Direction = 'forward' | 'back';
export type Money = { value: number; currency: string };

export type DealChange = {
  dealId: string;
  ownerId: string;
  status: 'open' | 'won' | 'lost';
  /** The deal at `until`. */
  stageId: string;
  value: number;
  currency: string;
  expectedCloseDate: string | null;
  isNew: boolean;
  stage: { fromId: string; toId: string; direction: Direction } | null;
  /** A set close date moved later; `days` calendar days. */
  slipped: { from: string; to: string; days: number } | null;
  valueChange: { from: Money; to: Money } | null;
  /** Won or lost within the window (and still so at `until`), with the instant. */
  closed: { outcome: 'won' | 'lost'; at: number } | null;
};

type Existing = Extract<DealState, { exists: true }>;

/** The instant of the last status event into `outcome` up to `until`. */
function closedAt(h: DealHistory, outcome: 'won' | 'lost', until: number): number {
  let at = h.createdAt;
  for (const e of h.events) {
    if (e.at > until) break;
    if ((e.type === 'status' || e.type === 'created') && e.toText === outcome) at = e.at;
  }
  return at;
}

/**
 * The stage move from `origin` to `end`: only between two open stages of the same pipeline (a
 * closing is a win or a loss; stage orders of two pipelines cannot be compared), by position.
 */
function stageMove(origin: Existing, end: Existing, stages: StageIndex): DealChange['stage'] {
  if (origin.status !== 'open' || end.status !== 'open') return null;
  if (origin.stageId === end.stageId || origin.pipelineId !== end.pipelineId) return null;
  const from = stages.get(origin.stageId);
  const to = stages.get(end.stageId);
  if (!from || !to || from.position === to.position) return null;
  return {
    fromId: origin.stageId,
    toId: end.stageId,
    direction: to.position > from.position ? 'forward' : 'back',
  };
}

/**
 * What changed in the deal within the window, or null when it did not exist at `until` or
 * nothing the review shows changed. The starting point is the deal at `since`, or as it was
 * created when that happened within the window.
 */
export function dealChange(h: DealHistory, stages: StageIndex, w: ReviewWindow): DealChange | null {
  const before = replay(h, w.since);
  const end = replay(h, w.until);
  if (!end.exists) return null;
  const isNew = !before.exists;
  const origin = before.exists ? before : (replay(h, h.createdAt) as Existing);
  if (!origin.exists) return null;
  const wasClosedSo = before.exists && before.status === end.status;
  const closed =
    end.status !== 'open' && !wasClosedSo
      ? { outcome: end.status, at: closedAt(h, end.status, w.until) }
      : null;
  const slipped =
    end.status === 'open' && countsAsPush(origin.expectedCloseDate, end.expectedCloseDate)
      ? {
          from: origin.expectedCloseDate as string,
          to: end.expectedCloseDate as string,
          days: daysBetween(origin.expectedCloseDate as string, end.expectedCloseDate as string),
        }
      : null;
  const valueChange =
    origin.value !== end.value || origin.currency !== end.currency
      ? {
          from: { value: origin.value, currency: origin.currency },
          to: { value: end.value, currency: end.currency },
        }
      : null;
  const stage = stageMove(origin, end, stages);
  if (!isNew && !stage && !slipped && !valueChange && !closed) return null;
  return {
    dealId: h.dealId,
    ownerId: end.ownerId,
    status: end.status,
    stageId: end.stageId,
    value: end.value,
    currency: end.currency,
    expectedCloseDate: end.expectedCloseDate,
    isNew,
    stage,
    slipped,
    valueChange,
    closed,
  };
}
