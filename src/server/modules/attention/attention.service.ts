import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.js';
import { dealHealth } from '../../../domain/deal-health.js';
import { localDate } from '../../../domain/local-day.js';
import { weightedMinor } from '../../../domain/money.js';
import { byWeightedValue } from '../../../domain/weighted-order.js';
import { scopeOf } from '../access/visibility.js';
import type { Actor } from '../auth/actor.js';
import * as repo from './attention.repository.js';

export type AttentionInput = repo.AttentionFilters & { limit: number };

/** The caller's time zone: their own setting, else the workspace's. */
export async function settingsOf(db: Kysely<DB>, actor: Actor) {
  const row = await repo.userSettings(db, actor.id);
  return {
    timeZone: row.timezone ?? row.workspace_timezone,
    defaultCurrency: row.default_currency,
  };
}

const toAttentionDeal = (d: repo.AttentionRow, reasons: ReturnType<typeof dealHealth>) => {
  const probability = d.probability ?? d.stage_probability;
  return {
    id: d.id,
    title: d.title,
    pipelineId: d.pipeline_id,
    stageId: d.stage_id,
    stageName: d.stage_name,
    ownerId: d.owner_id,
    ownerName: d.owner_name,
    value: d.value_minor,
    currency: d.currency.trim(),
    effectiveProbability: probability,
    weighted: weightedMinor(d.value_minor, probability),
    expectedCloseDate: d.expected_close_date,
    flags: reasons.map((r) => r.flag),
    reasons,
  };
};
export type AttentionDeal = ReturnType<typeof toAttentionDeal>;

/**
 * Open deals with at least one hygiene flag, most promising first (value x probability; see
 * weighted-order.ts for currencies). A rep's list is their own deals unless they narrow it to
 * someone else they can see; managers and admins get everything they can see, by owner or team.
 */
export async function needsAttention(
  db: Kysely<DB>,
  actor: Actor,
  input: AttentionInput,
  now = new Date(),
) {
  const [scope, settings] = await Promise.all([scopeOf(db, actor), settingsOf(db, actor)]);
  const filters =
    actor.role === 'rep' && !input.ownerId && !input.teamId ? { ownerId: actor.id } : input;
  const today = localDate(now, settings.timeZone);
  const rows = await repo.attentionCandidates(db, scope, filters, now, today);
  const deals = rows.flatMap((d) => {
    const reasons = dealHealth(
      {
        status: d.status,
        stageEnteredAt: d.stage_entered_at,
        lastActivityAt: d.last_activity_at,
        expectedCloseDate: d.expected_close_date,
        closeDatePushes: Number(d.close_date_pushes),
        hasNextActivity: Boolean(d.has_next_activity),
      },
      { rottingDays: d.rotting_days, closeDatePushLimit: d.close_date_push_limit },
      now,
      settings.timeZone,
    );
    return reasons.length ? [toAttentionDeal(d, reasons)] : [];
  });
  const compare = byWeightedValue(settings.defaultCurrency);
  deals.sort(
    (a, b) =>
      compare(money(a), money(b)) ||
      (a.expectedCloseDate ?? '9999').localeCompare(b.expectedCloseDate ?? '9999') ||
      (a.id < b.id ? -1 : 1),
  );
  return { data: deals.slice(0, input.limit), total: deals.length };
}

const money = (d: { currency: string; value: number; effectiveProbability: number }) => ({
  currency: d.currency,
  valueMinor: d.value,
  probability: d.effectiveProbability,
});
