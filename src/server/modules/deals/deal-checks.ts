import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.js';
import { forbidden, invalid } from '../../../domain/errors.js';
import { isKnownCurrency } from '../../../domain/money.js';
import type { Scope } from '../access/visibility.js';

// Checks shared by creating, updating and bulk-editing deals: every reference must be in the
// caller's workspace (and view), or the request is refused naming the field.
export async function assertCompany(
  db: Kysely<DB>,
  scope: Scope,
  companyId: string | null | undefined,
) {
  if (!companyId) return;
  const row = await db
    .selectFrom('companies')
    .select('id')
    .where('id', '=', companyId)
    .where('workspace_id', '=', scope.workspaceId)
    .executeTakeFirst();
  if (!row) throw invalid('companyId', 'No such company in this workspace');
}

export async function assertContacts(db: Kysely<DB>, scope: Scope, ids: string[] | undefined) {
  if (!ids?.length) return;
  const unique = [...new Set(ids)];
  const rows = await db
    .selectFrom('contacts')
    .select('id')
    .where('id', 'in', unique)
    .where('workspace_id', '=', scope.workspaceId)
    .execute();
  if (rows.length !== unique.length)
    throw invalid('contactIds', 'No such contact in this workspace');
}

export async function assertOwner(
  db: Kysely<DB>,
  scope: Scope,
  ownerId: string,
  field = 'ownerId',
) {
  const row = await db
    .selectFrom('users')
    .select(['id', 'active'])
    .where('id', '=', ownerId)
    .where('workspace_id', '=', scope.workspaceId)
    .executeTakeFirst();
  if (!row || !row.active) throw invalid(field, 'No such active user in this workspace');
  if (scope.owners !== null && !scope.owners.includes(ownerId)) {
    throw forbidden('You can assign deals only to people whose deals you can see');
  }
}

export function assertCurrency(currency: string | undefined) {
  if (currency !== undefined && !isKnownCurrency(currency)) {
    throw invalid('currency', 'Unknown ISO 4217 currency');
  }
}

export async function resolveStage(
  db: Kysely<DB>,
  workspaceId: string,
  pipelineId?: string,
  stageId?: string,
) {
  if (stageId) {
    const stage = await db
      .selectFrom('stages')
      .selectAll()
      .where('id', '=', stageId)
      .where('workspace_id', '=', workspaceId)
      .executeTakeFirst();
    if (!stage) throw invalid('stageId', 'No such stage in this workspace');
    if (pipelineId && stage.pipeline_id !== pipelineId)
      throw invalid('stageId', 'The stage is not in that pipeline');
    return stage;
  }
  const stage = await db
    .selectFrom('stages')
    .innerJoin('pipelines', 'pipelines.id', 'stages.pipeline_id')
    .selectAll('stages')
    .where('stages.workspace_id', '=', workspaceId)
    .$if(!!pipelineId, (q) => q.where('stages.pipeline_id', '=', pipelineId as string))
    .orderBy('pipelines.position')
    .orderBy('stages.position')
    .limit(1)
    .executeTakeFirst();
  if (!stage)
    throw invalid(pipelineId ? 'pipelineId' : 'stageId', 'No such pipeline, or it has no stages');
  return stage;
}
