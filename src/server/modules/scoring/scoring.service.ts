import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.js';
import { forbidden } from '../../../domain/errors.js';
import { learnScorer, learnedScore, type Scorer } from '../../../domain/scoring/learned-score.js';
import { DEFAULT_RULES, ruleScore, type ScoringRules } from '../../../domain/scoring/rules.js';
import { scopeOf } from '../access/visibility.js';
import type { Actor } from '../auth/actor.js';
import { dealFacts, dealRecord, moneyOf, type Money } from './scoring-data.js';

export async function rulesOf(db: Kysely<DB>, workspaceId: string): Promise<ScoringRules> {
  const row = await db
    .selectFrom('workspaces')
    .select('scoring_rules')
    .where('id', '=', workspaceId)
    .executeTakeFirstOrThrow();
  return { ...DEFAULT_RULES, ...((row.scoring_rules as Partial<ScoringRules> | null) ?? {}) };
}

export async function saveRules(db: Kysely<DB>, actor: Actor, rules: ScoringRules) {
  if (actor.role !== 'admin') throw forbidden('Only admins change the scoring rules');
  await db
    .updateTable('workspaces')
    .set({ scoring_rules: JSON.stringify(rules) })
    .where('id', '=', actor.workspaceId)
    .execute();
  return rulesOf(db, actor.workspaceId);
}

/** Learns from every closed deal of the workspace (not only the visible ones: it is a model). */
export async function scorerOf(db: Kysely<DB>, workspaceId: string, money: Money) {
  const closed = await dealFacts(db, workspaceId, true).execute();
  return learnScorer(
    closed.map((row) => ({ ...dealRecord(row, money), id: row.id, won: row.status === 'won' })),
  );
}

/** How the learned model does, for the admin: held-back accuracy and its strongest features. */
export async function modelSummary(db: Kysely<DB>, actor: Actor) {
  if (actor.role === 'rep') throw forbidden('Only admins and managers see the scoring model');
  const scorer = await scorerOf(db, actor.workspaceId, await moneyOf(db, actor.workspaceId));
  const names = await ownerNames(db, actor.workspaceId);
  return {
    trainedOn: scorer.trainedOn,
    heldOut: scorer.heldOut,
    heldOutAuc: scorer.heldOutAuc,
    heldOutAccuracy: scorer.heldOutAccuracy,
    weights: scorer.names
      .map((feature, j) => ({
        feature: readable(feature, names),
        weight: scorer.model.weights[j] ?? 0,
      }))
      .sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight))
      .slice(0, 12)
      .map((w) => ({ ...w, weight: Math.round(w.weight * 1000) / 1000 })),
  };
}

async function ownerNames(db: Kysely<DB>, workspaceId: string) {
  const users = await db
    .selectFrom('users')
    .select(['id', 'name'])
    .where('workspace_id', '=', workspaceId)
    .execute();
  return new Map(users.map((u) => [u.id, u.name]));
}

// Owner features carry ids; people read names.
const readable = (feature: string, names: Map<string, string>) =>
  feature.startsWith('owner: ') ? `owner: ${names.get(feature.slice(7)) ?? '?'}` : feature;

const round = (p: number) => Math.round(p * 1000) / 1000;

/**
 * The caller's focus list: open deals they can see, most expected value first (learned chance x
 * value in the workspace currency; deals without a convertible value after), and open leads by
 * rule points, then learned chance. Each with its reasons.
 */
export async function focusList(db: Kysely<DB>, actor: Actor, limit: number, now = new Date()) {
  const scope = await scopeOf(db, actor);
  const money = await moneyOf(db, actor.workspaceId);
  const [scorer, rules, names, open, leads] = await Promise.all([
    scorerOf(db, actor.workspaceId, money),
    rulesOf(db, actor.workspaceId),
    ownerNames(db, actor.workspaceId),
    dealFacts(db, actor.workspaceId, false)
      .$if(scope.owners !== null, (q) => q.where('d.owner_id', 'in', scope.owners as string[]))
      .execute(),
    db
      .selectFrom('leads')
      .selectAll()
      .where('workspace_id', '=', actor.workspaceId)
      .where('converted_at', 'is', null)
      .where('status', '!=', 'disqualified')
      .$if(scope.owners !== null, (q) =>
        q.where((eb) =>
          eb.or([eb('owner_id', 'is', null), eb('owner_id', 'in', scope.owners as string[])]),
        ),
      )
      .execute(),
  ]);
  const reasonsOf = (s: Scorer, r: Parameters<typeof learnedScore>[1]) => {
    const learned = learnedScore(s, r);
    return {
      probability: round(learned.probability),
      learnedReasons: learned.reasons.map((x) => ({ ...x, feature: readable(x.feature, names) })),
    };
  };
  const deals = open
    .map((row) => {
      const record = dealRecord(row, money);
      const learned = reasonsOf(scorer, record);
      const rule = ruleScore(
        rules,
        {
          criteriaYes: record.criteriaYes,
          criteriaNo: record.criteriaNo,
          source: row.source,
          lastActivityAt: row.last_activity_at,
          hasCompany: record.hasCompany,
          hasEmail: false,
        },
        now,
      );
      return {
        id: row.id,
        title: row.title,
        stageName: row.stage_name,
        value: row.value_minor,
        currency: row.currency.trim(),
        baseValue: record.value,
        expectedValue:
          record.value === null ? null : Math.round(record.value * learned.probability),
        ...learned,
        rulePoints: rule.points,
        ruleReasons: rule.reasons,
      };
    })
    .sort(
      (a, b) =>
        (b.expectedValue ?? -1) - (a.expectedValue ?? -1) ||
        b.probability - a.probability ||
        (a.id < b.id ? -1 : 1),
    )
    .slice(0, limit);
  const scoredLeads = leads
    .map((l) => {
      const values = Object.values(l.criteria);
      const record = {
        source: l.source,
        ownerId: l.owner_id,
        value: null,
        criteriaYes: values.filter((v) => v.state === 'yes').length,
        criteriaNo: values.filter((v) => v.state === 'no').length,
        activities: 0,
        hasCompany: !!l.company_name,
      };
      const rule = ruleScore(
        rules,
        { ...record, lastActivityAt: l.updated_at, hasEmail: !!l.email },
        now,
      );
      return {
        id: l.id,
        name: l.name,
        companyName: l.company_name,
        status: l.status,
        ...reasonsOf(scorer, record),
        rulePoints: rule.points,
        ruleReasons: rule.reasons,
      };
    })
    .sort(
      (a, b) =>
        b.rulePoints - a.rulePoints || b.probability - a.probability || (a.id < b.id ? -1 : 1),
    )
    .slice(0, limit);
  return { baseCurrency: money.base, deals, leads: scoredLeads };
}
