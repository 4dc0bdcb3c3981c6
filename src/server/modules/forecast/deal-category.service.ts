// A rep's forecast category on an open deal; null goes back to the stage's default.
import type { Kysely } from 'kysely';
import type { DB, ForecastOverride } from '../../../db/schema.js';
import { invalid } from '../../../domain/errors.js';
import { effectiveCategory } from '../../../domain/forecast/categories.js';
import { scopeOf } from '../access/visibility.js';
import type { Actor } from '../auth/actor.js';
import { getDeal } from '../deals/deals.service.js';

export async function setForecastCategory(
  db: Kysely<DB>,
  actor: Actor,
  id: string,
  category: ForecastOverride | null,
) {
  const scope = await scopeOf(db, actor);
  await getDeal(db, scope, id);
  const deal = await db
    .selectFrom('deals')
    .innerJoin('stages', 'stages.id', 'deals.stage_id')
    .select(['deals.id', 'deals.status', 'stages.kind', 'stages.probability'])
    .where('deals.workspace_id', '=', actor.workspaceId)
    .where('deals.id', '=', id)
    .executeTakeFirstOrThrow();
  if (deal.status !== 'open') throw invalid('category', 'can be set on open deals only');
  // Not a tracked field and no version bump: the category is the rep's call, not the deal's data.
  await db.updateTable('deals').set({ forecast_category: category }).where('id', '=', id).execute();
  return {
    id,
    forecastCategory: category,
    effectiveCategory: effectiveCategory(deal, category),
  };
}
