import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.js';
import { forbidden, invalid } from '../../../domain/errors.js';
import {
  DEFAULT_CRITERIA,
  type Criterion,
  type CriterionKey,
} from '../../../domain/lead-criteria.js';
import type { Actor } from '../auth/actor.js';

/** The workspace's criteria, in its order; the built-in five until an admin changes them. */
export async function criteriaOf(db: Kysely<DB>, workspaceId: string): Promise<Criterion[]> {
  const rows = await db
    .selectFrom('lead_criteria')
    .select(['key', 'label', 'required'])
    .where('workspace_id', '=', workspaceId)
    .orderBy('position')
    .execute();
  return rows.length === 0
    ? [...DEFAULT_CRITERIA]
    : rows.map((r) => ({ key: r.key as CriterionKey, label: r.label, required: r.required }));
}

export async function saveCriteria(db: Kysely<DB>, actor: Actor, criteria: Criterion[]) {
  if (actor.role !== 'admin') throw forbidden('Only admins change the qualification criteria');
  if (new Set(criteria.map((c) => c.key)).size !== criteria.length)
    throw invalid('criteria', 'must list each criterion once');
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('lead_criteria').where('workspace_id', '=', actor.workspaceId).execute();
    await trx
      .insertInto('lead_criteria')
      .values(
        criteria.map((c, position) => ({
          workspace_id: actor.workspaceId,
          key: c.key,
          label: c.label,
          required: c.required,
          position,
        })),
      )
      .execute();
  });
  return criteriaOf(db, actor.workspaceId);
}
