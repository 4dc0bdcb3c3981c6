import type { Kysely } from 'kysely';
import type { DB, DealVisibility } from '../../../db/schema.js';
import { forbidden, invalid, notFound } from '../../../domain/errors.js';
import { isKnownCurrency } from '../../../domain/money.js';
import type { Actor } from '../auth/actor.js';
import { inTransaction } from '../shared/transaction.js';
import { checkVersionedUpdate } from '../shared/versioned-update.js';

export async function getWorkspace(db: Kysely<DB>, actor: Actor) {
  const w = await db
    .selectFrom('workspaces')
    .selectAll()
    .where('id', '=', actor.workspaceId)
    .executeTakeFirst();
  if (!w) throw notFound('Workspace');
  const afterTheWin = await db
    .selectFrom('pipelines')
    .select('id')
    .where('workspace_id', '=', actor.workspaceId)
    .where('is_post_purchase', '=', true)
    .executeTakeFirst();
  return {
    id: w.id,
    name: w.name,
    dealVisibility: w.deal_visibility,
    defaultCurrency: w.default_currency,
    timezone: w.timezone,
    renewalLeadDays: w.renewal_lead_days,
    postPurchasePipelineId: afterTheWin?.id ?? null,
    version: w.version,
  };
}

export async function updateWorkspace(
  db: Kysely<DB>,
  actor: Actor,
  input: {
    version: number;
    name?: string | undefined;
    dealVisibility?: DealVisibility | undefined;
    defaultCurrency?: string | undefined;
    timezone?: string | undefined;
    renewalLeadDays?: number | undefined;
    postPurchasePipelineId?: string | null | undefined;
  },
) {
  if (actor.role !== 'admin') throw forbidden('Only admins change workspace settings');
  if (input.defaultCurrency && !isKnownCurrency(input.defaultCurrency)) {
    throw invalid('defaultCurrency', 'Unknown ISO 4217 currency');
  }
  await inTransaction(db, async (trx) => {
    await saveWorkspace(trx, actor, input);
    if (input.postPurchasePipelineId !== undefined) {
      await choosePostPurchase(trx, actor.workspaceId, input.postPurchasePipelineId);
    }
  });
  return getWorkspace(db, actor);
}

/** One after-the-win pipeline per workspace (a unique index holds it): unmark, then mark. */
async function choosePostPurchase(trx: Kysely<DB>, workspaceId: string, pipelineId: string | null) {
  await trx
    .updateTable('pipelines')
    .set({ is_post_purchase: false })
    .where('workspace_id', '=', workspaceId)
    .where('is_post_purchase', '=', true)
    .execute();
  if (pipelineId === null) return;
  const marked = await trx
    .updateTable('pipelines')
    .set({ is_post_purchase: true })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', pipelineId)
    .executeTakeFirst();
  if (marked.numUpdatedRows === 0n) {
    throw invalid('postPurchasePipelineId', 'Not a pipeline of this workspace');
  }
}

async function saveWorkspace(
  db: Kysely<DB>,
  actor: Actor,
  input: Parameters<typeof updateWorkspace>[2],
) {
  const updated = await db
    .updateTable('workspaces')
    .set((eb) => ({
      ...(input.name !== undefined && { name: input.name }),
      ...(input.dealVisibility !== undefined && { deal_visibility: input.dealVisibility }),
      ...(input.defaultCurrency !== undefined && { default_currency: input.defaultCurrency }),
      ...(input.timezone !== undefined && { timezone: input.timezone }),
      ...(input.renewalLeadDays !== undefined && { renewal_lead_days: input.renewalLeadDays }),
      version: eb('version', '+', 1),
      updated_at: new Date(),
    }))
    .where('id', '=', actor.workspaceId)
    .where('version', '=', input.version)
    .returning('id')
    .executeTakeFirst();
  await checkVersionedUpdate(
    updated,
    'Workspace',
    async () =>
      (
        await db
          .selectFrom('workspaces')
          .select('version')
          .where('id', '=', actor.workspaceId)
          .executeTakeFirst()
      )?.version,
  );
}
