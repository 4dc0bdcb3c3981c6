// Deals in a stage are ordered by a floating "position". Moving between two neighbours takes the
// midpoint, so a move writes one row; when the gap gets too small the stage is renumbered.
export const POSITION_STEP = 1024;
const MIN_GAP = 1e-6;

export function positionBetween(before: number | null, after: number | null): number | null {
  if (before === null && after === null) return POSITION_STEP;
  if (before === null) return (after as number) - POSITION_STEP;
  if (after === null) return before + POSITION_STEP;
  const mid = (before + after) / 2;
  return after - before > MIN_GAP && mid > before && mid < after ? mid : null;
}
