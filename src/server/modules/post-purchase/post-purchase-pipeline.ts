import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.js';
import { unprocessable } from '../../../domain/errors.js';

/**
 * Where onboarding and renewal deals go: the workspace's after-the-win pipeline (Settings →
 * Workspace; the built-in Post-purchase one at first), its first stage for onboarding, its
 * "Renewal…" stage for renewals and its "Expansion…" stage for upsells (else the first). A
 * workspace without one gets a clear 422 rather than deals in the wrong place.
 */
export async function postPurchaseStages(db: Kysely<DB>, workspaceId: string) {
  const stages = await db
    .selectFrom('stages')
    .innerJoin('pipelines', 'pipelines.id', 'stages.pipeline_id')
    .select(['stages.id', 'stages.name', 'stages.pipeline_id'])
    .where('pipelines.workspace_id', '=', workspaceId)
    .where('pipelines.is_post_purchase', '=', true)
    .where('stages.kind', '=', 'open')
    .orderBy('stages.position')
    .execute();
  const first = stages[0];
  if (!first)
    throw unprocessable(
      'Choose the after-the-win pipeline, with open stages, in Settings → Workspace',
    );
  const named = (prefix: string) =>
    (stages.find((s) => s.name.toLowerCase().startsWith(prefix)) ?? first).id;
  return {
    pipelineId: first.pipeline_id,
    onboardingStageId: first.id,
    renewalStageId: named('renewal'),
    expansionStageId: named('expansion'),
  };
}
