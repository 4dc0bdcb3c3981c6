import type { CriterionState, LeadCriteriaValues } from '../db/schema.js';

// Qualification on the criteria sales teams use (fit, budget, authority, need, timing). The keys
// are fixed so that scoring and reports can rely on them; each workspace names them its own way
// and chooses which must be "yes" before a lead may become a deal.

export const CRITERION_KEYS = ['fit', 'budget', 'authority', 'need', 'timing'] as const;
export type CriterionKey = (typeof CRITERION_KEYS)[number];

export type Criterion = { key: CriterionKey; label: string; required: boolean };

export const DEFAULT_CRITERIA: readonly Criterion[] = [
  { key: 'fit', label: 'Fit (industry, size, problem)', required: false },
  { key: 'budget', label: 'Budget', required: false },
  { key: 'authority', label: 'Authority (who decides)', required: false },
  { key: 'need', label: 'Need', required: false },
  { key: 'timing', label: 'Timing', required: false },
];

export const stateOf = (values: LeadCriteriaValues, key: string): CriterionState =>
  values[key]?.state ?? 'unknown';

/** The required criteria not yet answered "yes", in the workspace's order. */
export function missingCriteria(criteria: readonly Criterion[], values: LeadCriteriaValues) {
  return criteria.filter((c) => c.required && stateOf(values, c.key) !== 'yes').map((c) => c.key);
}
