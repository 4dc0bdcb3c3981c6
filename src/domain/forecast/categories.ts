// Forecast categories: how sure a rep is that an open deal closes in the period. Each open deal
// has one, from its stage unless the rep overrides it; closed deals are "closed" (won) or
// "omitted" (lost), whatever was set while they were open.

import type { StageKind } from '../analytics/stages.js';

export const FORECAST_CATEGORIES = [
  'pipeline',
  'best_case',
  'commit',
  'closed',
  'omitted',
] as const;
export type ForecastCategory = (typeof FORECAST_CATEGORIES)[number];

/** The categories a rep may choose for an open deal ("closed" only comes from winning). */
export const OPEN_CATEGORIES = ['pipeline', 'best_case', 'commit', 'omitted'] as const;
export type OpenCategory = (typeof OPEN_CATEGORIES)[number];

// Probability thresholds (percent) for the stage default: a stage most deals leave as wins is
// commit, a coin toss or better is best case, anything earlier is plain pipeline.
export const COMMIT_FROM = 70;
export const BEST_CASE_FROM = 40;

/** The category a stage gives its deals when nobody chose one. */
export function defaultCategory(stage: { kind: StageKind; probability: number }): ForecastCategory {
  if (stage.kind === 'won') return 'closed';
  if (stage.kind === 'lost') return 'omitted';
  if (stage.probability >= COMMIT_FROM) return 'commit';
  if (stage.probability >= BEST_CASE_FROM) return 'best_case';
  return 'pipeline';
}

/** The deal's category: the override while it is open, else the stage default. */
export function effectiveCategory(
  stage: { kind: StageKind; probability: number },
  override: OpenCategory | null,
): ForecastCategory {
  if (stage.kind !== 'open' || override === null) return defaultCategory(stage);
  return override;
}
