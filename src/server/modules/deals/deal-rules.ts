import type { DealStatus, StageKind } from '../../../db/schema.js';

/** A deal's status follows the kind of stage it sits in; only open stages hold open deals. */
export function statusForStage(kind: StageKind): DealStatus {
  return kind === 'open' ? 'open' : kind;
}

/** closed_at is set when a deal becomes won or lost and cleared when it reopens. */
export function closedAtFor(
  from: DealStatus,
  to: DealStatus,
  current: Date | null,
  at: Date,
): Date | null {
  if (to === 'open') return null;
  return from === to ? current : at;
}
