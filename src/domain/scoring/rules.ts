// The points a workspace gives by its own rules, each one listed as a reason so a rep can see
// why a lead or deal ranks where it does. Complements the learned score, which needs history.

export type ScoringRules = {
  criterionYes: number;
  criterionNo: number;
  /** Points per source channel, matched without regard to case. */
  sources: Record<string, number>;
  recentActivityDays: number;
  recentActivity: number;
  hasCompany: number;
  hasEmail: number;
};

export const DEFAULT_RULES: ScoringRules = {
  criterionYes: 10,
  criterionNo: -10,
  sources: { referral: 20, partner: 15, event: 10 },
  recentActivityDays: 14,
  recentActivity: 15,
  hasCompany: 5,
  hasEmail: 5,
};

export type RuleFacts = {
  criteriaYes: number;
  criteriaNo: number;
  source: string | null;
  lastActivityAt: Date | null;
  hasCompany: boolean;
  hasEmail: boolean;
};

export type RuleReason = { rule: string; points: number };

export function ruleScore(rules: ScoringRules, facts: RuleFacts, now: Date) {
  const reasons: RuleReason[] = [];
  const add = (rule: string, points: number) => {
    if (points !== 0) reasons.push({ rule, points });
  };
  add('criteriaYes', facts.criteriaYes * rules.criterionYes);
  add('criteriaNo', facts.criteriaNo * rules.criterionNo);
  const source = facts.source?.trim().toLowerCase();
  const sourcePoints = Object.entries(rules.sources).find(([s]) => s.toLowerCase() === source);
  if (sourcePoints) add(`source:${sourcePoints[0]}`, sourcePoints[1]);
  if (
    facts.lastActivityAt &&
    now.getTime() - facts.lastActivityAt.getTime() <= rules.recentActivityDays * 86_400_000
  ) {
    add('recentActivity', rules.recentActivity);
  }
  if (facts.hasCompany) add('hasCompany', rules.hasCompany);
  if (facts.hasEmail) add('hasEmail', rules.hasEmail);
  return { points: reasons.reduce((s, r) => s + r.points, 0), reasons };
}
