// The review's stalled deals: the reviewed owners' open deals that deal health flags as rotting
// now (the attention list's rule, src/domain/deal-health.ts), as they stand.
import type { Kysely } from 'kysely';
import type { ReviewDeal } from '../../../contracts/review.js';
import type { DB } from '../../../db/schema.js';
import { dealHealth } from '../../../domain/deal-health.js';
import { localDate } from '../../../domain/local-day.js';
import { attentionCandidates, type AttentionRow } from '../attention/attention.repository.js';

const asReviewDeal = (d: AttentionRow): ReviewDeal => ({
  dealId: d.id,
  title: d.title,
  ownerId: d.owner_id,
  ownerName: d.owner_name,
  pipelineId: d.pipeline_id,
  stageId: d.stage_id,
  stageName: d.stage_name,
  status: d.status,
  value: d.value_minor,
  currency: d.currency.trim(),
  expectedCloseDate: d.expected_close_date,
  stage: null,
  closeDate: null,
  valueChange: null,
  closed: null,
  stalled: null,
});

export async function stalledDeals(
  db: Kysely<DB>,
  workspaceId: string,
  owners: string[],
  now: Date,
  timeZone: string,
): Promise<ReviewDeal[]> {
  if (owners.length === 0) return [];
  const rows = await attentionCandidates(
    db,
    { workspaceId, owners },
    {},
    now,
    localDate(now, timeZone),
  );
  return rows.flatMap((d) => {
    const rotting = dealHealth(
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
      timeZone,
    ).find((r) => r.flag === 'rotting');
    return rotting
      ? [
          {
            ...asReviewDeal(d),
            stalled: { idleDays: rotting.idleDays, rottingDays: rotting.rottingDays },
          },
        ]
      : [];
  });
}
